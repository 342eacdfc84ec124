package id.kentongan.tools;

import id.kentongan.metrics.Meters;
import id.kentongan.store.Redis;
import id.kentongan.store.Utf8Codec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * The USSD benchmark's baseline: what a bare Vert.x 5 HTTP server with one Lettuce GET and one SET per request does on
 * this machine — no menu, no session format, no metrics. It answers the AT gateway's form with {@code CON x} after
 * reading and writing one key named by the form's phone number, so the load generator plays it exactly as it plays
 * the service (same requests, same connections) and the two can be compared in one run. With more round trips (GETs of
 * the phone's other keys between the two) it is the floor of a hop that needs that many commands, as a registration's
 * do: what no server doing that hop's Redis traffic on this machine can beat.
 */
public final class BareServer {
    private BareServer() {}

    /**
     * Runs until the process is stopped; one verticle per event loop ({@code loops}, default one per core). With
     * {@code onLoop} the answer is written from the request's event loop (as the service's Redis futures complete),
     * otherwise straight from where the reply was read (the loop holding the Redis connection; Vert.x hands the write
     * to the request's loop when that is another).
     */
    public static int run(int port, String redisUrl, int loops, boolean onLoop, int roundTrips) throws InterruptedException {
        Running server = start(port, redisUrl, loops, onLoop, roundTrips);
        System.out.println("bare server (Vert.x HTTP + " + roundTrips + " Lettuce commands per request, GET … SET) on port " + port + ", " + loops
                + " event loops, answering from " + (onLoop ? "the event loop" : "Lettuce's thread"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
        return 0;
    }

    /** A started bare server; {@link #close} stops it. */
    public record Running(Vertx vertx, RedisClient client, StatefulRedisConnection<String, String> connection) implements AutoCloseable {
        @Override
        public void close() {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            connection.close();
            client.shutdown();
        }
    }

    /** Starts the server and returns once it listens on {@code port}. */
    public static Running start(int port, String redisUrl, int loops, boolean onLoop, int roundTrips) throws InterruptedException {
        // Configured as the service's client is (no per-command latency histograms, its I/O on Vert.x's loops): the two
        // differ by what they do.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        RedisClient client = RedisClient.create(Redis.resources(vertx).build(), redisUrl);
        StatefulRedisConnection<String, String> connection = client.connect(Utf8Codec.INSTANCE);
        RedisAsyncCommands<String, String> redis = connection.async();
        CountDownLatch started = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(io.vertx.core.Promise<Void> listening) {
                var loop = context;
                vertx.createHttpServer().requestHandler(req -> {
                    // The harness's allocation per hop, read before and after a run as from the service's /admin/stats.
                    if (req.method() == HttpMethod.GET && "/stats".equals(req.path())) {
                        req.response().putHeader("Content-Type", "application/json").end("{\"allocated_bytes\":" + Meters.allocatedBytes() + "}");
                        return;
                    }
                    req.body().onSuccess(body -> {
                        String key = "bare:" + phone(body);
                        CompletionStage<String> read = redis.get(key);
                        for (int i = 1; i <= roundTrips - 2; i++) { // one after the other, as a hop's dependent commands
                            String other = key + ":" + i;
                            read = read.thenCompose(was -> redis.get(other).thenApply(ignored -> was));
                        }
                        read.thenCompose(was -> redis.setex(key, 300, was == null ? "1" : was.length() > 64 ? "1" : was + "1"))
                                .whenComplete((ok, e) -> {
                                    if (onLoop) loop.runOnContext(v -> answer(req, e));
                                    else answer(req, e);
                                });
                    });
                }).listen(port).<Void>mapEmpty().onComplete(listening);
            }
        }, new DeploymentOptions().setInstances(loops)).onComplete(ar -> {
            failed.set(ar.cause());
            started.countDown();
        });
        started.await();
        Running running = new Running(vertx, client, connection);
        if (failed.get() != null) { // the port taken, say: no half-started server left behind
            running.close();
            throw new IllegalStateException("the bare server did not start on port " + port + ": " + failed.get().getMessage(), failed.get());
        }
        return running;
    }

    private static void answer(io.vertx.core.http.HttpServerRequest req, Throwable e) {
        if (e != null) req.response().setStatusCode(503).end("END busy");
        else req.response().putHeader("Content-Type", "text/plain; charset=utf-8").end("CON x");
    }

    /** The form's phoneNumber, read without a full form decoder (as a bare server would). */
    static String phone(Buffer body) {
        String form = body.toString(StandardCharsets.US_ASCII);
        int at = form.indexOf("phoneNumber=");
        if (at < 0) return "-";
        int end = form.indexOf('&', at);
        return form.substring(at + 12, end < 0 ? form.length() : end);
    }
}
