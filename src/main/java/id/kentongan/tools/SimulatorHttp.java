package id.kentongan.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kentongan.smpp.SmsSegments;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The simulator for a person at a terminal: {@code POST /mo {"from":"0812…","text":"CEK"}} sends a worker's SMS to
 * the service (to {@code "to"}, default 567), and {@code GET /received?last=N} shows the last N messages the service
 * sent (to, from, text, part i/n); {@code GET /stats} counts; {@code POST /faults} sets faults on demand (throttled,
 * queue full, rejected, no answer, a cut line, refused binds, slow answers). Loopback only; bodies above 4 KB refused.
 */
public final class SimulatorHttp {
    private static final int MAX_BODY = 4 * 1024;

    private SimulatorHttp() {}

    public static HttpServer start(SmscSimulator sim, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        http.createContext("/mo", ex -> {
            if (!ex.getRequestMethod().equals("POST")) {
                answer(ex, 405, new JsonObject().put("error", "POST {\"from\": \"0812…\", \"text\": \"CEK\"}"));
                return;
            }
            byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                answer(ex, 413, new JsonObject().put("error", "at most " + MAX_BODY + " bytes"));
                return;
            }
            try {
                JsonObject mo = new JsonObject(new String(body, StandardCharsets.UTF_8));
                String from = mo.getString("from", "").replaceAll("^\\+", "").replaceAll("^0", "62");
                String text = mo.getString("text", "");
                if (!from.matches("62[0-9]{8,13}") || text.isEmpty()) {
                    answer(ex, 400, new JsonObject().put("error", "give \"from\" (0812…, 62812…) and \"text\""));
                    return;
                }
                sim.mo(from, mo.getString("to", "567"), text);
                answer(ex, 202, new JsonObject().put("from", from).put("text", text));
            } catch (DecodeException | ClassCastException e) {
                answer(ex, 400, new JsonObject().put("error", "a JSON object: {\"from\": \"0812…\", \"text\": \"CEK\"}"));
            } catch (IllegalStateException e) {
                answer(ex, 503, new JsonObject().put("error", e.getMessage()));
            }
        });
        http.createContext("/received", ex -> {
            String q = ex.getRequestURI().getQuery();
            int last = 10;
            if (q != null && q.matches("last=[0-9]{1,3}")) last = Integer.parseInt(q.substring(5));
            answer(ex, 200, new JsonObject().put("received", lastReceived(sim, last)));
        });
        http.createContext("/stats", ex -> answer(ex, 200, stats(sim)));
        http.createContext("/faults", ex -> {
            if (!ex.getRequestMethod().equals("POST")) {
                answer(ex, 405, new JsonObject().put("error", "POST " + FAULTS_HELP));
                return;
            }
            byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
            try {
                JsonObject f = new JsonObject(new String(body, StandardCharsets.UTF_8));
                for (String name : f.fieldNames()) {
                    if (!FAULTS.contains(name)) throw new IllegalArgumentException(name + " is not a fault: " + FAULTS_HELP);
                    long v = f.getLong(name);
                    if (v < 0 || v > 1_000_000) throw new IllegalArgumentException(name + " must be 0..1000000");
                }
                if (f.containsKey("throttle")) sim.throttleNext(f.getInteger("throttle"));
                if (f.containsKey("queueFull")) sim.queueFullNext(f.getInteger("queueFull"));
                if (f.containsKey("reject")) sim.rejectNext(f.getInteger("reject"));
                if (f.containsKey("noAnswer")) sim.noAnswerNext(f.getInteger("noAnswer"));
                if (f.containsKey("dropAfter")) sim.dropConnectionAfter(f.getInteger("dropAfter"));
                if (f.containsKey("rejectBinds")) sim.rejectBindsNext(f.getInteger("rejectBinds"));
                if (f.containsKey("delayMs")) sim.respondAfter(java.time.Duration.ofMillis(f.getLong("delayMs")));
                answer(ex, 200, new JsonObject().put("faults", f));
            } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
                answer(ex, 400, new JsonObject().put("error", e instanceof IllegalArgumentException ? e.getMessage() : FAULTS_HELP));
            }
        });
        http.start();
        return http;
    }

    private static final java.util.Set<String> FAULTS = java.util.Set.of("throttle", "queueFull", "reject", "noAnswer", "dropAfter",
            "rejectBinds", "delayMs");
    private static final String FAULTS_HELP = "{\"throttle\":N, \"queueFull\":N, \"reject\":N, \"noAnswer\":N, \"dropAfter\":N, "
            + "\"rejectBinds\":N, \"delayMs\":MS}: the next N submit_sm answered throttled / queue full / invalid destination / "
            + "not at all; the line cut after N more; the next N binds refused; every answer delayed";

    /** Counts for benchmarks and tests polling a simulator in another process. */
    static JsonObject stats(SmscSimulator sim) {
        return new JsonObject().put("received", sim.receivedCount()).put("accepted", sim.acceptedCount())
                .put("duplicates", sim.duplicates()).put("lastAcceptedAt", sim.lastAcceptedAtMillis())
                .put("binds", sim.boundSessions()).put("drops", sim.drops()).put("receiptsDelivered", sim.receiptsDelivered()).put("deliverFailures", sim.deliverFailures());
    }

    /** The last {@code n} messages received, each as the phone would show it. */
    public static JsonArray lastReceived(SmscSimulator sim, int n) {
        List<SmscSimulator.Received> all = sim.received();
        JsonArray out = new JsonArray();
        for (SmscSimulator.Received r : all.subList(Math.max(0, all.size() - n), all.size())) out.add(shown(r));
        return out;
    }

    static JsonObject shown(SmscSimulator.Received r) {
        JsonObject j = new JsonObject().put("to", r.to()).put("from", r.from());
        byte[] payload = r.payload();
        if (r.udhi() && payload.length > 0) {
            int udhLength = payload[0] & 0xFF;
            if (udhLength >= 5 && payload.length > udhLength) j.put("part", (payload[udhLength] & 0xFF) + "/" + (payload[udhLength - 1] & 0xFF));
            payload = Arrays.copyOfRange(payload, Math.min(payload.length, udhLength + 1), payload.length);
        }
        return j.put("text", SmsSegments.decode(r.dataCoding(), payload));
    }

    private static void answer(HttpExchange ex, int status, JsonObject body) throws IOException {
        byte[] b = body.encode().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        }
    }
}
