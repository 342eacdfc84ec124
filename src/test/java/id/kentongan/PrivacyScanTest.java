package id.kentongan;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import id.kentongan.Gateway.Call;
import id.kentongan.domain.Msisdn;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, must-show 4: after a full agent flow (a new PIN, a wrong one, a registration the worker confirms by SMS,
 * a dropped and resumed dialogue, cash collected) and workers registering themselves by USSD and by SMS, every value
 * in Redis and every log line is searched for the PIN and the NIKs: none is there in clear, outside the member record
 * the core system owns (the sandbox core's keys).
 */
@Tag("redis")
class PrivacyScanTest {
    static final String PIN = "482913";

    @Test
    void afterAnAgentsWorkAndTwoRegistrationsNoPinOrNikIsInRedisOrTheLogs() throws Exception {
        String ns = Instances.newNamespace();
        List<String> niks = List.of(Instances.nik(72_001), Instances.nik(72_002), Instances.nik(72_003));
        try (LogCapture logs = LogCapture.start(); Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis().withRedisNamespace(ns));
            String agent = phone();
            assertEquals(201, AdminClient.admin(k).send("POST", "/admin/agents", new JsonObject().put("msisdn", agent).put("name", "Siti Aminah")
                    .put("area", "Pasar Ajibarang").put("groups", new JsonArray().add("Paguyuban Parkir " + System.nanoTime()))).statusCode());

            // The agent: a new PIN (typed twice, across two hops), a registration the worker confirms by SMS.
            Call c = new Call("p-" + UUID.randomUUID(), agent, k.port()).code("*568#");
            c.dial();
            c.press(PIN);
            assertTrue(c.press(PIN).body().startsWith("CON Perisai"));
            String worker = phone();
            c.press("1");
            c.press(worker);
            // The call drops after the NIK; the agent resumes, types the PIN again (once wrong first).
            assertTrue(c.press(niks.get(0)).body().startsWith("CON Nama lengkap"));
            Call back = new Call("p-" + UUID.randomUUID(), agent, k.port()).code("*568#");
            back.dial();
            back.press("1");
            assertTrue(back.press("000000").body().startsWith("CON PIN salah"));
            assertTrue(back.press(PIN).body().startsWith("CON Nama lengkap"));
            back.press("Budi Santoso");
            back.press("1");
            back.press("1");
            assertTrue(back.press("1").body().startsWith("END SMS persetujuan terkirim"));
            Instances.smsTo(worker, 1, k);
            Instances.simulator(k).mo(worker, "567", "YA");
            assertTrue(Instances.smsTo(worker, 2, k).stream().anyMatch(t -> t.startsWith("Selamat, Anda terdaftar")));
            // Cash for that worker.
            Call cash = new Call("p-" + UUID.randomUUID(), agent, k.port()).code("*568#");
            cash.dial();
            cash.press("2"); // a fresh start, not the resume
            cash.press(PIN);
            cash.press("3");
            cash.press(worker);
            cash.press("1");
            assertTrue(cash.press("1").body().startsWith("END Tercatat"));

            // A worker registers by USSD, another by SMS.
            String self = phone();
            Call reg = new Call("p-" + UUID.randomUUID(), self, k.port());
            reg.dial();
            reg.press("1");
            reg.press(niks.get(1));
            reg.press("Sri Rahayu");
            reg.press("1");
            reg.press("1");
            assertTrue(reg.press("1").body().startsWith("END Selamat"), "registered by USSD");
            String bySms = phone();
            Instances.simulator(k).mo(bySms, "567", "DAFTAR#" + niks.get(2) + "#Paijo");
            assertTrue(Instances.smsTo(bySms, 1, k).get(0).startsWith("Selamat"), "registered by SMS");
            Instances.drained(k);

            List<String> found = new ArrayList<>();
            int scanned = scanRedis(ns, niks, found);
            List<ILoggingEvent> events = logs.events();
            for (ILoggingEvent e : events) {
                String line = e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " " + throwable(e.getThrowableProxy());
                for (String secret : secrets(niks)) if (line.contains(secret)) found.add("log: " + line);
            }
            System.out.printf("privacy scan: %d Redis keys and %d log lines searched for the PIN and %d NIKs%n", scanned, events.size(), niks.size());
            assertTrue(scanned > 20, "the flows left keys to search: " + scanned);
            assertEquals(List.of(), found);
        }
    }

    static String phone() {
        return Msisdn.parse(Instances.newPhone()).orElseThrow().value();
    }

    static List<String> secrets(List<String> niks) {
        List<String> all = new ArrayList<>(niks);
        all.add(PIN);
        return all;
    }

    static String throwable(IThrowableProxy t) {
        return t == null ? "" : t.getClassName() + ": " + t.getMessage() + " " + throwable(t.getCause());
    }

    /** Every key of the namespace but the sandbox core's, its name and every value in it; returns how many keys. */
    static int scanRedis(String ns, List<String> niks, List<String> found) {
        try (RedisAdmin c = RedisAdmin.open()) {
            RedisClusterCommands<String, String> r = c.sync();
            int n = 0;
            ScanArgs match = ScanArgs.Builder.matches(ns + ":*").limit(10_000);
            KeyScanCursor<String> cur = r.scan(match);
            while (true) {
                for (String key : cur.getKeys()) {
                    if (key.startsWith(ns + ":{sandbox}:core:")) continue; // the core system's own member record
                    n++;
                    String text = key + " = " + value(r, key);
                    for (String secret : secrets(niks)) if (text.contains(secret)) found.add("redis: " + text);
                }
                if (cur.isFinished()) return n;
                cur = r.scan(cur, match);
            }
        }
    }

    static String value(RedisClusterCommands<String, String> r, String key) {
        return switch (r.type(key)) {
            case "string" -> r.get(key);
            case "hash" -> r.hgetall(key).toString();
            case "set" -> r.smembers(key).toString();
            case "zset" -> r.zrange(key, 0, -1).toString();
            case "list" -> r.lrange(key, 0, -1).toString();
            case "stream" -> r.xrange(key, Range.create("-", "+")).stream().map(m -> m.getBody().toString()).toList().toString();
            default -> "";
        };
    }
}
