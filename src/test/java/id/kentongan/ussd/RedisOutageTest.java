package id.kentongan.ussd;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.kentongan.Eventually;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.store.RedisTtlStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Redis of the test's own, on a free port, stopped and started again under a running service. */
@Tag("redis")
class RedisOutageTest {
    private Process redis;

    private Process startRedis(int port) throws Exception {
        Process p = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200; i++) { // up to ~10 s for the port to open
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.getPort();
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stopRedis() throws Exception {
        if (redis != null) {
            redis.destroyForcibly();
            redis.waitFor();
        }
    }

    @Test
    void withRedisDownTheWorkerGetsABusyScreenAndServiceRecoversByItself() throws Exception {
        int port = freePort();
        redis = startRedis(port);
        Logger serviceLog = (Logger) LoggerFactory.getLogger(UssdService.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        serviceLog.addAppender(logged);
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.of("redis://127.0.0.1:" + port), Path.of("menus"),
                    Duration.ZERO, Duration.ofSeconds(5)));
            String phone = "081298765432";
            Call call = new Call("out-1", phone, k.port());
            assertTrue(call.dial().con());

            redis.destroy();
            redis.waitFor();
            Answer busy = call.press("1");
            assertEquals(new Answer(200, "END Layanan sedang sibuk, silakan coba lagi.\nService is busy, please try again."), busy);
            assertTrue(new Call("out-2", phone, k.port()).dial().end(), "still busy, still answering");
            Answer notReady = Gateway.get(k.port(), "/ready");
            assertEquals(503, notReady.status(), "/ready tells the load balancer: " + notReady.body());
            assertTrue(notReady.body().contains("\"store\":\"redis not answering"), notReady.body());

            boolean masked = logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("62812*****432"));
            boolean raw = logged.list.stream().anyMatch(e -> e.getFormattedMessage().contains("6281298765432")
                    || e.getFormattedMessage().contains("081298765432"));
            assertTrue(masked, "the outage is logged with the number masked: " + logged.list);
            assertTrue(logged.list.stream().anyMatch(e -> e.getFormattedMessage().matches("hop failed for 62812\\*+432 session out-1 request [0-9a-f]+: .*")),
                    "with the request id the answer carried: " + logged.list);
            assertFalse(raw, "the number never appears whole in a log line");

            redis = startRedis(port);
            // Reconnecting backs off to at most 2 s.
            Answer back = Eventually.value("a menu again once Redis is back", Duration.ofSeconds(15),
                    () -> new Call("out-3-" + UUID.randomUUID(), phone, k.port()).dial(), a -> !a.end());
            assertTrue(back.con() && back.screen().startsWith("Kentongan BPJS Ketenagakerjaan"), "recovered: " + back);
            assertEquals(200, Gateway.get(k.port(), "/ready").status(), "ready again");
        } finally {
            serviceLog.detachAppender(logged);
        }
    }

    @Test
    void aServiceStartedBeforeRedisServesOnceRedisComesUp() throws Exception {
        int port = freePort();
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.of("redis://127.0.0.1:" + port), Path.of("menus"),
                    Duration.ZERO, Duration.ofSeconds(5)));
            assertEquals(new Answer(200, "END Layanan sedang sibuk, silakan coba lagi.\nService is busy, please try again."),
                    new Call("early-1", "081298765433", k.port()).dial());
            redis = startRedis(port);
            Answer up = new Call("early-2", "081298765433", k.port()).dial();
            assertTrue(up.con() && up.screen().startsWith("Kentongan BPJS Ketenagakerjaan"), "connects on the next request: " + up);
        }
    }

    @Test
    void funnelCountsOfAFailedFlushAreWrittenByALaterOne() throws Exception {
        int port = freePort();
        redis = startRedis(port);
        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, "redis://127.0.0.1:" + port, Duration.ofSeconds(1));
        try {
            Funnel funnel = new Funnel(store, Clock.systemUTC());
            for (int i = 0; i < 3; i++) funnel.left("*567#", "v1", "id", "reg_nik", true);
            funnel.left("*567#", "v1", "en", "main", false);
            redis.destroy();
            redis.waitFor();
            Instances.await(funnel.flush()); // the write fails: the counts are kept, and the flush itself does not fail
            funnel.left("*567#", "v1", "id", "reg_nik", true); // counted during the outage
            redis = startRedis(port);
            Map<String, String> written = Eventually.value("the counts in Redis once it is back", Duration.ofSeconds(15), () -> {
                Instances.await(funnel.flush());
                return Instances.await(store.hash(store.keys().funnel("*567#", LocalDate.now(Clock.systemUTC()))));
            }, m -> !m.isEmpty());
            assertEquals(Map.of("v1|id|reg_nik|dropped", "4", "v1|en|main|timed_out", "1"), written, "nothing lost, nothing twice");
        } finally {
            store.close();
            vertx.close();
        }
    }
}
