package id.kentongan.smpp;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} sends in any window of one second (plus a small margin, so that network jitter cannot
 * bunch them on the SMSC's side). A sliding log rather than a token bucket: an SMSC that counts per second never
 * sees a burst. Every submit_sm counts, segments and retries included, because the SMSC counts them too.
 */
public final class RateLimiter {
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final long WINDOW_NANOS = 1_020_000_000L;

    private final long[] sent;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private int next;
    /** Grant times in the last second, to report the highest rate actually used (metrics, tests). */
    private final java.util.ArrayDeque<Long> lastSecond = new java.util.ArrayDeque<>();
    private int observedMax;

    public RateLimiter(int perSecond, LongSupplier nanos, Sleeper sleeper) {
        this.sent = new long[perSecond];
        Arrays.fill(sent, Long.MIN_VALUE);
        this.nanos = nanos;
        this.sleeper = sleeper;
    }

    public static RateLimiter perSecond(int n) {
        return new RateLimiter(n, System::nanoTime, ns -> Thread.sleep(ns / 1_000_000, (int) (ns % 1_000_000)));
    }

    /** Waits until one more send keeps the rate, and counts it. */
    public synchronized void acquire() throws InterruptedException {
        long oldest = sent[next];
        long now = nanos.getAsLong();
        if (oldest != Long.MIN_VALUE && now - oldest < WINDOW_NANOS) {
            sleeper.sleepNanos(WINDOW_NANOS - (now - oldest));
            now = nanos.getAsLong();
        }
        sent[next] = now;
        next = (next + 1) % sent.length;
        lastSecond.addLast(now);
        while (now - lastSecond.peekFirst() >= 1_000_000_000L) lastSecond.removeFirst();
        observedMax = Math.max(observedMax, lastSecond.size());
    }

    /** The most sends this limiter let through in any one second. */
    public synchronized int observedMaxPerSecond() {
        return observedMax;
    }
}
