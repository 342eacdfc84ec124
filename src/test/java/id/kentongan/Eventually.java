package id.kentongan;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for what must come true, polling; on time-out the test fails saying what it waited for and what it last saw. */
public final class Eventually {
    private static final long POLL_MS = 20;

    private Eventually() {}

    public static void until(String what, Duration max, BooleanSupplier done) {
        value(what, max, done::getAsBoolean, Boolean::booleanValue);
    }

    /** The first value of {@code get} that {@code ok} accepts. */
    public static <T> T value(String what, Duration max, Supplier<T> get, Predicate<T> ok) {
        long end = System.nanoTime() + max.toNanos();
        T last = null;
        while (true) {
            last = get.get();
            if (ok.test(last)) return last;
            if (System.nanoTime() > end) break;
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("waited " + max.toMillis() + " ms for " + what + "; last saw: " + last);
    }
}
