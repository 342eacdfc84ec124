package id.kentongan.ussd;

import id.kentongan.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lateness of a real event loop, as the shedding of new dialogues reads it. */
class LoopLagTest {
    @Test
    void aLoopHeldBusyIsSeenLateAndOnTimeOnceFree() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            LoopLag lag = new LoopLag(1, Duration.ofMillis(100));
            AtomicReference<LoopLag.Watch> watch = new AtomicReference<>();
            Context loop = vertx.getOrCreateContext();
            loop.runOnContext(v -> watch.set(lag.watch(vertx)));
            Eventually.until("watching", Duration.ofSeconds(5), () -> watch.get() != null);
            Thread.sleep(100);
            assertTrue(lag.millis() < 50, "an idle loop is on time: " + lag.millis() + " ms");

            loop.runOnContext(v -> {
                long until = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
            long seen = Eventually.value("the held loop seen late", Duration.ofSeconds(5), lag::millis, ms -> ms >= 200);
            assertTrue(seen >= 200 && seen < 1_000, "about the 300 ms it was held: " + seen + " ms");
            assertFalse(lag.runningLate(), "one long pause is not overload");
            Eventually.until("on time again", Duration.ofSeconds(5), () -> lag.millis() < 50);

            // Held again and again (150 ms tasks, the loop reading its timers in between): running late, sustained.
            java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
            loop.runOnContext(v -> vertx.setPeriodic(1, t -> {
                if (!busy.get()) {
                    vertx.cancelTimer(t);
                    return;
                }
                long until = System.nanoTime() + 150_000_000L;
                while (System.nanoTime() < until) Thread.onSpinWait();
            }));
            Eventually.until("running late", Duration.ofSeconds(5), lag::runningLate);
            busy.set(false);
            Eventually.until("no longer", Duration.ofSeconds(5), () -> !lag.runningLate());

            loop.runOnContext(v -> watch.get().stop());
            Eventually.until("stopped", Duration.ofSeconds(5), () -> lag.millis() == 0);
            loop.runOnContext(v -> {
                long until = System.nanoTime() + 200_000_000L;
                while (System.nanoTime() < until) Thread.onSpinWait();
            });
            Thread.sleep(400);
            assertEquals(0, lag.millis(), "a stopped watch measures nothing");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
