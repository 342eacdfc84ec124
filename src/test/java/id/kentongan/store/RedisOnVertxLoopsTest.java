package id.kentongan.store;

import id.kentongan.Instances;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis connections' I/O runs on Vert.x's event loops (issue 18): a reply completes on a loop, not on a thread of
 * Lettuce's; and the loops stay Vert.x's — closing the Redis client leaves them serving.
 */
@Tag("redis")
class RedisOnVertxLoopsTest {

    @Test
    void repliesCompleteOnVertxsLoopAndClosingRedisLeavesTheLoopsServing() throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            Redis redis = new Redis(Instances.REDIS, Duration.ofSeconds(2), vertx);
            String loop = loopThreadName(vertx);
            String key = "loops-test:" + java.util.UUID.randomUUID();
            CompletableFuture<String> completedOn = new CompletableFuture<>();
            var commands = redis.async().toCompletableFuture().get(5, TimeUnit.SECONDS);
            // A reply that comes 0.3 s later (an empty list's BLPOP times out), so the callback is in place before it
            // arrives and runs where the reply is read, not on the thread that attached it.
            commands.blpop(0.3, key).whenComplete((v, e) -> completedOn.complete(
                    e != null ? "failed: " + e : v + "@" + Thread.currentThread().getName() + (Context.isOnEventLoopThread() ? " (loop)" : "")));
            assertEquals("null@" + loop + " (loop)", completedOn.get(5, TimeUnit.SECONDS), "the reply read on Vert.x's only loop");

            redis.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            CompletableFuture<String> after = new CompletableFuture<>();
            vertx.setTimer(10, id -> after.complete(Thread.currentThread().getName()));
            assertEquals(loop, after.get(5, TimeUnit.SECONDS), "the loop still runs timers once Redis is closed");
            assertTrue(vertx.createHttpServer().requestHandler(r -> r.response().end("ok")).listen(0)
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort() > 0, "and still serves");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The name of the thread behind Vert.x's (only) event loop. */
    private static String loopThreadName(Vertx vertx) throws Exception {
        CompletableFuture<String> name = new CompletableFuture<>();
        vertx.runOnContext(v -> name.complete(Thread.currentThread().getName()));
        return name.get(5, TimeUnit.SECONDS);
    }
}
