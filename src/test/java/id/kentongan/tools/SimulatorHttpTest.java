package id.kentongan.tools;

import com.sun.net.httpserver.HttpServer;
import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person tries the SMS keywords through the simulator's HTTP side: sends CEK and BANTUAN, reads the replies. */
class SimulatorHttpTest {

    @Test
    void aWorkersSmsGoesInAndTheReplyTextComesOut() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5)));
            HttpServer http = SimulatorHttp.start(Instances.simulator(k), 0);
            try {
                AdminClient sim = new AdminClient(http.getAddress().getPort(), null);
                assertEquals(202, sim.send("POST", "/mo", new JsonObject().put("from", "081234567004").put("text", "BANTUAN")).statusCode());
                JsonObject reply = Eventually.value("the reply to BANTUAN", Duration.ofSeconds(10),
                        () -> last(sim.json("GET", "/received?last=5", null).getJsonArray("received"), "6281234567004"),
                        r -> r != null);
                assertTrue(reply.getString("text").startsWith("Kentongan BPJS TK: DAFTAR#NIK#NAMA"), reply.encode());

                assertEquals(202, sim.send("POST", "/mo", new JsonObject().put("from", "081234567004").put("text", "CEK")).statusCode());
                JsonObject status = Eventually.value("the reply to CEK", Duration.ofSeconds(10),
                        () -> last(sim.json("GET", "/received?last=5", null).getJsonArray("received"), "6281234567004"),
                        r -> r != null && !r.getString("text").startsWith("Kentongan BPJS TK:"));
                assertTrue(status.getString("text").startsWith("Nomor ini belum terdaftar"), status.encode());

                assertEquals(400, sim.send("POST", "/mo", new JsonObject().put("from", "12").put("text", "CEK")).statusCode());
                assertEquals(400, sim.send("POST", "/mo", "not json").statusCode());
                assertEquals(413, sim.send("POST", "/mo", "x".repeat(5_000)).statusCode());
            } finally {
                http.stop(0);
            }
        }
    }

    static JsonObject last(JsonArray received, String to) {
        JsonObject found = null;
        for (Object o : received) if (((JsonObject) o).getString("to").equals(to)) found = (JsonObject) o;
        return found;
    }
}
