package id.kentongan.tools;

import id.kentongan.Instances;
import id.kentongan.Kentongan;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load generator against a real instance (Redis sessions, sandbox backend), and against a server that answers wrongly. */
@Tag("redis")
class UssdLoadTestTest {

    @Test
    void playsEveryFlowToTheEndAndCountsEachHop() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            Map<String, Integer> mix = UssdLoadTest.mix("register=1,status=1,pay=1,browse=1");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            JsonObject r = new UssdLoadTest(new UssdLoadTest.Options(URI.create("http://127.0.0.1:" + k.port()), 8,
                    Duration.ofMinutes(5), 200, mix, Duration.ZERO, "*567#")).run(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(0, r.getLong("errors"), r.encodePrettily());
            assertEquals(200, r.getLong("sessions"));
            // Every dialogue is 2 (status), 4 (pay), 5 (browse) or 7 (register) hops: the total lies between.
            assertTrue(r.getLong("hops") >= 2 * 200 && r.getLong("hops") <= 7 * 200, r.encodePrettily());
            assertTrue(r.getJsonObject("latencyMs").getDouble("p50") > 0);
            long banded = r.getJsonObject("histogram").stream().mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
            assertEquals(r.getLong("hops"), banded, "every hop lands in one histogram band");
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("generator CPU:"));
        }
    }

    @Test
    void aWrongScreenOrAnHttpErrorIsCountedByKind() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/ussd/at", ex -> {
            ex.getRequestBody().readAllBytes();
            boolean broken = n.incrementAndGet() % 2 == 0;
            byte[] body = (broken ? "oops" : "END Layanan tidak dikenal").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(broken ? 500 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            JsonObject r = new UssdLoadTest(new UssdLoadTest.Options(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    1, Duration.ofMinutes(1), 10, Map.of("browse", 1), Duration.ZERO, "*567#")).run(new PrintStream(new ByteArrayOutputStream()));
            assertEquals(10, r.getLong("hops"));
            assertEquals(0, r.getLong("sessions"));
            assertEquals(5, r.getJsonObject("errorsByKind").getLong("wrong screen after 'dial'"));
            assertEquals(5, r.getJsonObject("errorsByKind").getLong("http 500"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theFlowMixIsReadFromItsShortForm() {
        assertEquals(Map.of("register", 1, "browse", 2), UssdLoadTest.mix("register=1, browse=2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> UssdLoadTest.mix("sleep=1"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> UssdLoadTest.mix("register"));
    }
}
