package id.kentongan.tools;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Hop latencies in microseconds: 10 µs buckets up to 100 ms, 1 ms buckets up to 10 s, then one overflow bucket.
 * Lock-free, so recording costs the generator next to nothing.
 */
final class LatencyHistogram {
    private static final int FINE = 10_000;      // 0..100 ms in 10 µs steps
    private static final int COARSE = 9_900;     // 100 ms..10 s in 1 ms steps
    private final AtomicLongArray buckets = new AtomicLongArray(FINE + COARSE + 1);
    private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();

    void record(long micros) {
        buckets.incrementAndGet(bucket(micros));
        max.accumulateAndGet(micros, Math::max);
    }

    private static int bucket(long us) {
        if (us < 100_000) return (int) (us / 10);
        if (us < 10_000_000) return FINE + (int) ((us - 100_000) / 1_000);
        return FINE + COARSE;
    }

    private static long upperMicros(int bucket) {
        if (bucket < FINE) return (bucket + 1) * 10L;
        if (bucket < FINE + COARSE) return 100_000 + (bucket - FINE + 1) * 1_000L;
        return Long.MAX_VALUE;
    }

    long count() {
        long n = 0;
        for (int i = 0; i < buckets.length(); i++) n += buckets.get(i);
        return n;
    }

    /** The latency under which {@code q} (0..1) of hops fall, in microseconds (bucket upper bound). */
    long percentile(double q) {
        long total = count();
        if (total == 0) return 0;
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= target) return Math.min(upperMicros(i), max.get());
        }
        return max.get();
    }

    long max() {
        return max.get();
    }

    /** Counts per latency band, for the printed histogram. */
    long[] bands(long... upperMicros) {
        long[] out = new long[upperMicros.length + 1];
        for (int i = 0; i < buckets.length(); i++) {
            long c = buckets.get(i);
            if (c == 0) continue;
            long up = upperMicros(i);
            int b = 0;
            while (b < upperMicros.length && up > upperMicros[b]) b++;
            out[b] += c;
        }
        return out;
    }
}
