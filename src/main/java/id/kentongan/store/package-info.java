/**
 * Where state lives: {@link TtlStore} (strings, counters and sets with a time to live; Redis, or memory in embedded
 * mode), {@link Once} (a step done once per key), the one {@link Keyspace}, the Lua {@link Script}s (from
 * {@code resources/redis/}), the instance's one Redis client ({@link Redis}), and {@link Blocking}, the one way a worker
 * thread waits.
 * <p>May use: {@code metrics} and the base (infrastructure layer).
 */
package id.kentongan.store;
