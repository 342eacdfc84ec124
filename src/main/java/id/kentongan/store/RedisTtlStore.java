package id.kentongan.store;

import id.kentongan.metrics.Meters;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Redis through Lettuce's async API: nothing here blocks the event loop. While Redis is unreachable, commands fail at
 * once (never queued until the gateway has given up) and the worker gets a "busy" screen; Lettuce reconnects in the
 * background, and if Redis was down at start-up the next request tries to connect again.
 */
public final class RedisTtlStore implements TtlStore {
    private static final Logger log = LoggerFactory.getLogger(RedisTtlStore.class);

    private final Vertx vertx;
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;

    public RedisTtlStore(Vertx vertx, String url, Duration commandTimeout) {
        this.vertx = vertx;
        this.uri = RedisURI.create(url);
        // Reconnect attempts back off to at most 2 s, so service resumes within seconds of Redis coming back.
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
    }

    private CompletionStage<RedisAsyncCommands<String, String>> commands() {
        CompletableFuture<StatefulRedisConnection<String, String>> c = connection;
        if (c == null || c.isCompletedExceptionally()) {
            synchronized (this) {
                c = connection;
                if (c == null || c.isCompletedExceptionally()) {
                    c = client.connectAsync(Utf8Codec.INSTANCE, uri).toCompletableFuture();
                    c.whenComplete((conn, err) -> {
                        if (err != null) log.warn("redis {}:{} unreachable: {}", uri.getHost(), uri.getPort(), err.toString());
                    });
                    connection = c;
                }
            }
        }
        return c.thenApply(StatefulRedisConnection::async);
    }

    private volatile Meters meters;

    /** Times every command into {@code meters}. */
    public RedisTtlStore metered(Meters meters) {
        this.meters = meters;
        return this;
    }

    private <T> Future<T> call(Function<RedisAsyncCommands<String, String>, CompletionStage<T>> command) {
        long t0 = System.nanoTime();
        Meters m = meters;
        CompletionStage<T> done = commands().thenCompose(command);
        if (m != null) done = done.whenComplete((v, e) -> m.redis(System.nanoTime() - t0));
        // Completes on the caller's Vert.x context, so handlers carry on on their own event loop.
        return Future.fromCompletionStage(done, vertx.getOrCreateContext());
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return call(r -> r.get(key)).map(Optional::ofNullable);
    }

    @Override
    public Future<java.util.List<Optional<String>>> getAll(java.util.List<String> keys) {
        return call(r -> r.mget(keys.toArray(new String[0])))
                .map(values -> values.stream().map(kv -> kv.hasValue() ? Optional.of(kv.getValue()) : Optional.<String>empty()).toList());
    }

    @Override
    public Future<Void> put(String key, String value, Duration ttl) {
        return call(r -> r.set(key, value, SetArgs.Builder.px(ttl.toMillis()))).mapEmpty();
    }

    @Override
    public Future<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        return call(r -> r.set(key, value, SetArgs.Builder.nx().px(ttl.toMillis()))).map("OK"::equals);
    }

    @Override
    public Future<Long> increment(String key) {
        return call(r -> r.incr(key));
    }

    @Override
    public Future<Long> add(String key, long delta) {
        return call(r -> r.incrby(key, delta));
    }

    @Override
    public Future<Boolean> addToSet(String key, String member) {
        return call(r -> r.sadd(key, member)).map(n -> n != null && n > 0);
    }

    @Override
    public Future<Boolean> removeFromSet(String key, String member) {
        return call(r -> r.srem(key, member)).map(n -> n != null && n > 0);
    }

    @Override
    public Future<java.util.Set<String>> members(String key) {
        return call(r -> r.smembers(key)).map(s -> s == null ? java.util.Set.<String>of() : java.util.Set.copyOf(s));
    }

    @Override
    public Future<Void> remove(String key) {
        return call(r -> r.del(key)).mapEmpty();
    }

    @Override
    public Future<Optional<Duration>> ttl(String key) {
        return call(r -> r.pttl(key)).map(ms -> ms == null || ms < 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(ms)));
    }

    /** Bytes Redis uses for {@code key} (MEMORY USAGE), for the size check in tests and docs. */
    public Future<Long> memoryUsage(String key) {
        return call(r -> r.memoryUsage(key));
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public Future<Void> close() {
        CompletableFuture<StatefulRedisConnection<String, String>> c = connection;
        CompletionStage<Void> closing = c == null || c.isCompletedExceptionally() ? CompletableFuture.completedFuture(null)
                : c.thenCompose(StatefulRedisConnection::closeAsync);
        return Future.fromCompletionStage(closing.thenCompose(v -> client.shutdownAsync())
                .thenCompose(v -> {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    resources.shutdown().addListener(f -> done.complete(null));
                    return done;
                }));
    }
}
