package id.kentongan.store;

import io.vertx.core.Future;

import java.time.Duration;

/**
 * How often one party (a phone number, an address) may do one thing: at most {@code max} times in a fixed
 * {@code window}. Each attempt is counted atomically before the work it guards, so concurrent attempts each get their
 * own number and none slips past the limit (a count read and then written would let a burst through).
 */
public record Quota(String name, int max, Duration window) {
    public Quota {
        if (max < 1 || window.isNegative() || window.isZero()) throw new IllegalArgumentException("quota " + name + ": max and window must be positive");
    }

    /** Counts one attempt by {@code who}; true while within the quota. */
    public Future<Boolean> take(TtlStore store, String who) {
        return count(store, who).map(n -> n <= max);
    }

    /** Counts one attempt by {@code who} and answers the count, to tell the first refusal from the later ones. */
    public Future<Long> count(TtlStore store, String who) {
        return store.incrementWithin(store.keys().quota(name, who), window);
    }

    /** Gives back an attempt that turned out not to count (a sign-in that succeeded). */
    public Future<Long> giveBack(TtlStore store, String who) {
        return store.add(store.keys().quota(name, who), -1);
    }
}
