package id.kentongan.campaign;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.Outreach;
import id.kentongan.ServiceProcess;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.text.Digest;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One campaign of 5,000 numbers worked by two instances sharing Redis and one SMSC (the project's simulator over TCP):
 * this JVM's instance and a second service in its own JVM, killed with SIGKILL half-way. Every number gets its
 * message exactly once; the killed instance's unfinished work is claimed by the survivor.
 */
@Tag("redis")
class CampaignAcrossInstancesTest {
    static final int TARGETS = 5_000;

    @Test
    void fiveThousandMessagesNoneTwiceAndAKilledInstanceLosesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String namespace = Instances.newNamespace();
        String token = "admin-" + run;
        try (SmscSimulator sim = SmscSimulator.start(0); Instances instances = new Instances()) {
            String smsc = "smpp://kentongan:sim@127.0.0.1:" + sim.port() + "?window=50&rate=700&keyTlv=true&reconnectMinMs=100&reconnectMaxMs=1000";
            KentonganConfig base = Instances.withRedis();
            KentonganConfig cfg = base.withRedisNamespace(namespace)
                    .with(base.sms().with(SmscConfig.parse(smsc)).withPatience(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(12)))
                    .with(new Outreach(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT, "*567#", java.time.LocalTime.of(23, 59),
                            true, java.util.Optional.of(Digest.sha256Hex(token, 32))));
            Kentongan a = instances.start(cfg);

            Map<String, String> env = new java.util.HashMap<>();
            env.put("KENTONGAN_REDIS_URL", Instances.REDIS);
            env.put("KENTONGAN_HTTP_HOST", "127.0.0.1");
            env.put("KENTONGAN_HTTP_PORT", "0");
            env.put("KENTONGAN_SMSC", smsc);
            env.put("KENTONGAN_REDIS_NAMESPACE", namespace);
            env.put("KENTONGAN_SMS_PATIENCE", "5s");
            env.put("KENTONGAN_SMS_RECLAIM_IDLE", "12s");
            env.put("KENTONGAN_ADMIN_TOKEN_SHA256", Digest.sha256Hex(token, 32));
            env.put("KENTONGAN_QUIET_FROM", "00:00"); // no quiet hours: the test must not depend on when it runs
            env.put("KENTONGAN_QUIET_UNTIL", "00:00");
            Process b = startSecondService(env);
            try {
                JsonArray numbers = new JsonArray();
                long base62 = 6_281_900_000_000L + (Math.abs(run.hashCode()) % 90_000) * 10_000L;
                for (int i = 0; i < TARGETS; i++) numbers.add(Long.toString(base62 + i));
                HttpResponse<String> created = AdminClient.as(a, token).send("POST", "/admin/campaigns", new JsonObject()
                        .put("name", "Info pendaftaran")
                        .put("text", "BPJS TK: lindungi diri dari kecelakaan kerja & kematian. Daftar JKK+JKM lewat {ussd}.")
                        .put("target", new JsonObject().put("msisdns", numbers)));
                assertEquals(201, created.statusCode(), created.body());
                String id = new JsonObject(created.body()).getString("id");
                String prefix = "camp:" + id + ":";

                // Half-way, with both instances at work on it, the second one is killed.
                waitUntil(() -> campaignMessages(sim, prefix).size() >= TARGETS / 2, 60, "half the campaign sent");
                // Pages of 500 targets are handed out in a blink, so the sharing shows in the outbox: both instances'
                // senders have taken entries from its shards.
                Set<String> consumers = new java.util.HashSet<>();
                for (int shard = 0; shard < cfg.sms().outboxShards(); shard++) consumers.addAll(consumersOf(cfg.keyspace().outboxStream(shard)));
                assertEquals(2, consumers.size(), "both instances took work: " + consumers);
                b.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                int atKill = campaignMessages(sim, prefix).size();
                assertTrue(atKill < TARGETS, "killed before the end: " + atKill);

                int killedAt = atKill;
                waitUntil(() -> campaignMessages(sim, prefix).size() >= TARGETS, 90, () -> "all 5,000 sent after the kill: "
                        + campaignMessages(sim, prefix).size() + " by then, " + killedAt + " at the kill; campaign "
                        + a.campaigns().orElseThrow().get(id).orElseThrow().state() + "; progress " + a.campaigns().orElseThrow().progress(id));
                Instances.drained(a); // the killed instance's unfinished messages too: reclaimed, then done; a duplicate has arrived by now
                List<SmscSimulator.Received> got = campaignMessages(sim, prefix);
                Set<String> distinct = got.stream().map(SmscSimulator.Received::to).collect(Collectors.toSet());
                assertEquals(TARGETS, distinct.size(), "every number reached");
                assertEquals(TARGETS, got.size(), "none reached twice");
                Campaigns campaigns = a.campaigns().orElseThrow();
                waitUntil(() -> campaigns.get(id).orElseThrow().state() == Campaigns.State.COMPLETED, 30, "campaign completed");
                Campaigns.Progress p = campaigns.progress(id);
                assertEquals(TARGETS, p.targeted());
                assertEquals(TARGETS, p.queued());
                assertEquals(TARGETS, p.submitted(), p.toString());
                System.out.printf("campaign of %d: %d sent when the second instance was killed; %d re-submits of in-flight messages absorbed by the SMSC's key check%n",
                        TARGETS, atKill, sim.duplicates());
            } finally {
                b.destroyForcibly();
            }
        }
    }

    private static List<SmscSimulator.Received> campaignMessages(SmscSimulator sim, String prefix) {
        return sim.received().stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
    }

    private static Set<String> consumersOf(String stream) {
        try (RedisAdmin c = RedisAdmin.open()) {
            return c.sync().xinfoConsumers(stream, "senders").stream()
                    .map(o -> {
                        List<?> fields = (List<?>) o;
                        for (int i = 0; i + 1 < fields.size(); i += 2) if ("name".equals(String.valueOf(fields.get(i)))) return String.valueOf(fields.get(i + 1));
                        return "?";
                    }).collect(Collectors.toSet());
        }
    }

    /** The service in a JVM of its own (the test classpath), so that it can be killed like a crashed process. */
    private static Process startSecondService(Map<String, String> env) throws Exception {
        return ServiceProcess.start(env);
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, int seconds, String what) throws InterruptedException {
        waitUntil(done, seconds, () -> what);
    }

    private static void waitUntil(java.util.function.BooleanSupplier done, int seconds, java.util.function.Supplier<String> what) {
        Eventually.value("", Duration.ofSeconds(seconds), () -> done.getAsBoolean() ? "" : what.get(), String::isEmpty);
    }
}
