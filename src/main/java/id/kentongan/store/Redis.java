package id.kentongan.store;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
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
 * The one Redis client of an instance: one {@link ClientResources}, one client, and one shared, multiplexed connection
 * that every part uses (Lettuce connections are thread-safe; the event loop uses its async API, worker threads its sync
 * API). A part that must block on a read (XREADGROUP BLOCK) asks for a connection of its own. Every connection carries
 * the client name {@link #name()}, so {@code CLIENT LIST} shows what an instance holds. While Redis is unreachable,
 * commands fail at once (never queued until the gateway has given up) and Lettuce reconnects in the background; if
 * Redis was down at start-up, the next command tries to connect again.
 *
 * <p>The URL chooses the topology: {@code redis://} or {@code rediss://} one server; {@code redis-sentinel://h:p,h:p/0#master}
 * a master found (and followed through failovers) by Sentinel; {@code redis-cluster://[:password@]h:p,h:p,…} a Redis
 * Cluster from its seed nodes, with MOVED/ASK followed and the topology refreshed on every sign of change. The rest of
 * the service sees the cluster-compatible command interfaces either way, and keeps its multi-key commands and scripts
 * within one hash slot ({@link Keyspace}).
 */
public final class Redis {
    private static final Logger log = LoggerFactory.getLogger(Redis.class);
    private static final String CLUSTER = "redis-cluster://";

    private final ClientResources resources;
    private final RedisClient client;               // one server, or Sentinel's master
    private final RedisClusterClient clusterClient; // or a cluster
    private final RedisURI uri;
    private final String name;
    private final String where;
    private final Lazy shared = new Lazy();
    private final List<StatefulConnection<String, String>> blocking = new CopyOnWriteArrayList<>();
    private final Lazy replicaReads = new Lazy();

    /**
     * A connection opened on first use without blocking, and opened again on the next use after an attempt failed
     * (Redis was down at start-up); closed with the client.
     */
    private static final class Lazy {
        private volatile CompletableFuture<StatefulConnection<String, String>> connection;

        CompletableFuture<StatefulConnection<String, String>> get(java.util.function.Supplier<CompletableFuture<StatefulConnection<String, String>>> open) {
            CompletableFuture<StatefulConnection<String, String>> c = connection;
            if (c != null && !c.isCompletedExceptionally()) return c;
            synchronized (this) {
                if (connection == null || connection.isCompletedExceptionally()) connection = open.get();
                return connection;
            }
        }

        CompletionStage<Void> close() {
            CompletableFuture<StatefulConnection<String, String>> c = connection;
            return c == null || c.isCompletedExceptionally() ? CompletableFuture.completedFuture(null)
                    : c.thenCompose(StatefulConnection::closeAsync).exceptionally(e -> null);
        }
    }

    public Redis(String url, Duration commandTimeout) {
        this(url, commandTimeout, (io.netty.channel.EventLoopGroup) null);
    }

    /**
     * With {@code vertx}, the connections live on its event loops, not on I/O threads of their own ({@link SharedLoops});
     * a sync call must then never be made on an event loop ({@link #sync()} refuses).
     */
    public Redis(String url, Duration commandTimeout, io.vertx.core.Vertx vertx) {
        this(url, commandTimeout, SharedLoops.of(vertx));
    }

    private Redis(String url, Duration commandTimeout, io.netty.channel.EventLoopGroup loops) {
        this.name = "kentongan-" + UUID.randomUUID().toString().substring(0, 8);
        // Reconnect attempts back off to at most 2 s, so service resumes within seconds of Redis coming back.
        this.resources = resources(loops)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        TimeoutOptions timeouts = TimeoutOptions.builder().timeoutSource(new BlockingReadsWaitLonger(commandTimeout)).build();
        SocketOptions sockets = SocketOptions.builder().connectTimeout(commandTimeout).build();
        if (url.startsWith(CLUSTER)) {
            List<RedisURI> seeds = seeds(url, name);
            this.uri = seeds.get(0);
            this.where = "cluster " + seeds.stream().map(u -> u.getHost() + ":" + u.getPort()).toList();
            this.client = null;
            this.clusterClient = RedisClusterClient.create(resources, seeds);
            clusterClient.setOptions(ClusterClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(timeouts)
                    .socketOptions(sockets)
                    // A failover moves slots: MOVED, ASK and lost connections each trigger a refresh, and a periodic one
                    // catches what no command saw.
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
                            .enablePeriodicRefresh(Duration.ofSeconds(15))
                            .build())
                    .maxRedirects(5)
                    .build());
        } else {
            this.uri = RedisURI.create(url);
            uri.setClientName(name);
            this.where = uri.getSentinels().isEmpty() ? uri.getHost() + ":" + uri.getPort()
                    : "sentinel master " + uri.getSentinelMasterId();
            this.clusterClient = null;
            this.client = RedisClient.create(resources);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(timeouts)
                    .socketOptions(sockets)
                    .build());
        }
    }

    /**
     * The client's resources as the service uses them (the bare baseline server too, so the two differ only by what
     * they do per request), the connections on {@code loops} unless {@code -Dkentongan.redis.ownThreads=true} (for
     * measuring only: Lettuce's own I/O threads, as before issue 18's fourth session).
     */
    public static DefaultClientResources.Builder resources(io.vertx.core.Vertx vertx) {
        return resources(SharedLoops.of(vertx));
    }

    private static DefaultClientResources.Builder resources(io.netty.channel.EventLoopGroup loops) {
        DefaultClientResources.Builder b = resources();
        if (loops != null && !Boolean.getBoolean("kentongan.redis.ownThreads")) b.eventLoopGroupProvider(new SharedLoops(loops));
        return b;
    }

    /** The client's resources with Lettuce's own I/O threads. */
    public static DefaultClientResources.Builder resources() {
        return DefaultClientResources.builder()
                // Lettuce's own per-command latency histograms (on by default when HdrHistogram is on the class path):
                // a wrapper and a histogram update per command, ~9 % of the bytes a registration hop allocated (JFR);
                // the service times its Redis commands itself (kentongan_redis_command_seconds).
                .commandLatencyRecorder(io.lettuce.core.metrics.CommandLatencyRecorder.disabled())
                .commandLatencyPublisherOptions(io.lettuce.core.event.DefaultEventPublisherOptions.disabled())
                // Each command is written by a task of its own on the connection's I/O thread, and each would flush (a
                // write syscall): the commands of many hops written in one run of that thread's tasks go out in one.
                .nettyCustomizer(new NettyCustomizer() {
                    @Override
                    public void afterChannelInitialized(Channel channel) {
                        if (Boolean.getBoolean("kentongan.redis.noConsolidation")) return;
                        channel.pipeline().addFirst(new FlushConsolidationHandler(FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
                    }
                });
    }

    /** {@code redis-cluster://[:password@]h1:p1,h2:p2,…}: each seed a node of the cluster. */
    static List<RedisURI> seeds(String url, String clientName) {
        String rest = url.substring(CLUSTER.length());
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            password = credentials.startsWith(":") ? credentials.substring(1) : credentials;
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) rest = rest.substring(0, slash);
        List<RedisURI> seeds = new java.util.ArrayList<>();
        for (String hostPort : rest.split(",")) {
            if (hostPort.isBlank()) continue;
            RedisURI u = RedisURI.create("redis://" + hostPort.strip());
            if (password != null) u.setPassword(password.toCharArray());
            u.setClientName(clientName);
            seeds.add(u);
        }
        if (seeds.isEmpty()) throw new IllegalArgumentException("invalid configuration: redis.url " + CLUSTER + " needs at least one host:port");
        return seeds;
    }

    /** The client name of this instance's connections ({@code CLIENT SETNAME}). */
    public String name() {
        return name;
    }

    public boolean cluster() {
        return clusterClient != null;
    }

    /** The shared connection's async commands; connects on first use without blocking. */
    public CompletionStage<RedisClusterAsyncCommands<String, String>> async() {
        RedisClusterAsyncCommands<String, String> now = asyncNow();
        return now != null ? CompletableFuture.completedFuture(now) : connection().thenApply(Redis::async);
    }

    /**
     * The shared connection's async commands when it is open already (the usual case), else null: every command on the
     * hop path asks, and chaining it on the connection's future each time cost three futures a command.
     */
    public RedisClusterAsyncCommands<String, String> asyncNow() {
        CompletableFuture<StatefulConnection<String, String>> c = connection();
        return c.isDone() && !c.isCompletedExceptionally() ? async(c.getNow(null)) : null;
    }

    /** The shared connection's sync commands: for worker threads only (it may wait for the connection). */
    public RedisClusterCommands<String, String> sync() {
        return sync(Blocking.join(connection()));
    }

    /**
     * A second connection whose reads go to replicas where there are any (writes still go to the masters): for reads
     * where a value a moment old is harmless — every instance's poll of the menu versions — so they leave the masters
     * to the sessions. A cluster reads from its replicas; Sentinel's master and replicas through Lettuce's
     * master-replica connection; one server is read as always (the shared connection).
     */
    public CompletionStage<RedisClusterAsyncCommands<String, String>> replicaReads() {
        if (!cluster() && uri.getSentinels().isEmpty()) return async();
        return replicaReads.get(() -> cluster()
                ? clusterClient.refreshPartitionsAsync().toCompletableFuture()
                        .thenCompose(v -> clusterClient.connectAsync(Utf8Codec.INSTANCE))
                        .<StatefulConnection<String, String>>thenApply(cc -> {
                            cc.setReadFrom(ReadFrom.REPLICA_PREFERRED);
                            return cc;
                        }).toCompletableFuture()
                : MasterReplica.connectAsync(client, Utf8Codec.INSTANCE, RedisURI.builder(uri).withClientName(name + "-replica-reads").build())
                        .<StatefulConnection<String, String>>thenApply(mr -> {
                            mr.setReadFrom(ReadFrom.REPLICA_PREFERRED);
                            return mr;
                        }).toCompletableFuture()).thenApply(Redis::async);
    }

    /** A connection of its own for a reader that blocks on the server (named {@code <name>-blocking}); closed with this. */
    public RedisClusterCommands<String, String> blockingConnection() {
        // It connects and names itself synchronously: on an event loop, which reads the replies, that would never end.
        Blocking.refuseOnEventLoop();
        StatefulConnection<String, String> c;
        if (cluster()) {
            StatefulRedisClusterConnection<String, String> cc = clusterClient.connect(Utf8Codec.INSTANCE);
            cc.sync().clientSetname(name + "-blocking");
            c = cc;
        } else {
            c = client.connect(Utf8Codec.INSTANCE, RedisURI.builder(uri).withClientName(name + "-blocking").build());
        }
        blocking.add(c);
        return sync(c);
    }

    private static RedisClusterAsyncCommands<String, String> async(StatefulConnection<String, String> c) {
        return c instanceof StatefulRedisClusterConnection<String, String> cc ? cc.async() : ((StatefulRedisConnection<String, String>) c).async();
    }

    private static RedisClusterCommands<String, String> sync(StatefulConnection<String, String> c) {
        return c instanceof StatefulRedisClusterConnection<String, String> cc ? cc.sync() : ((StatefulRedisConnection<String, String>) c).sync();
    }

    private CompletableFuture<StatefulConnection<String, String>> connection() {
        return shared.get(() -> {
            // A cluster client connects asynchronously only once it knows the slots: ask the seeds for them first.
            CompletableFuture<StatefulConnection<String, String>> c = cluster()
                    ? clusterClient.refreshPartitionsAsync().toCompletableFuture()
                            .thenCompose(v -> clusterClient.connectAsync(Utf8Codec.INSTANCE))
                            // Node connections opened from the topology carry no name of their own: name them
                            // all, but never fail for it (a node down, as after a failover, would refuse).
                            .thenCompose(cc -> cc.async().clientSetname(name).handle((ok, err) -> cc))
                            .<StatefulConnection<String, String>>thenApply(x -> x).toCompletableFuture()
                    : client.connectAsync(Utf8Codec.INSTANCE, uri).<StatefulConnection<String, String>>thenApply(x -> x).toCompletableFuture();
            c.whenComplete((conn, err) -> {
                if (err != null) log.warn("redis {} unreachable: {}", where, err.toString());
            });
            return c;
        });
    }

    /** Closes every connection and the client without blocking (it may be called on an event loop). */
    public Future<Void> close() {
        CompletionStage<Void> closing = shared.close().thenCombine(replicaReads.close(), (x, y) -> null);
        for (StatefulConnection<String, String> b : blocking) closing = closing.thenCombine(b.closeAsync(), (x, y) -> null);
        return Future.fromCompletionStage(closing.exceptionally(e -> null)
                .thenCompose(v -> cluster() ? clusterClient.shutdownAsync() : client.shutdownAsync())
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
