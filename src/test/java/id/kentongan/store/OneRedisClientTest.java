package id.kentongan.store;

import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running instance holds one Redis client: one shared connection, and one of its own for the outbox's blocking read. */
@Tag("redis")
class OneRedisClientTest {

    @Test
    void aBusyInstanceHoldsTheSharedConnectionAndTheOutboxReaderOnly() throws Exception {
        try (RedisAdmin admin = RedisAdmin.open()) {
            // On a cluster the shared connection is one connection per node, by design; this count is one server's.
            org.junit.jupiter.api.Assumptions.assumeFalse(admin.cluster(), "one server only");
        }
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            String name = k.redisClientName().orElseThrow();
            // Every part at work: a USSD dialogue (sessions, once-keys), an SMS (outbox enqueue, sender, receipt),
            // the campaigns' store (outreach's sync commands), the readiness check.
            Call call = new Call("one-client-" + UUID.randomUUID(), Instances.newPhone(), k.port());
            assertTrue(call.dial().screen().startsWith("Kentongan"));
            Instances.simulator(k).mo("6281234567000", "567", "BANTUAN");
            assertTrue(k.campaigns().orElseThrow().list(10).size() >= 0);
            Instances.smsTo("6281234567000", 1, k);

            List<String> mine = clientNamesStartingWith(name);
            assertEquals(List.of(name, name + "-blocking"), mine.stream().sorted().toList(),
                    "connections named after this instance's client: " + mine);
        }
    }

    /** The {@code name=} of every connection in CLIENT LIST that starts with {@code prefix}. */
    static List<String> clientNamesStartingWith(String prefix) {
        try (RedisAdmin c = RedisAdmin.open()) {
            return Arrays.stream(c.sync().clientList().split("\n"))
                    .flatMap(line -> Arrays.stream(line.split(" ")))
                    .filter(field -> field.startsWith("name=" + prefix))
                    .map(field -> field.substring("name=".length()))
                    .toList();
        }
    }
}
