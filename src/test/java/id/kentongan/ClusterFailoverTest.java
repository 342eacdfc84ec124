package id.kentongan;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.domain.Msisdn;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.payment.PaymentLoopTest;
import id.kentongan.tools.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: on a 6-node Redis Cluster of its own (7100-7105), the master holding a worker's dialogue is killed
 * (SIGKILL) mid-registration, with SMS queued in every outbox shard. That worker gets the busy screen until the
 * cluster has promoted the master's replica (node time-out 2 s) and the client has learnt the new topology; then the
 * dialogue resumes where it was, and every queued SMS reaches the SMSC exactly once.
 */
@Tag("failover")
class ClusterFailoverTest {
    static final int BASE = 7100;
    static final String URL = "redis-cluster://127.0.0.1:7100,127.0.0.1:7101,127.0.0.1:7102";

    @BeforeAll
    static void fresh() throws Exception {
        LocalRedis.script("local-cluster.sh", Map.of("KENTONGAN_CLUSTER_PORT", Integer.toString(BASE)), "stop");
        LocalRedis.script("local-cluster.sh", Map.of("KENTONGAN_CLUSTER_PORT", Integer.toString(BASE)), "start");
    }

    @AfterAll
    static void stop() throws Exception {
        LocalRedis.script("local-cluster.sh", Map.of("KENTONGAN_CLUSTER_PORT", Integer.toString(BASE)), "stop");
    }

    /** The port of the master serving {@code key}'s slot. */
    static int masterOf(String key) {
        int slot = Integer.parseInt(LocalRedis.cli(BASE, "cluster", "keyslot", key));
        for (String line : LocalRedis.cli(BASE, "cluster", "nodes").split("\n")) {
            String[] f = line.split(" ");
            if (!f[2].contains("master") || f[2].contains("fail")) continue;
            for (int i = 8; i < f.length; i++) {
                String[] range = f[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) return Integer.parseInt(f[1].split("[:@]")[1]);
            }
        }
        throw new IllegalStateException("no master for slot " + slot);
    }

    @Test
    void aKilledMasterCostsItsWorkersABusyScreenThenTheirDialoguesResumeAndEverySmsGoesOnce() throws Exception {
        try (Instances instances = new Instances()) {
            KentonganConfig cfg = Instances.withRedis().withRedisUrl(URL);
            Kentongan k = instances.start(cfg);
            SmscSimulator sim = Instances.simulator(k);
            // A worker about to pay: the master that holds the payment order is the one killed, so the provider's
            // callback meets the failover.
            String payer = Instances.newPhone();
            String code = PaymentLoopTest.registerAndGetCode(payer, 74_101, k.port());
            int victim = masterOf(cfg.keyspace().paymentOrder(code));
            String phone;
            do {
                phone = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            } while (masterOf(cfg.keyspace().ussdSession(new Msisdn(phone))) != victim);
            Call c = new Call("cf-" + UUID.randomUUID(), phone, k.port());
            c.dial();
            c.press("1");
            assertTrue(c.press(Instances.nik(74_001)).body().startsWith("CON Nama lengkap"));
            String prefix = "cluster-failover-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            for (int i = 0; i < 300; i++) {
                Instances.await(k.sms().outbox().enqueue(new OutboundSms(prefix + i, "62813" + String.format("%08d", i), "Pengingat iuran " + i)));
            }
            // Another worker whose dialogues live on the same master: dialling with it tells when that master's slots
            // are served again, without touching the first worker's dialogue.
            String probe;
            do {
                probe = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            } while (masterOf(cfg.keyspace().ussdSession(new Msisdn(probe))) != victim);
            String neighbour = probe;
            for (int port = BASE; port < BASE + 6; port++) if (LocalRedis.cli(port, "role").startsWith("master")) LocalRedis.replicated(port);

            long killedAt = System.nanoTime();
            LocalRedis.kill(victim);

            Answer during = Gateway.at(k.port(), "cf-during", neighbour, "");
            assertTrue(during.end() && during.body().contains("Layanan sedang sibuk"), "the busy screen while the slot has no master: " + during.body());
            // The other masters answer: the instance stays in the load balancer (one probe key alone once took every
            // instance out at once when its master was the one killed, and workers got the proxy's 503).
            Answer readyDuring = Gateway.get(k.port(), "/ready");
            assertEquals(200, readyDuring.status(), "ready while two masters of three answer: " + readyDuring.body());
            assertTrue(readyDuring.body().contains("ok, but"), readyDuring.body());
            HttpResponse<String> callbackDuring = PaymentLoopTest.callback(k.port(), "sandbox", Backends.SANDBOX_SECRET,
                    PaymentLoopTest.paid(code, 50_400), Instant.now().getEpochSecond(), null);
            assertEquals(503, callbackDuring.statusCode(), "the provider is told to retry: " + callbackDuring.body());
            long servingAfterMs = Eventually.value("the killed master's workers served again", Duration.ofSeconds(60), () -> {
                Answer a = Gateway.at(k.port(), "cf-probe-" + UUID.randomUUID(), neighbour, "");
                return a.con() ? (System.nanoTime() - killedAt) / 1_000_000 : -1L;
            }, ms -> ms > 0);

            // An instance started now, with the dead node still in the topology (and among its seeds), serves too: it
            // once failed to connect because naming its connections on every node failed on the dead one.
            Kentongan late = instances.start(cfg);
            assertTrue(Gateway.at(late.port(), "cf-late-" + UUID.randomUUID(), Instances.newPhone(), "").con(), "a new instance serves");

            // The provider retries (as providers do on a 5xx): credited once, however often it retries.
            HttpResponse<String> retried = Eventually.value("the retried callback credited", Duration.ofSeconds(30), () -> PaymentLoopTest.callback(
                    k.port(), "sandbox", Backends.SANDBOX_SECRET, PaymentLoopTest.paid(code, 50_400), Instant.now().getEpochSecond(), null),
                    r -> r.statusCode() == 200);
            assertTrue(retried.body().contains("\"credited\""), retried.body());
            assertEquals(200, PaymentLoopTest.callback(late.port(), "sandbox", Backends.SANDBOX_SECRET, PaymentLoopTest.paid(code, 50_400),
                    Instant.now().getEpochSecond(), null).statusCode(), "a replay at another instance gets the same answer");
            String status = PaymentLoopTest.status(payer, k.port());
            assertTrue(status.contains("Sudah bayar sampai " + PaymentLoopTest.paidThrough(2)), "three months, credited once: " + status);
            assertEquals(1, Instances.smsTo(Msisdn.parse(payer).orElseThrow().value(), 3, k, late).stream()
                    .filter(t -> t.startsWith("BPJS TK: iuran Rp50.400")).count(), "one receipt");

            Call back = new Call("cf-" + UUID.randomUUID(), phone, k.port());
            assertEquals("CON Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal", back.dial().body());
            assertTrue(back.press("1").body().startsWith("CON Nama lengkap"), "the dialogue goes on where it was");

            Map<String, Long> sent = Eventually.value("300 SMS at the SMSC", Duration.ofSeconds(60),
                    () -> sim.received().stream().filter(r -> r.key() != null && r.key().startsWith(prefix))
                            .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting())),
                    m -> m.size() == 300);
            long twice = sent.values().stream().filter(n -> n > 1).count();
            System.out.printf("cluster failover: master %d killed, its workers served again after %d ms; SMS %d once, %d twice, %d never%n",
                    victim, servingAfterMs, sent.size() - twice, twice, 300 - sent.size());
            assertEquals(0, twice, "no SMS twice");
        }
    }
}
