package id.kentongan.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs a piece of work at most once per key across all instances, through the store's SET NX: the first caller does
 * the work and records its result; a doubled request (gateway retry, two instances, a worker pressing twice) waits
 * for that result instead of doing the work again. A result the caller does not want kept (a failure) frees the key
 * so the next try can run.
 */
public final class Once {
    private static final String RUNNING = "?";
    private static final long POLL_MS = 50;

    private final Vertx vertx;
    private final TtlStore store;
    private final Duration keep;
    private final Duration waitForOther;

    /** The names of the keys of the store it keeps its marks in. */
    public Keyspace keys() {
        return store.keys();
    }

    public Once(Vertx vertx, TtlStore store, Duration keep, Duration waitForOther) {
        this.vertx = vertx;
        this.store = store;
        this.keep = keep;
        this.waitForOther = waitForOther;
    }

    public Future<String> run(String key, Supplier<Future<String>> work, Predicate<String> worthKeeping) {
        return store.putIfAbsent(key, RUNNING, keep).compose(mine -> mine
                ? work.get().transform(ar -> {
                    if (ar.succeeded() && worthKeeping.test(ar.result())) return store.put(key, "=" + ar.result(), keep).map(ar.result());
                    return store.remove(key).transform(v -> ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(ar.cause()));
                })
                : awaitOther(key, work, worthKeeping, waitForOther.toMillis() / POLL_MS));
    }

    private Future<String> awaitOther(String key, Supplier<Future<String>> work, Predicate<String> worthKeeping, long polls) {
        return store.get(key).compose(v -> {
            if (v.isEmpty()) return run(key, work, worthKeeping); // the other attempt failed and let go
            if (v.get().startsWith("=")) return Future.succeededFuture(v.get().substring(1));
            if (polls <= 0) return Future.failedFuture(new IllegalStateException("still in progress elsewhere: " + key));
            Promise<Void> tick = Promise.promise();
            vertx.setTimer(POLL_MS, id -> tick.complete());
            return tick.future().compose(x -> awaitOther(key, work, worthKeeping, polls - 1));
        });
    }
}
