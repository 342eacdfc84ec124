package id.kentongan.outbox;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.smpp.SmscConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the SMSC down, what is queued is what the backlog gauge says (it read 0 with 149 messages waiting). */
@Tag("redis")
class BacklogGaugeTest {
    static final Pattern BACKLOG = Pattern.compile("(?m)^kentongan_sms_outbox_backlog ([0-9.]+)$");

    @Test
    void theBacklogGaugeCountsWhatWaitsForAnSmscThatIsDown() throws Exception {
        check(Instances.isolated());
    }

    @Test
    void soDoesTheMemoryOutbox() throws Exception {
        check(Instances.config(java.util.Optional.empty(), java.nio.file.Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5)));
    }

    static void check(KentonganConfig base) throws Exception {
        int nobody;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = s.getLocalPort(); // closed again: binds are refused
        }
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(base.with(base.sms().with(SmscConfig.parse("smpp://kentongan:x@127.0.0.1:" + nobody
                    + "?reconnectMinMs=200&reconnectMaxMs=1000"))));
            for (int i = 0; i < 149; i++) {
                assertTrue(await(k.sms().outbox().enqueue(new OutboundSms("backlog-" + i, "62812345" + String.format("%05d", i), "Kuitansi"))));
            }
            assertEquals(149, k.sms().outbox().backlog(), "the outbox itself");
            if (k.sms().outbox() instanceof RedisSmsOutbox) {
                assertEquals(149, messagesInStreams(base), "what the shards' streams hold: the gauge's counters are the real backlog");
            }
            AdminClient http = new AdminClient(k.port(), null);
            String scrape = Eventually.value("the gauge refreshed (every 5 s)", Duration.ofSeconds(15), () -> http.get("/metrics").body(),
                    s -> gauge(s) == 149);
            assertEquals(149, gauge(scrape));
            assertEquals(503, http.get("/ready").statusCode(), "not bound: not ready");
        }
    }

    /** Messages in the entries of every outbox shard's stream (each entry says how many it holds). */
    static long messagesInStreams(KentonganConfig config) {
        try (RedisAdmin c = RedisAdmin.open()) {
            long sum = 0;
            for (int shard = 0; shard < config.sms().outboxShards(); shard++) {
                for (var e : c.sync().xrange(config.keyspace().outboxStream(shard), io.lettuce.core.Range.create("-", "+"))) {
                    sum += Long.parseLong(e.getBody().get("n"));
                }
            }
            return sum;
        }
    }

    static double gauge(String scrape) {
        Matcher m = BACKLOG.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
