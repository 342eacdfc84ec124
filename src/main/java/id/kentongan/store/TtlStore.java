package id.kentongan.store;

import io.vertx.core.Future;

import java.time.Duration;
import java.util.Optional;

/** Strings with a time to live. Redis in production, memory in embedded mode; one contract test holds both to it. */
public interface TtlStore {
    Future<Optional<String>> get(String key);

    Future<Void> put(String key, String value, Duration ttl);

    /** Several keys in one round trip (Redis MGET; in a cluster they must share a hash tag). */
    Future<java.util.List<Optional<String>>> getAll(java.util.List<String> keys);

    /** Sets {@code key} only if it does not exist (Redis SET NX PX): true when this call set it. */
    Future<Boolean> putIfAbsent(String key, String value, Duration ttl);

    /**
     * {@link #putIfAbsent}, and when it set {@code key}, in the same step, each of {@code alsoPut} (key -> value, all
     * with {@code ttl}): a record and its indexes, never one without the other. On Redis Cluster all the keys must share
     * one hash tag.
     */
    Future<Boolean> putIfAbsentWith(String key, String value, java.util.Map<String, String> alsoPut, Duration ttl);

    /** Adds one to the counter at {@code key} (created at 0, never expires) and returns the new value. */
    Future<Long> increment(String key);

    /**
     * Atomically one more in a fixed window opened by the first count (a limit's counter: concurrent callers each get
     * their own number; later counts do not extend the window).
     */
    Future<Long> incrementWithin(String key, Duration window);

    /** Adds {@code delta} to the counter at {@code key} (created at 0, never expires); returns the new value. */
    Future<Long> add(String key, long delta);

    /** The values of {@code keys} and, in the same step, one more count on {@code counter} as {@link #incrementWithin}. */
    Future<Counted> getAllCounting(java.util.List<String> keys, String counter, Duration window);

    record Counted(java.util.List<Optional<String>> values, long count) {}

    /** Adds {@code member} to the set at {@code key} (never expires); true when it was not there. */
    Future<Boolean> addToSet(String key, String member);

    /** Takes {@code member} out of the set at {@code key}; true when it was there. */
    Future<Boolean> removeFromSet(String key, String member);

    /** The members of the set at {@code key} (empty when there is none). */
    Future<java.util.Set<String>> members(String key);

    Future<Void> remove(String key);

    /** Creates the hash at {@code key} with {@code fields} (never expires) unless it exists: true when this call made it. */
    Future<Boolean> createHash(String key, java.util.Map<String, String> fields);

    /**
     * Sets {@code fields} of the hash at {@code key} and returns the whole hash as it was, in one step; a missing hash
     * stays missing (empty). Two concurrent changes never see the same old state.
     */
    Future<Optional<java.util.Map<String, String>>> changeHash(String key, java.util.Map<String, String> fields);

    /** Takes {@code members} out of the schedule (a sorted set) at {@code key}; returns how many were in it. */
    Future<Long> unschedule(String key, java.util.List<String> members);

    /** Adds each delta to its field of the hash at {@code key} (created empty, never expires; Redis HINCRBY). */
    Future<Void> addToHash(String key, java.util.Map<String, Long> deltas);

    /**
     * Keeps {@code member} among the newest {@code max} members of the list at {@code key} (ordered by {@code at}, e.g.
     * a time in ms), the list expiring {@code ttl} after its last change; one step.
     */
    Future<Void> keepNewest(String key, String member, long at, int max, Duration ttl);

    /** The members {@link #keepNewest} keeps at {@code key}, newest first (empty when there are none). */
    Future<java.util.List<String>> newest(String key);

    /** The fields of the hash at {@code key} (empty when there is none). */
    Future<java.util.Map<String, String>> hash(String key);

    /** Time left before {@code key} expires; empty when it does not exist. */
    Future<Optional<Duration>> ttl(String key);

    /** The names of the keys this store holds (one naming scheme, per-phone keys hash-tagged). */
    Keyspace keys();

    /** A short name for logs and health: {@code redis} or {@code memory}. */
    String kind();

    Future<Void> close();
}
