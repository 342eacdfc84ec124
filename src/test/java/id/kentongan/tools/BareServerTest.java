package id.kentongan.tools;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's baseline answers the load generator's dialogue and runs the Redis commands it is asked to per hop. It
 * speaks to one Redis server, as the harness's does (127.0.0.1:6379), so it has no run in the cluster phase.
 */
class BareServerTest {
    private static final String REDIS = "redis://127.0.0.1:6379";

    @Test
    void answersEveryHopAfterItsRoundTrips() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RedisClient client = RedisClient.create(REDIS);
        try (StatefulRedisConnection<String, String> redis = client.connect();
             BareServer.Running bare = BareServer.start(port, REDIS, 1, true, 4)) {
            Map<String, Long> before = commands(redis.sync().info("commandstats"));
            JsonObject r = new UssdLoadTest(new UssdLoadTest.Options(URI.create("http://127.0.0.1:" + port), 4,
                    Duration.ofMinutes(1), 20, Map.of("bare", 1), Duration.ZERO, "*567#")).run(new PrintStream(new ByteArrayOutputStream()));
            Map<String, Long> after = commands(redis.sync().info("commandstats"));
            assertEquals(0, r.getLong("errors"), r.encodePrettily());
            long hops = r.getLong("hops");
            assertEquals(20 * 5, hops, "five hops a dialogue, each answered CON");
            // Four commands a hop: three GETs (the phone's key, then two others), then the SET. Other clients of this
            // Redis can only add to the counts.
            assertTrue(after.get("get") - before.getOrDefault("get", 0L) >= 3 * hops, before + " -> " + after);
            assertTrue(after.get("setex") - before.getOrDefault("setex", 0L) >= hops, before + " -> " + after);
        } finally {
            client.shutdown();
        }
    }

    /** INFO commandstats: command -> calls. */
    private static Map<String, Long> commands(String info) {
        Map<String, Long> calls = new java.util.HashMap<>();
        for (String line : info.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) continue;
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            String n = line.substring(line.indexOf("calls=") + 6);
            calls.put(name, Long.parseLong(n.substring(0, n.indexOf(','))));
        }
        return calls;
    }
}
