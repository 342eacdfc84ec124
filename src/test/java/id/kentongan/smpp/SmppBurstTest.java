package id.kentongan.smpp;

import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.VertxTest;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.RedisSmsOutbox;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.store.Keyspace;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminder-sized bursts through the Redis Streams outbox, over real TCP to the simulator, with the SMSC misbehaving. */
@Tag("redis")
class SmppBurstTest extends VertxTest {
    static final int RATE = 1000;  // segments per second per bind
    static final int BINDS = 2;

    static SmscConfig config(int port) {
        return SmscConfig.parse("smpp://kentongan:sim@127.0.0.1:" + port + "?binds=" + BINDS + "&window=20&rate=" + RATE
                + "&reconnectMinMs=50&reconnectMaxMs=500&keyTlv=true&responseTimeoutMs=3000");
    }

    static SmsChannel channel(io.vertx.core.Vertx vertx, SmscSimulator sim, String ns) {
        return SmsChannel.open(vertx, Optional.of(Instances.redis()), new Keyspace(ns), Optional.of(config(sim.port())),
                Duration.ofSeconds(3), Duration.ofSeconds(6), Clock.systemUTC());
    }

    static final SmscClient.Inbound IGNORE = new SmscClient.Inbound() {
        @Override
        public void receipt(String messageId, String state) {}

        @Override
        public void mo(String from, String to, String text) {}

        @Override
        public void ussd(SmscClient.UssdHop hop) {}
    };

    static List<String> enqueue(SmsOutbox outbox, int n, String prefix) {
        List<String> keys = new ArrayList<>();
        List<Future<Boolean>> queued = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = prefix + "-" + i;
            keys.add(key);
            queued.add(outbox.enqueue(new OutboundSms(key, "6281300" + String.format("%06d", i), "Pengingat iuran #" + i)));
        }
        await(Future.all(queued));
        return keys;
    }

    /** Delivered segments by key (the simulator answers resends without delivering them again). */
    static Map<String, Integer> deliveredByKey(SmscSimulator sim) {
        Map<String, Integer> byKey = new HashMap<>();
        for (SmscSimulator.Received r : sim.received()) byKey.merge(r.key(), 1, Integer::sum);
        return byKey;
    }

    /** Fails, saying so, when {@code done} is not true within {@code max} (it used to time out silently). */
    static void waitFor(java.util.function.BooleanSupplier done, Duration max) {
        Eventually.until("the burst's next milestone", max, done);
    }

    @Test
    void tenThousandRemindersThroughTwoDroppedConnectionsAndThrottlingAreDeliveredExactlyOnceWithinTheRate() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            String ns = "kt-test-burst-" + UUID.randomUUID().toString().substring(0, 8);
            SmsChannel channel = channel(vertx, sim, ns);
            try {
                channel.start(IGNORE);
                waitFor(() -> sim.boundSessions() == BINDS, Duration.ofSeconds(10));
                List<String> keys = enqueue(channel.outbox(), 10_000, "burst");
                // The SMSC's bad day, scripted against its own progress.
                waitFor(() -> sim.acceptedCount() >= 1_500, Duration.ofSeconds(30));
                sim.throttleNext(300);
                sim.dropConnectionAfter(200);
                waitFor(() -> sim.acceptedCount() >= 5_000, Duration.ofSeconds(30));
                sim.queueFullNext(100);
                sim.dropConnectionAfter(300);
                waitFor(() -> deliveredByKey(sim).size() == 10_000, Duration.ofSeconds(60));

                Map<String, Integer> delivered = deliveredByKey(sim);
                assertEquals(10_000, delivered.size(), "every message delivered");
                for (String key : keys) assertEquals(1, delivered.getOrDefault(key + ":1", 0), key + " delivered exactly once");
                assertEquals(2, sim.drops(), "the connection was dropped twice");
                assertTrue(channel.client().binds() >= BINDS + 2, "rebound after each drop: " + channel.client().binds());
                int sentMax = channel.client().maxSentPerSecondPerBind();
                int seenMax = sim.maxPerSecond();
                System.out.printf("burst: 10000 delivered, %d resends answered by key, %d binds, max sent %d/s per bind "
                        + "(limit %d), max seen by the SMSC %d/s (limit %d)%n", sim.duplicates(), channel.client().binds(),
                        sentMax, RATE, seenMax, RATE * BINDS);
                assertTrue(sentMax <= RATE, "each bind sent at most " + RATE + " submit_sm in any second, saw " + sentMax);
                // The simulator stamps PDUs after its own queue, so its view carries its scheduling jitter: 5% allowed.
                assertTrue(seenMax <= RATE * BINDS * 105 / 100, "the SMSC saw at most ~" + RATE * BINDS + "/s, saw " + seenMax);
                waitFor(() -> ((RedisSmsOutbox) channel.outbox()).backlog() == 0, Duration.ofSeconds(10));
                assertEquals(0, ((RedisSmsOutbox) channel.outbox()).backlog(), "nothing left in the outbox");
            } finally {
                channel.close();
            }
        }
    }

    @Test
    void aServiceRestartedMidBurstSendsTheRestAndNothingTwice() throws Exception {
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            String ns = "kt-test-restart-" + UUID.randomUUID().toString().substring(0, 8);
            SmsChannel first = channel(vertx, sim, ns);
            first.start(IGNORE);
            List<String> keys = enqueue(first.outbox(), 6_000, "restart");
            waitFor(() -> sim.acceptedCount() >= 2_000, Duration.ofSeconds(30));
            first.close(); // a graceful stop: messages in hand finish, the rest stays queued
            int beforeRestart = deliveredByKey(sim).size();
            assertTrue(beforeRestart < 6_000, "stopped mid-burst, " + beforeRestart + " sent");

            SmsChannel second = channel(vertx, sim, ns);
            try {
                second.start(IGNORE);
                waitFor(() -> deliveredByKey(sim).size() == 6_000, Duration.ofSeconds(60));
                Map<String, Integer> delivered = deliveredByKey(sim);
                assertEquals(6_000, delivered.size(), "the rest was sent after the restart");
                for (String key : keys) assertEquals(1, delivered.getOrDefault(key + ":1", 0), key);
                assertEquals(0, sim.duplicates(), "nothing was even resent");
                System.out.printf("restart: %d sent before the stop, %d after%n", beforeRestart, 6_000 - beforeRestart);
            } finally {
                second.close();
            }
        }
    }
}
