package id.kentongan.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The one Redis client of an instance: one {@link ClientResources}, one {@link RedisClient}, and one shared,
 * multiplexed connection that every part uses (Lettuce connections are thread-safe; the event loop uses its async
 * API, worker threads its sync API). A part that must block on a read (XREADGROUP BLOCK) asks for a connection of its
 * own. Every connection carries the client name {@link #name()}, so {@code CLIENT LIST} shows what an instance holds.
 * While Redis is unreachable, commands fail at once (never queued until the gateway has given up) and Lettuce
 * reconnects in the background; if Redis was down at start-up, the next command tries to connect again.
 */
public final class Redis {
    private static final Logger log = LoggerFactory.getLogger(Redis.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String name;
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> shared;
    private final List<StatefulRedisConnection<String, String>> blocking = new CopyOnWriteArrayList<>();

    public Redis(String url, Duration commandTimeout) {
        this.uri = RedisURI.create(url);
        this.name = "kentongan-" + UUID.randomUUID().toString().substring(0, 8);
        uri.setClientName(name);
        // Reconnect attempts back off to at most 2 s, so service resumes within seconds of Redis coming back.
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.builder().timeoutSource(new BlockingReadsWaitLonger(commandTimeout)).build())
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .build());
    }

    /** The client name of this instance's connections ({@code CLIENT SETNAME}). */
    public String name() {
        return name;
    }

    /** The shared connection's async commands; connects on first use without blocking. */
    public CompletionStage<RedisAsyncCommands<String, String>> async() {
        return connection().thenApply(StatefulRedisConnection::async);
    }

    /** The shared connection's sync commands: for worker threads only (it may wait for the connection). */
    public RedisCommands<String, String> sync() {
        return Blocking.join(connection()).sync();
    }

    /** A connection of its own for a reader that blocks on the server (named {@code <name>-blocking}); closed with this. */
    public RedisCommands<String, String> blockingConnection() {
        RedisURI own = RedisURI.builder(uri).withClientName(name + "-blocking").build();
        StatefulRedisConnection<String, String> c = client.connect(Utf8Codec.INSTANCE, own);
        blocking.add(c);
        return c.sync();
    }

    private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        CompletableFuture<StatefulRedisConnection<String, String>> c = shared;
        if (c == null || c.isCompletedExceptionally()) {
            synchronized (this) {
                c = shared;
                if (c == null || c.isCompletedExceptionally()) {
                    c = client.connectAsync(Utf8Codec.INSTANCE, uri).toCompletableFuture();
                    c.whenComplete((conn, err) -> {
                        if (err != null) log.warn("redis {}:{} unreachable: {}", uri.getHost(), uri.getPort(), err.toString());
                    });
                    shared = c;
                }
            }
        }
        return c;
    }

    /** Closes every connection and the client without blocking (it may be called on an event loop). */
    public Future<Void> close() {
        CompletableFuture<StatefulRedisConnection<String, String>> c = shared;
        CompletionStage<Void> closing = c == null || c.isCompletedExceptionally() ? CompletableFuture.completedFuture(null)
                : c.thenCompose(StatefulRedisConnection::closeAsync);
        for (StatefulRedisConnection<String, String> b : blocking) closing = closing.thenCombine(b.closeAsync(), (x, y) -> null);
        return Future.fromCompletionStage(closing.exceptionally(e -> null).thenCompose(v -> client.shutdownAsync())
                .thenCompose(v -> {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    resources.shutdown().addListener(f -> done.complete(null));
                    return done;
                }));
    }

    /** Every command times out after the configured time, except blocking reads, which may wait for their block time. */
    private static final class BlockingReadsWaitLonger extends TimeoutOptions.TimeoutSource {
        private final Duration timeout;

        BlockingReadsWaitLonger(Duration timeout) {
            this.timeout = timeout;
        }

        @Override
        public long getTimeout(RedisCommand<?, ?, ?> command) {
            boolean blocks = command.getType() == CommandType.XREADGROUP || command.getType() == CommandType.XREAD;
            return blocks ? timeout.toMillis() + 10_000 : timeout.toMillis();
        }

        @Override
        public TimeUnit getTimeUnit() {
            return TimeUnit.MILLISECONDS;
        }
    }
}
