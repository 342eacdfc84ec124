package id.kentongan.smpp;

import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.VertxTest;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.store.Keyspace;
import id.kentongan.tools.SmscSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One fault at a time, over real TCP: what the ESME does when the SMSC misbehaves in a particular way. */
@Tag("redis")
class SmscFaultsTest extends VertxTest {

    static SmsChannel channel(io.vertx.core.Vertx vertx, SmscSimulator sim, String query) {
        return SmsChannel.open(vertx, Optional.of(Instances.redis()), new Keyspace("kt-test-faults-" + UUID.randomUUID().toString().substring(0, 8)),
                Optional.of(SmscConfig.parse("smpp://kentongan:sim@127.0.0.1:" + sim.port() + "?reconnectMinMs=50&reconnectMaxMs=400" + query)),
                Duration.ofSeconds(3), Duration.ofSeconds(6),
                Clock.systemUTC());
    }

    static String state(SmsChannel c, String key) {
        return c.outbox().state(key).toCompletionStage().toCompletableFuture().join().orElse("");
    }

    /** Fails, saying so, when {@code done} is not true within 15 s (it used to time out silently). */
    static void waitFor(java.util.function.BooleanSupplier done) {
        Eventually.until("the fault's outcome", Duration.ofSeconds(15), done);
    }

    @Test
    void aPermanentRefusalGoesToTheDeadLettersWithItsReason() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            SmsChannel c = channel(vertx, sim, "");
            try {
                c.start(SmppBurstTest.IGNORE);
                waitFor(c.client()::anyBound);
                sim.rejectNext(1);
                // One at a time: with both queued, parallel senders may hand the refusal to either message.
                await(c.outbox().enqueue(new OutboundSms("bad-dest", "6281300000001", "Pengingat iuran")));
                waitFor(() -> state(c, "bad-dest").startsWith("DEAD"));
                await(c.outbox().enqueue(new OutboundSms("good-dest", "6281300000002", "Pengingat iuran")));
                waitFor(() -> !state(c, "good-dest").equals("QUEUED"));
                assertEquals("DEAD: submit_sm refused with status 0xb", state(c, "bad-dest"));
                assertEquals(1, c.outbox().deadLetters());
                assertTrue(List.of("SENT", "DELIVRD").contains(state(c, "good-dest")), state(c, "good-dest"));
            } finally {
                c.close();
            }
        }
    }

    @Test
    void anSmscStillHoldingTheOldBindIsTriedAgainUntilItLetsGo() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            sim.rejectBindsNext(3); // ESME_RALYBND three times
            SmsChannel c = channel(vertx, sim, "");
            try {
                c.start(SmppBurstTest.IGNORE);
                await(c.outbox().enqueue(new OutboundSms("after-alybnd", "6281300000003", "Pengingat iuran")));
                waitFor(() -> !sim.received().isEmpty());
                assertEquals(1, sim.received().size());
                assertEquals(1, c.client().binds(), "bound once, after three refusals");
            } finally {
                c.close();
            }
            // The simulator learns of the unbind on its own threads: closing unbinds, seen within seconds.
            Eventually.until("closing unbinds (no bound session left at the simulator)", Duration.ofSeconds(5), () -> sim.boundSessions() == 0);
        }
    }

    @Test
    void aSubmitWithoutAnAnswerIsResentOnceUnderItsKeyAndCounted() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            SmsChannel c = channel(vertx, sim, "&responseTimeoutMs=300&keyTlv=true");
            try {
                c.start(SmppBurstTest.IGNORE);
                waitFor(c.client()::anyBound);
                sim.respondAfter(Duration.ofMillis(500)); // answers come after the ESME has stopped waiting
                await(c.outbox().enqueue(new OutboundSms("slow-smsc", "6281300000004", "Pengingat iuran")));
                waitFor(() -> c.client().unknownOutcomes() >= 2);
                sim.respondAfter(Duration.ZERO);
                waitFor(() -> List.of("SENT", "DELIVRD").contains(state(c, "slow-smsc")));
                assertTrue(c.client().unknownOutcomes() >= 2, "first try and its one resend had no answer: " + c.client().unknownOutcomes());
                assertEquals(1, sim.received().size(), "delivered once: the SMSC recognised the resends by key");
                assertTrue(sim.duplicates() >= 1, "resends under the same key: " + sim.duplicates());
            } finally {
                c.close();
            }
        }
    }
}
