package id.kentongan.campaign;

import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.ServiceProcess;
import id.kentongan.text.Digest;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200,000 campaign messages at full speed (two campaigns of 100,000 numbers, one SMPP bind, window 100, no rate
 * limit); the service is killed with SIGKILL half-way and started again. Every number reaches the SMSC exactly once:
 * what the dead process had submitted without recording is submitted again under the same key (the TLV), and the
 * simulator, as a de-duplicating SMSC does, answers without delivering twice — those re-submits are counted.
 */
@Tag("redis")
class CampaignCrashTest {
    static final int PER_CAMPAIGN = 100_000;

    @Test
    void killedWithSigkillAtFullSpeedAndRestartedEveryNumberReachesTheSmscOnce() throws Exception {
        String namespace = Instances.newNamespace();
        String token = "admin-" + UUID.randomUUID();
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            Map<String, String> env = new HashMap<>();
            env.put("KENTONGAN_REDIS_URL", Instances.REDIS);
            env.put("KENTONGAN_REDIS_NAMESPACE", namespace);
            env.put("KENTONGAN_HTTP_HOST", "127.0.0.1");
            env.put("KENTONGAN_HTTP_PORT", Integer.toString(freePort()));
            env.put("KENTONGAN_SMSC", "smpp://kentongan:sim@127.0.0.1:" + sim.port()
                    + "?window=100&rate=10000000&receipts=false&keyTlv=true&reconnectMinMs=100&reconnectMaxMs=1000");
            env.put("KENTONGAN_SMS_PATIENCE", "5s");
            env.put("KENTONGAN_SMS_RECLAIM_IDLE", "12s");
            env.put("KENTONGAN_ADMIN_TOKEN_SHA256", Digest.sha256Hex(token, 32));
            env.put("KENTONGAN_QUIET_FROM", "00:00");
            env.put("KENTONGAN_QUIET_UNTIL", "00:00");
            env.put("KENTONGAN_LOG_LEVEL", "WARN");
            Process first = ServiceProcess.start(env);
            Process second = null;
            try {
                URI base = URI.create("http://127.0.0.1:" + env.get("KENTONGAN_HTTP_PORT"));
                List<String> ids = List.of(create(base, token, 6_281_500_000_000L), create(base, token, 6_281_600_000_000L));
                Eventually.value("half the messages at the SMSC", Duration.ofSeconds(120), sim::acceptedCount, n -> n >= PER_CAMPAIGN);
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: nothing gets to finish
                int atKill = sim.acceptedCount();
                assertTrue(atKill < 2 * PER_CAMPAIGN, "killed before the end: " + atKill);

                second = ServiceProcess.start(env);
                Eventually.value("every number at the SMSC", Duration.ofSeconds(180), () -> distinctKeys(sim, ids).size(),
                        n -> n >= 2 * PER_CAMPAIGN);
                Set<String> keys = distinctKeys(sim, ids);
                long delivered = sim.received().stream().filter(r -> r.key() != null && r.key().startsWith("camp:")).count();
                int missing = 2 * PER_CAMPAIGN - keys.size();
                System.out.printf("SIGKILL at full speed: %,d accepted when killed; after the restart %,d numbers reached, %,d delivered, "
                        + "%,d re-submits answered by the SMSC's key check (duplicates not delivered), %,d missing%n",
                        atKill, keys.size(), delivered, sim.duplicates(), missing);
                assertEquals(0, missing, "every number reached");
                assertEquals(2 * PER_CAMPAIGN, delivered, "none delivered twice");
                for (String id : ids) {
                    for (int i = 0; i < PER_CAMPAIGN; i += 9_973) {
                        String number = Long.toString((id.equals(ids.get(0)) ? 6_281_500_000_000L : 6_281_600_000_000L) + i);
                        assertTrue(keys.contains("camp:" + id + ":" + number + ":1"), "sampled number reached: " + number);
                    }
                }
            } finally {
                first.destroyForcibly();
                if (second != null) second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The keys (TLV, one per segment) of the campaigns' messages the simulator delivered: each at most once by construction. */
    private static Set<String> distinctKeys(SmscSimulator sim, List<String> ids) {
        Set<String> out = new HashSet<>();
        for (SmscSimulator.Received r : sim.received()) {
            if (r.key() == null) continue;
            for (String id : ids) if (r.key().startsWith("camp:" + id + ":")) out.add(r.key());
        }
        return out;
    }

    private static String create(URI base, String token, long first) throws Exception {
        JsonArray numbers = new JsonArray();
        for (int i = 0; i < PER_CAMPAIGN; i++) numbers.add(Long.toString(first + i));
        String body = new JsonObject().put("name", "Crash " + first).put("text", "BPJS TK: daftar JKK+JKM lewat {ussd}.")
                .put("target", new JsonObject().put("msisdns", numbers)).encode();
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base.resolve("/admin/campaigns"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return new JsonObject(r.body()).getString("id");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
