package id.kentongan;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.domain.Msisdn;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.tools.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: the master under Sentinel is killed (SIGKILL) in the middle of a registration and with SMS queued. A hop
 * during the failover gets the busy screen at once; once Sentinel has promoted the replica the service answers again
 * by itself, the worker's dialogue is offered for resume and goes on where it was, and every queued SMS reaches the
 * SMSC exactly once. Runs on its own Redis (ops/redis/local-sentinel.sh: ports 6390-6391, sentinels 26390-26392).
 */
@Tag("failover")
class SentinelFailoverTest {
    static final String URL = "redis-sentinel://127.0.0.1:26390,127.0.0.1:26391,127.0.0.1:26392/0#kentongan";

    @BeforeAll
    static void fresh() throws Exception {
        LocalRedis.script("local-sentinel.sh", Map.of(), "stop");
        LocalRedis.script("local-sentinel.sh", Map.of(), "start");
        // The sentinels must know each other before a failover can be agreed (quorum 2).
        Eventually.until("three sentinels know each other", Duration.ofSeconds(20),
                () -> LocalRedis.cli(26390, "sentinel", "master", "kentongan").contains("num-other-sentinels\n2"));
    }

    @AfterAll
    static void stop() throws Exception {
        LocalRedis.script("local-sentinel.sh", Map.of(), "stop");
    }

    @Test
    void aKilledMasterCostsABusyScreenThenTheDialogueResumesAndEverySmsGoesOnce() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis().withRedisUrl(URL));
            SmscSimulator sim = Instances.simulator(k);
            String phone = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            Call c = new Call("f-" + UUID.randomUUID(), phone, k.port());
            c.dial();
            c.press("1");
            assertTrue(c.press(Instances.nik(73_001)).body().startsWith("CON Nama lengkap"));
            String prefix = "failover-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            for (int i = 0; i < 300; i++) {
                Instances.await(k.sms().outbox().enqueue(new OutboundSms(prefix + i, "62813" + String.format("%08d", i), "Pengingat iuran " + i)));
            }
            // What was acknowledged is on the replica before the kill (replication is asynchronous: a write acknowledged
            // in the last milliseconds before a crash can be lost; see ops/SCALING.md).
            LocalRedis.replicated(6390);

            long killedAt = System.nanoTime();
            LocalRedis.kill(6390);

            Answer during = Gateway.at(k.port(), "f-during", Instances.newPhone(), "");
            assertTrue(during.end() && during.body().contains("Layanan sedang sibuk"), "the busy screen while there is no master: " + during.body());
            long servingAfterMs = Eventually.value("a new dial served again", Duration.ofSeconds(60), () -> {
                Answer a = Gateway.at(k.port(), "f-" + UUID.randomUUID(), Instances.newPhone(), "");
                return a.con() ? (System.nanoTime() - killedAt) / 1_000_000 : -1L;
            }, ms -> ms > 0);
            String promoted = LocalRedis.cli(26390, "sentinel", "get-master-addr-by-name", "kentongan");

            Call back = new Call("f-" + UUID.randomUUID(), phone, k.port());
            assertEquals("CON Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal", back.dial().body());
            assertTrue(back.press("1").body().startsWith("CON Nama lengkap"), "the dialogue goes on where it was");
            assertTrue(back.press("Sri Rahayu").body().startsWith("CON Pekerjaan"));

            Map<String, Long> sent = Eventually.value("300 SMS at the SMSC", Duration.ofSeconds(60),
                    () -> sim.received().stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                            .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting())),
                    m -> m.size() == 300);
            long twice = sent.values().stream().filter(n -> n > 1).count();
            System.out.printf("sentinel failover: served again %d ms after the kill, new master %s; SMS %d once, %d twice, %d never%n",
                    servingAfterMs, promoted.replace('\n', ':'), sent.size() - twice, twice, 300 - sent.size());
            assertEquals(0, twice, "no SMS twice");
            assertTrue(promoted.contains("6391"), "the replica was promoted: " + promoted);
        }
    }
}
