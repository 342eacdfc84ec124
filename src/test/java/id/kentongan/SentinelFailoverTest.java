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
import java.util.ArrayList;
import java.util.List;
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

    static void script(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "ops/redis/local-sentinel.sh"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertEquals(0, p.waitFor(), "local-sentinel.sh " + String.join(" ", args));
    }

    static String redisCli(int port, String... args) {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the replica of the master on {@code port} has everything the master has. */
    static void replicated(int port) {
        Eventually.until("the replica caught up with " + port, Duration.ofSeconds(10), () -> {
            String info = redisCli(port, "info", "replication");
            long master = info.lines().filter(l -> l.startsWith("master_repl_offset:")).mapToLong(l -> Long.parseLong(l.substring(19).strip()))
                    .findFirst().orElse(-1);
            return info.lines().filter(l -> l.startsWith("slave0:")).anyMatch(l -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("offset=(\\d+)").matcher(l);
                return m.find() && Long.parseLong(m.group(1)) >= master;
            });
        });
    }

    @BeforeAll
    static void fresh() throws Exception {
        script("stop");
        script("start");
        // The sentinels must know each other before a failover can be agreed (quorum 2).
        Eventually.until("three sentinels know each other", Duration.ofSeconds(20),
                () -> redisCli(26390, "sentinel", "master", "kentongan").contains("num-other-sentinels\n2"));
    }

    @AfterAll
    static void stop() throws Exception {
        script("stop");
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
            replicated(6390);

            String pid = redisCli(6390, "info", "server").lines().filter(l -> l.startsWith("process_id:")).findFirst().orElseThrow().substring(11);
            long killedAt = System.nanoTime();
            new ProcessBuilder("kill", "-9", pid.strip()).start().waitFor();

            Answer during = Gateway.at(k.port(), "f-during", Instances.newPhone(), "");
            assertTrue(during.end() && during.body().contains("Layanan sedang sibuk"), "the busy screen while there is no master: " + during.body());
            long servingAfterMs = Eventually.value("a new dial served again", Duration.ofSeconds(60), () -> {
                Answer a = Gateway.at(k.port(), "f-" + UUID.randomUUID(), Instances.newPhone(), "");
                return a.con() ? (System.nanoTime() - killedAt) / 1_000_000 : -1L;
            }, ms -> ms > 0);
            String promoted = redisCli(26390, "sentinel", "get-master-addr-by-name", "kentongan");

            Call back = new Call("f-" + UUID.randomUUID(), phone, k.port());
            assertEquals("CON Sesi sebelumnya terputus.\n1. Lanjutkan\n2. Mulai dari awal", back.dial().body());
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
