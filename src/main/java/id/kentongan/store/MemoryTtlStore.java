package id.kentongan.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Embedded-mode store: Caffeine with a per-entry expiry. Time comes through a {@link Ticker}, so tests advance it. */
public final class MemoryTtlStore implements TtlStore {
    /** {@code fixed}: a window counter, whose expiry is set by its first count and kept by the later ones. */
    private record Entry(String value, long ttlNanos, boolean fixed) {
        Entry(String value, long ttlNanos) {
            this(value, ttlNanos, false);
        }
    }

    private final Cache<String, Entry> cache;
    /** Sets never expire (groups, agents' records): kept apart from the expiring strings. */
    private final java.util.concurrent.ConcurrentMap<String, java.util.Set<String>> sets = new java.util.concurrent.ConcurrentHashMap<>();
    /** Hashes of counters (the participation figures): never expire either. */
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.ConcurrentMap<String, Long>> hashes = new java.util.concurrent.ConcurrentHashMap<>();

    public MemoryTtlStore(Ticker ticker, long maximumSize) {
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String k, Entry e, long now) {
                        return e.ttlNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String k, Entry e, long now, long current) {
                        return e.fixed() ? current : e.ttlNanos();
                    }

                    @Override
                    public long expireAfterRead(String k, Entry e, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    public MemoryTtlStore() {
        this(Ticker.systemTicker(), 1_000_000);
    }

    private Keyspace keys = Keyspace.defaults();

    /** The same store, its keys named under {@code keys}. */
    public MemoryTtlStore named(Keyspace keys) {
        this.keys = keys;
        return this;
    }

    @Override
    public Keyspace keys() {
        return keys;
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return Future.succeededFuture(Optional.ofNullable(cache.getIfPresent(key)).map(Entry::value));
    }

    @Override
    public Future<java.util.List<Optional<String>>> getAll(java.util.List<String> keys) {
        return Future.succeededFuture(keys.stream().map(k -> Optional.ofNullable(cache.getIfPresent(k)).map(Entry::value)).toList());
    }

    @Override
    public Future<Void> put(String key, String value, Duration ttl) {
        cache.put(key, new Entry(value, ttl.toNanos()));
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> putIfAbsent(String key, String value, Duration ttl) {
        return Future.succeededFuture(cache.asMap().putIfAbsent(key, new Entry(value, ttl.toNanos())) == null);
    }

    /** Taken by {@link #putIfAbsentWith}: one creator of a record at a time. */
    private final Object creating = new Object();

    @Override
    public Future<Boolean> putIfAbsentWith(String key, String value, java.util.Map<String, String> alsoPut, Duration ttl) {
        synchronized (creating) {
            if (cache.getIfPresent(key) != null) return Future.succeededFuture(false);
            // The indexes first: whoever finds the record finds them too.
            alsoPut.forEach((k, v) -> cache.put(k, new Entry(v, ttl.toNanos())));
            cache.put(key, new Entry(value, ttl.toNanos()));
            return Future.succeededFuture(true);
        }
    }

    @Override
    public Future<Long> increment(String key) {
        return Future.succeededFuture(count(key, Long.MAX_VALUE));
    }

    @Override
    public Future<Long> incrementWithin(String key, Duration window) {
        return Future.succeededFuture(count(key, window.toNanos()));
    }

    /** One more, atomically (the map's merge); a new counter lives {@code ttlNanos}, a count keeps its expiry. */
    private long count(String key, long ttlNanos) {
        Entry e = cache.asMap().merge(key, new Entry("1", ttlNanos, true),
                (old, one) -> new Entry(Long.toString(Long.parseLong(old.value()) + 1), ttlNanos, true));
        return Long.parseLong(e.value());
    }

    @Override
    public Future<Counted> getAllCounting(java.util.List<String> keys, String counter, Duration window) {
        return Future.succeededFuture(new Counted(keys.stream().map(k -> Optional.ofNullable(cache.getIfPresent(k)).map(Entry::value)).toList(),
                count(counter, window.toNanos())));
    }

    @Override
    public Future<Long> add(String key, long delta) {
        Entry e = cache.asMap().merge(key, new Entry(Long.toString(delta), Long.MAX_VALUE),
                (old, d) -> new Entry(Long.toString(Long.parseLong(old.value()) + delta), old.ttlNanos(), old.fixed())); // as INCRBY: the expiry stays
        return Future.succeededFuture(Long.parseLong(e.value()));
    }

    /** Kept as "at member" lines in one expiring entry, changed in one step (compute). */
    @Override
    public Future<Void> keepNewest(String key, String member, long at, int max, Duration ttl) {
        cache.asMap().compute(key, (k, was) -> {
            java.util.TreeMap<String, Long> all = new java.util.TreeMap<>();
            if (was != null) for (String line : was.value().split("\n")) if (!line.isEmpty()) all.put(line.substring(line.indexOf(' ') + 1), Long.parseLong(line.substring(0, line.indexOf(' '))));
            all.put(member, at);
            StringBuilder kept = new StringBuilder();
            all.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(max)
                    .forEach(e -> kept.append(e.getValue()).append(' ').append(e.getKey()).append('\n'));
            return new Entry(kept.toString(), ttl.toNanos());
        });
        return Future.succeededFuture();
    }

    @Override
    public Future<java.util.List<String>> newest(String key) {
        Entry e = cache.getIfPresent(key);
        if (e == null) return Future.succeededFuture(java.util.List.of());
        return Future.succeededFuture(java.util.Arrays.stream(e.value().split("\n")).filter(l -> !l.isEmpty())
                .map(l -> l.substring(l.indexOf(' ') + 1)).toList());
    }

    @Override
    public Future<Boolean> addToSet(String key, String member) {
        return Future.succeededFuture(sets.computeIfAbsent(key, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(member));
    }

    @Override
    public Future<Boolean> removeFromSet(String key, String member) {
        java.util.Set<String> s = sets.get(key);
        return Future.succeededFuture(s != null && s.remove(member));
    }

    @Override
    public Future<java.util.Set<String>> members(String key) {
        java.util.Set<String> s = sets.get(key);
        return Future.succeededFuture(s == null ? java.util.Set.of() : java.util.Set.copyOf(s));
    }

    /** Hashes of strings (the participation figures' per-member records): never expire. */
    private final java.util.concurrent.ConcurrentMap<String, java.util.Map<String, String>> records = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Future<Boolean> createHash(String key, java.util.Map<String, String> fields) {
        return Future.succeededFuture(records.putIfAbsent(key, new java.util.HashMap<>(fields)) == null);
    }

    @Override
    public Future<Optional<java.util.Map<String, String>>> changeHash(String key, java.util.Map<String, String> fields) {
        java.util.Map<String, String>[] old = new java.util.Map[1];
        records.computeIfPresent(key, (k, h) -> {
            old[0] = java.util.Map.copyOf(h);
            java.util.Map<String, String> changed = new java.util.HashMap<>(h);
            changed.putAll(fields);
            return changed;
        });
        return Future.succeededFuture(Optional.ofNullable(old[0]));
    }

    /** Nothing is scheduled in memory (reminders need Redis): nothing to take out. */
    @Override
    public Future<Long> unschedule(String key, java.util.List<String> members) {
        return Future.succeededFuture(0L);
    }

    @Override
    public Future<Void> addToHash(String key, java.util.Map<String, Long> deltas) {
        java.util.concurrent.ConcurrentMap<String, Long> h = hashes.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentHashMap<>());
        deltas.forEach((field, delta) -> h.merge(field, delta, Long::sum));
        return Future.succeededFuture();
    }

    @Override
    public Future<java.util.Map<String, String>> hash(String key) {
        java.util.Map<String, Long> h = hashes.getOrDefault(key, new java.util.concurrent.ConcurrentHashMap<>());
        java.util.Map<String, String> out = new java.util.HashMap<>();
        h.forEach((f, v) -> out.put(f, Long.toString(v)));
        return Future.succeededFuture(out);
    }

    @Override
    public Future<Void> remove(String key) {
        hashes.remove(key);
        records.remove(key);
        sets.remove(key);
        cache.invalidate(key);
        return Future.succeededFuture();
    }

    @Override
    public Future<Optional<Duration>> ttl(String key) {
        return Future.succeededFuture(cache.policy().expireVariably().orElseThrow()
                .getExpiresAfter(key, TimeUnit.NANOSECONDS).stream().boxed().findFirst().map(Duration::ofNanos));
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public Future<Void> close() {
        cache.invalidateAll();
        sets.clear();
        hashes.clear();
        records.clear();
        return Future.succeededFuture();
    }
}
