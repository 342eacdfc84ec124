package id.kentongan.store;

import id.kentongan.metrics.Meters;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Redis through the instance's shared connection ({@link Redis}), async: nothing here blocks the event loop. While
 * Redis is unreachable, commands fail at once and the worker gets a "busy" screen.
 */
public final class RedisTtlStore implements TtlStore {
    private final Vertx vertx;
    private final Redis redis;
    private final boolean owned;
    private final Keyspace keys;

    /** On the instance's client (closed by its owner). */
    public RedisTtlStore(Vertx vertx, Redis redis, Keyspace keys) {
        this(vertx, redis, false, keys);
    }

    /** With a client of its own, closed with the store (tests and tools). */
    public RedisTtlStore(Vertx vertx, String url, Duration commandTimeout, Keyspace keys) {
        this(vertx, new Redis(url, commandTimeout), true, keys);
    }

    /** With a client of its own and the default keyspace. */
    public RedisTtlStore(Vertx vertx, String url, Duration commandTimeout) {
        this(vertx, url, commandTimeout, Keyspace.defaults());
    }

    private RedisTtlStore(Vertx vertx, Redis redis, boolean owned, Keyspace keys) {
        this(vertx, redis, owned, keys, false);
    }

    private final boolean fromReplicas;

    private RedisTtlStore(Vertx vertx, Redis redis, boolean owned, Keyspace keys, boolean fromReplicas) {
        this.vertx = vertx;
        this.redis = redis;
        this.owned = owned;
        this.keys = keys;
        this.fromReplicas = fromReplicas;
    }

    /** The same store, reading from replicas where the topology has them ({@link Redis#replicaReads()}). */
    public RedisTtlStore readingFromReplicas() {
        return new RedisTtlStore(vertx, redis, false, keys, true).metered(meters);
    }

    @Override
    public Keyspace keys() {
        return keys;
    }

    private CompletionStage<RedisClusterAsyncCommands<String, String>> commands() {
        return fromReplicas ? redis.replicaReads() : redis.async();
    }

    private volatile Meters meters;

    /** Times every command into {@code meters}. */
    public RedisTtlStore metered(Meters meters) {
        this.meters = meters;
        return this;
    }

