package id.kentongan.smpp;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on a controlled clock: sleeping advances time, nothing really waits. */
class RateLimiterTest {
    long now = 0;

    @Test
    void neverMoreThanTheRateInAnyWindowEvenAfterAnIdleSpell() throws Exception {
        List<Long> grants = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(10, () -> now, ns -> now += ns);
        for (int i = 0; i < 25; i++) {
            limiter.acquire();
            grants.add(now);
            now += 1_000_000; // 1 ms of work between sends
        }
        now += 5_000_000_000L; // idle
        for (int i = 0; i < 15; i++) {
            limiter.acquire();
            grants.add(now);
        }
        for (int i = 0; i < grants.size(); i++) {
            int inWindow = 0;
            for (long g : grants) if (g >= grants.get(i) && g < grants.get(i) + 1_000_000_000L) inWindow++;
            assertTrue(inWindow <= 10, "window from grant " + i + " holds " + inWindow);
        }
        assertEquals(10, limiter.observedMaxPerSecond());
        assertTrue(grants.get(24) - grants.get(0) >= 2 * RateLimiter.WINDOW_NANOS, "25 sends at 10/s take over two seconds");
    }
}
