package id.kentongan.ussd;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How late the HTTP event loops run: each loop re-arms a timer every {@link #PERIOD_MS}, and how much later than asked
 * it fires is how long a request arriving then waited before its loop read it. Under overload that wait is where latency
 * grows — in the sockets and the loops' queues, before a hop is admitted — so the in-flight cap cannot see it; this can.
 *
 * <p>A loop is {@linkplain #runningLate() running late} when its readings have been later than the limit, one after
 * another, for {@link #SUSTAINED_MS} at least: a single long pause (a collection, the first request's class loading)
 * gives one late reading and is not overload.
 */
public final class LoopLag {
    static final long PERIOD_MS = 10;
    static final long SUSTAINED_MS = 250;
    private final int loops;
    private final long limitNanos;
    /** The gauge shows the worst reading of the last second: a scrape between two readings still sees a pause. */
    static final long SHOWN_NANOS = 1_000_000_000L;
    /**
     * Per loop (each written by its own loop only): the worst recent reading and when it was taken, and since when the
     * readings have all been late (0: on time).
     */
    private final AtomicLongArray latest;
    private final AtomicLongArray latestAt;
    private final AtomicLongArray lateSince;
    private final AtomicLongArray lateUntil;
    private final AtomicInteger watched = new AtomicInteger();

    public LoopLag(int loops, Duration limit) {
        this.loops = Math.max(1, loops);
        this.limitNanos = limit.toNanos();
        this.latest = new AtomicLongArray(this.loops);
        this.latestAt = new AtomicLongArray(this.loops);
        this.lateSince = new AtomicLongArray(this.loops);
        this.lateUntil = new AtomicLongArray(this.loops);
    }

    /** Measures the calling verticle's event loop from now on; {@link Watch#stop} ends it (the verticle's stop). */
    Watch watch(Vertx vertx) {
        Watch w = new Watch(vertx, watched.getAndIncrement() % loops);
        w.arm();
        return w;
    }

    /** The worst reading of the last second over the loops, in milliseconds (the gauge). */
    public long millis() {
        long now = System.nanoTime();
        long worst = 0;
        for (int i = 0; i < loops; i++) {
            if (now - latestAt.get(i) <= SHOWN_NANOS) worst = Math.max(worst, latest.get(i));
        }
        return worst / 1_000_000;
    }

    /** Whether a loop has read late, past the limit, for {@link #SUSTAINED_MS} or more, up to its latest reading. */
    public boolean runningLate() {
        for (int i = 0; i < loops; i++) {
            long since = lateSince.get(i);
            if (since != 0 && lateUntil.get(i) - since >= SUSTAINED_MS * 1_000_000) return true;
        }
        return false;
    }

    private void saw(int i, long lateNanos, long now) {
        if (lateNanos >= latest.get(i) || now - latestAt.get(i) > SHOWN_NANOS) {
            latest.set(i, lateNanos);
            latestAt.set(i, now);
        }
        if (lateNanos <= limitNanos) {
            lateSince.set(i, 0);
        } else {
            // From the first late reading of the run: one reading alone, however late, spans nothing.
            if (lateSince.get(i) == 0) lateSince.set(i, now);
            lateUntil.set(i, now);
        }
    }

    final class Watch {
        private final Vertx vertx;
        private final int slot;
        private volatile boolean stopped;
        private long timer;

        private Watch(Vertx vertx, int slot) {
            this.vertx = vertx;
            this.slot = slot;
        }

        // A one-shot timer re-armed on each firing (fixed delay): a periodic one would catch up at once after a late
        // firing and hide the lateness.
        private void arm() {
            long due = System.nanoTime() + PERIOD_MS * 1_000_000;
            timer = vertx.setTimer(PERIOD_MS, t -> {
                long now = System.nanoTime();
                saw(slot, Math.max(0, now - due), now);
                if (!stopped) arm();
            });
        }

        void stop() {
            stopped = true;
            vertx.cancelTimer(timer);
            latest.set(slot, 0);
            lateSince.set(slot, 0);
        }
    }
}