    private <T> Future<T> call(Function<RedisClusterAsyncCommands<String, String>, CompletionStage<T>> command) {
        long t0 = System.nanoTime();
        Meters m = meters;
        RedisClusterAsyncCommands<String, String> open = fromReplicas ? null : redis.asyncNow();
        CompletionStage<T> done;
        if (open == null) {
            done = commands().thenCompose(command);
        } else {
            try {
                done = command.apply(open);
            } catch (RuntimeException e) { // as a failed command, never thrown at the caller (thenCompose did the same)
                done = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        }
        // Completes on the caller's Vert.x context, so handlers carry on on their own event loop; timed there, as a
        // listener of that future (a second whenComplete was one CompletableFuture more per command).
        Future<T> result = Future.fromCompletionStage(done, vertx.getOrCreateContext());
        if (m != null) result.onComplete(ar -> m.redis(System.nanoTime() - t0));
        return result;
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return call(r -> r.get(key)).map(Optional::ofNullable);
    }

    @Override
    public Future<java.util.List<Optional<String>>> getAll(java.util.List<String> keys) {
        if (keys.isEmpty()) return Future.succeededFuture(java.util.List.of()); // MGET without a key is an error in Redis
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
    public Future<Long> incrementWithin(String key, Duration window) {
        return call(r -> Script.COUNT_WITHIN.<Long>runAsync(r, io.lettuce.core.ScriptOutputType.INTEGER, new String[]{key},
                Long.toString(window.toMillis())));
    }

    /** One script (read-and-count.lua): on the hop path every command is service and Redis CPU. */
    @Override
    public Future<Counted> getAllCounting(java.util.List<String> keys, String counter, Duration window) {
        String[] all = new String[keys.size() + 1];
        for (int i = 0; i < keys.size(); i++) all[i] = keys.get(i);
        all[keys.size()] = counter;
        return call(r -> Script.READ_AND_COUNT.<java.util.List<Object>>runAsync(r, io.lettuce.core.ScriptOutputType.MULTI, all,
                Long.toString(window.toMillis()))).map(out -> {
            java.util.List<Optional<String>> values = new java.util.ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) values.add(Optional.ofNullable(out.get(i) instanceof String v ? v : null));
            return new Counted(values, (Long) out.get(keys.size()));
        });
    }

    @Override
    public Future<Long> add(String key, long delta) {
        return call(r -> r.incrby(key, delta));
    }

    @Override
    public Future<Void> keepNewest(String key, String member, long at, int max, Duration ttl) {
        return call(r -> Script.KEEP_NEWEST.<Long>runAsync(r, io.lettuce.core.ScriptOutputType.INTEGER, new String[]{key},
                Long.toString(at), member, Integer.toString(max), Long.toString(ttl.toMillis()))).mapEmpty();
    }

    @Override
    public Future<java.util.List<String>> newest(String key) {
        return call(r -> r.zrevrange(key, 0, -1)).map(l -> l == null ? java.util.List.<String>of() : java.util.List.copyOf(l));
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
    public Future<Boolean> putIfAbsentWith(String key, String value, java.util.Map<String, String> alsoPut, Duration ttl) {
        String[] keys = new String[1 + alsoPut.size()];
        String[] args = new String[2 + alsoPut.size()];
        keys[0] = key;
        args[0] = Long.toString(ttl.toMillis());
        args[1] = value;
        int i = 1;
        for (java.util.Map.Entry<String, String> e : alsoPut.entrySet()) {
            keys[i] = e.getKey();
            args[++i] = e.getValue();
        }
        return call(r -> Script.PUT_IF_ABSENT_WITH.<Long>runAsync(r, io.lettuce.core.ScriptOutputType.INTEGER, keys, args)).map(n -> n == 1L);
    }

    @Override
    public Future<Boolean> createHash(String key, java.util.Map<String, String> fields) {
        return call(r -> Script.HASH_SWAP.<java.util.List<Object>>runAsync(r, io.lettuce.core.ScriptOutputType.MULTI, new String[]{key},
                swapArgs("create", fields))).map(out -> !out.isEmpty());
    }

    @Override
    public Future<Optional<java.util.Map<String, String>>> changeHash(String key, java.util.Map<String, String> fields) {
        return call(r -> Script.HASH_SWAP.<java.util.List<Object>>runAsync(r, io.lettuce.core.ScriptOutputType.MULTI, new String[]{key},
                swapArgs("change", fields))).map(out -> {
            if (out.isEmpty()) return Optional.empty();
            java.util.Map<String, String> old = new java.util.HashMap<>();
            for (int i = 0; i + 1 < out.size(); i += 2) old.put((String) out.get(i), (String) out.get(i + 1));
            return Optional.of(old);
        });
    }

    private static String[] swapArgs(String mode, java.util.Map<String, String> fields) {
        String[] args = new String[1 + 2 * fields.size()];
        args[0] = mode;
        int i = 1;
        for (java.util.Map.Entry<String, String> e : fields.entrySet()) {
            args[i++] = e.getKey();
            args[i++] = e.getValue();
        }
        return args;
    }

    @Override
    public Future<Long> unschedule(String key, java.util.List<String> members) {
        if (members.isEmpty()) return Future.succeededFuture(0L);
        return call(r -> r.zrem(key, members.toArray(new String[0])));
    }

    @Override
    public Future<Void> addToHash(String key, java.util.Map<String, Long> deltas) {
        // One field: one HINCRBY. Several: one script call (hash-add.lua) instead of a command and a future per field.
        java.util.List<String> args = new java.util.ArrayList<>();
        deltas.forEach((field, delta) -> { if (delta != 0) { args.add(field); args.add(Long.toString(delta)); } });
        if (args.isEmpty()) return Future.succeededFuture();
        if (args.size() == 2) return call(r -> r.hincrby(key, args.get(0), Long.parseLong(args.get(1)))).mapEmpty();
        return call(r -> Script.HASH_ADD.<Long>runAsync(r, io.lettuce.core.ScriptOutputType.INTEGER, new String[]{key}, args.toArray(new String[0])))
                .mapEmpty();
    }

    @Override
    public Future<java.util.Map<String, String>> hash(String key) {
        return call(r -> r.hgetall(key)).map(h -> h == null ? java.util.Map.<String, String>of() : java.util.Map.copyOf(h));
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
        return owned ? redis.close() : Future.succeededFuture();
    }
}
