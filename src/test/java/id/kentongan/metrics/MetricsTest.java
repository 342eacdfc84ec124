package id.kentongan.metrics;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.domain.Msisdn;
import id.kentongan.tools.UssdLoadTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics after a load run over real HTTP, Redis and SMPP: the counters move, and no label carries a person. */
@Tag("redis")
class MetricsTest {
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? ([0-9.eE+\\-]+|NaN)$");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    static String get(Kentongan k, String path) {
        return new AdminClient(k.port(), null).get(path).body();
    }

    /** Sum of the samples of {@code name} whose labels include all of {@code labels}. */
    static double value(String scrape, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) continue;
            Map<String, String> have = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) have.put(l.group(1), l.group(2));
            }
            if (have.entrySet().containsAll(labels.entrySet())) sum += Double.parseDouble(m.group(4));
        }
        return sum;
    }

    @Test
    void aLoadRunMovesTheCountersAndNoLabelHoldsANumberOrNik() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            Map<String, Integer> mix = UssdLoadTest.mix("register=1,status=1,pay=1,browse=1");
            JsonObject run = new UssdLoadTest(new UssdLoadTest.Options(URI.create("http://127.0.0.1:" + k.port()), 8, Duration.ofMinutes(2), 120,
                    mix, Duration.ZERO, "*567#")).run(new PrintStream(new ByteArrayOutputStream()));
            assertEquals(0, run.getLong("errors"));
            String phone = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            Instances.simulator(k).mo(phone, "567", "BANTUAN"); // one SMS out: queued, submitted, delivered
            Instances.smsTo(phone, 1, k);
            // The receipt: counted when it comes back.
            String scrape = Eventually.value("a delivered SMS counted", Duration.ofSeconds(10), () -> get(k, "/metrics"),
                    s -> value(s, "kentongan_sms_total", Map.of("event", "delivered")) >= 1);
            double hops = value(scrape, "kentongan_ussd_hop_seconds_count", Map.of());
            assertEquals(run.getLong("hops"), (long) hops, "every hop of the run is counted");
            assertTrue(value(scrape, "kentongan_ussd_hop_seconds_count", Map.of("menu", "bpu", "kind", "input", "reply", "con")) > 0, scrape);
            assertTrue(value(scrape, "kentongan_ussd_hop_seconds_count", Map.of("menu", "bpu", "kind", "message", "reply", "end")) > 0);
            assertTrue(value(scrape, "kentongan_ussd_hop_seconds_bucket", Map.of("le", "+Inf")) >= hops, "a latency histogram");
            assertEquals(run.getLong("sessions"), (long) value(scrape, "kentongan_ussd_sessions_total", Map.of("event", "started")));
            assertTrue(value(scrape, "kentongan_ussd_sessions_total", Map.of("event", "completed")) > 0);
            assertTrue(value(scrape, "kentongan_sms_total", Map.of("event", "queued")) >= 1);
            assertTrue(value(scrape, "kentongan_sms_total", Map.of("event", "submitted")) >= 1);
            assertTrue(value(scrape, "kentongan_sms_total", Map.of("event", "delivered")) >= 1);
            assertEquals(1.0, value(scrape, "kentongan_smsc_binds_up", Map.of()));
            assertTrue(value(scrape, "kentongan_redis_command_seconds_count", Map.of()) >= 2 * hops, "one read and one write a hop, at least");
            assertTrue(scrape.contains("kentongan_sms_outbox_backlog"));
            // Open dialogues: the browse ones (they never END), plus one dialled now; one that ENDs leaves the count.
            double open = value(scrape, "kentongan_ussd_sessions_active", Map.of());
            Gateway.Call call = new Gateway.Call("open-" + java.util.UUID.randomUUID(), Instances.newPhone(), k.port());
            call.dial();
            assertEquals(open + 1, value(get(k, "/metrics"), "kentongan_ussd_sessions_active", Map.of()), "one more dialogue open");
            Gateway.Answer help = call.press("5"); // help: paged, its last page ENDs the dialogue
            for (int i = 0; i < 6 && !help.end(); i++) help = call.press("99");
            assertTrue(help.end(), help.body());
            assertEquals(open, value(get(k, "/metrics"), "kentongan_ussd_sessions_active", Map.of()), "ended: no longer open");

            // Privacy: no label value holds a run of digits (a phone number, NIK, KPJ) or the phone used above.
            Set<String> values = new HashSet<>();
            for (String line : scrape.split("\n")) {
                if (line.startsWith("#")) continue;
                Matcher l = LABEL.matcher(line);
                while (l.find()) if (!l.group(1).equals("le") && !l.group(1).equals("quantile")) values.add(l.group(1) + "=" + l.group(2));
            }
            assertFalse(values.isEmpty());
            for (String v : values) {
                assertFalse(v.matches(".*\\d{5,}.*"), "a label with a number in it: " + v);
                assertFalse(v.contains(phone.substring(3)), v);
            }

            JsonObject ready = new JsonObject(get(k, "/ready"));
            assertEquals("READY", ready.getString("status"), ready.encode());
            assertEquals(new JsonObject().put("menus", "ok").put("smsc", "ok").put("store", "ok"), ready.getJsonObject("checks"));
        }
    }
}
