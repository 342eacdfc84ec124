package id.kentongan.session;

import id.kentongan.menu.SessionState;
import id.kentongan.text.DataKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON for a session: one-letter keys, because it is written on every hop of thousands of sessions. The
 * values a worker typed (a NIK, a name, a phone number) are sealed with the data key: the store holds where the worker
 * is in clear, and what they typed only sealed.
 */
final class SessionCodec {
    private final DataKey key;

    SessionCodec(DataKey key) {
        this.key = key;
    }

    String encode(UssdSession s) {
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

    /** @throws IllegalArgumentException when the text is not a session, or its values were sealed with another key */
    UssdSession decode(String text) {
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

    private JsonObject state(SessionState s) {
        if (s == null) return null;
        JsonObject j = new JsonObject().put("v", s.menuVersion()).put("s", s.screen()).put("l", s.language());
        if (s.page() > 0) j.put("g", s.page());
        if (!s.history().isEmpty()) j.put("h", new JsonArray(List.copyOf(s.history())));
        if (!s.values().isEmpty()) j.put("x", key.seal(new JsonObject(new LinkedHashMap<>(s.values())).encode()));
        return j;
    }

    private SessionState state(JsonObject j) {
        if (j == null) return null;
        List<String> history = j.getJsonArray("h", new JsonArray()).stream().map(Object::toString).toList();
        Map<String, String> values = new LinkedHashMap<>();
        if (j.containsKey("x")) {
            String sealed = j.getString("x");
            new JsonObject(key.open(sealed).orElseThrow(() -> new IllegalArgumentException("session values sealed with another key")))
                    .forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        j.getJsonObject("z", new JsonObject()).forEach(e -> secrets.put(e.getKey(), String.valueOf(e.getValue())));
        return new SessionState(j.getString("v"), j.getString("s"), j.getInteger("g", 0), j.getString("l"), history, values, secrets);
    }
}
