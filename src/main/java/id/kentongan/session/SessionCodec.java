package id.kentongan.session;

import id.kentongan.menu.SessionState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compact JSON for a session: one-letter keys, because it is written on every hop of thousands of sessions. */
final class SessionCodec {
    private SessionCodec() {}

    static String encode(UssdSession s) {
        JsonObject j = new JsonObject()
                .put("i", s.sessionId())
                .put("c", s.serviceCode())
                .put("p", s.phase().name().substring(0, 1))
                .put("t", s.lastSeen())
                .put("s", state(s.state()));
        // Secrets typed in this hop are kept as a slow salted hash for the next hop only, and never past the end.
        Map<String, String> held = s.phase() == UssdSession.Phase.ACTIVE ? s.state().held() : Map.of();
        if (!held.isEmpty()) j.getJsonObject("s").put("z", new JsonObject(new LinkedHashMap<>(held)));
        if (s.offered() != null) j.put("o", state(s.offered()));
        if (s.lastHop() != null) j.put("k", s.lastHop());
        return j.encode();
    }

    static UssdSession decode(String text) {
        JsonObject j = new JsonObject(text);
        UssdSession.Phase phase = switch (j.getString("p")) {
            case "A" -> UssdSession.Phase.ACTIVE;
            case "R" -> UssdSession.Phase.RESUME_OFFER;
            case "E" -> UssdSession.Phase.ENDED;
            default -> throw new IllegalArgumentException("unknown phase " + j.getString("p"));
        };
        return new UssdSession(j.getString("i"), j.getString("c"), phase, state(j.getJsonObject("s")),
                j.containsKey("o") ? state(j.getJsonObject("o")) : null, j.getString("k"), j.getLong("t", 0L));
    }

    private static JsonObject state(SessionState s) {
        if (s == null) return null;
        JsonObject j = new JsonObject().put("v", s.menuVersion()).put("s", s.screen()).put("l", s.language());
        if (s.page() > 0) j.put("g", s.page());
        if (!s.history().isEmpty()) j.put("h", new JsonArray(List.copyOf(s.history())));
        if (!s.values().isEmpty()) j.put("x", new JsonObject(new LinkedHashMap<>(s.values())));
        return j;
    }

    private static SessionState state(JsonObject j) {
        if (j == null) return null;
        List<String> history = j.getJsonArray("h", new JsonArray()).stream().map(Object::toString).toList();
        Map<String, String> values = new LinkedHashMap<>();
        j.getJsonObject("x", new JsonObject()).forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
        Map<String, String> secrets = new LinkedHashMap<>();
        j.getJsonObject("z", new JsonObject()).forEach(e -> secrets.put(e.getKey(), String.valueOf(e.getValue())));
        return new SessionState(j.getString("v"), j.getString("s"), j.getInteger("g", 0), j.getString("l"), history, values, secrets);
    }
}
