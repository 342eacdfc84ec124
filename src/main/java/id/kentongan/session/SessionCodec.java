package id.kentongan.session;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import id.kentongan.menu.SessionState;
import id.kentongan.text.DataKey;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON for a session: one-letter keys, because it is written on every hop of thousands of sessions. The
 * values a worker typed (a NIK, a name, a phone number) are sealed with the data key: the store holds where the worker
 * is in clear, and what they typed only sealed.
 *
 * <p>Written by hand and read with Jackson's streaming parser (Vert.x's, whose buffers are recycled), not through a JSON tree: the tree and its databind
 * serializer were a quarter of the bytes a hop allocated (JFR, issue 18). The text is the same JSON as before, so
 * instances of either build read each other's dialogues.
 */
final class SessionCodec {
    private final DataKey key;

    SessionCodec(DataKey key) {
        this.key = key;
    }

    String encode(UssdSession s) {
        StringBuilder b = new StringBuilder(192);
        b.append("{\"i\":");
        string(b, s.sessionId());
        b.append(",\"c\":");
        string(b, s.serviceCode());
        b.append(",\"p\":\"").append(s.phase().name().charAt(0)).append("\",\"t\":").append(s.lastSeen()).append(",\"s\":");
        // Secrets typed in this hop are kept as a slow salted hash for the next hop only, and never past the end.
        state(b, s.state(), s.phase() == UssdSession.Phase.ACTIVE ? s.state().held() : Map.of());
        if (s.offered() != null) {
            b.append(",\"o\":");
            state(b, s.offered(), Map.of());
        }
        if (s.lastHop() != null) {
            b.append(",\"k\":");
            string(b, s.lastHop());
        }
        return b.append('}').toString();
    }

    private void state(StringBuilder b, SessionState s, Map<String, String> held) {
        b.append("{\"v\":");
        string(b, s.menuVersion());
        b.append(",\"s\":");
        string(b, s.screen());
        b.append(",\"l\":");
        string(b, s.language());
        if (s.page() > 0) b.append(",\"g\":").append(s.page());
        if (!s.history().isEmpty()) {
            b.append(",\"h\":[");
            for (int i = 0; i < s.history().size(); i++) {
                if (i > 0) b.append(',');
                string(b, s.history().get(i));
            }
            b.append(']');
        }
        if (!s.values().isEmpty()) {
            b.append(",\"x\":");
            string(b, key.seal(object(new StringBuilder(96), s.values()).toString()));
        }
        if (!held.isEmpty()) object(b.append(",\"z\":"), held);
        b.append('}');
    }

    private static StringBuilder object(StringBuilder b, Map<String, String> m) {
        b.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (!first) b.append(',');
            first = false;
            string(b, e.getKey());
            b.append(':');
            string(b, e.getValue());
        }
        return b.append('}');
    }

    private static void string(StringBuilder b, String s) {
        if (s == null) { // as the JSON tree wrote it
            b.append("null");
            return;
        }
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, b);
        b.append('"');
    }

    /** @throws IllegalArgumentException when the text is not a session, or its values were sealed with another key */
    UssdSession decode(String text) {
        String id = null, code = null, phase = null, lastHop = null;
        long lastSeen = 0;
        Read state = null, offered = null;
        try (JsonParser p = JacksonCodec.createParser(text)) {
            expect(p, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_NULL) continue;
                switch (field) {
                    case "i" -> id = p.getText();
                    case "c" -> code = p.getText();
                    case "p" -> phase = p.getText();
                    case "k" -> lastHop = p.getText();
                    case "t" -> lastSeen = p.getValueAsLong();
                    case "s" -> state = state(p);
                    case "o" -> offered = state(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | DecodeException e) {
            throw new IllegalArgumentException("not a session: " + e.getMessage());
        }
        if (phase == null || state == null) throw new IllegalArgumentException("not a session: no phase or state");
        UssdSession.Phase ph = switch (phase) {
            case "A" -> UssdSession.Phase.ACTIVE;
            case "R" -> UssdSession.Phase.RESUME_OFFER;
            case "E" -> UssdSession.Phase.ENDED;
            default -> throw new IllegalArgumentException("unknown phase " + phase);
        };
        // The sealed values are read once the outer parser is closed: a second parser open at once would not get the
        // thread's recycled buffers (8 KB more per hop).
        return new UssdSession(id, code, ph, opened(state), offered == null ? null : opened(offered), lastHop, lastSeen);
    }

    /** A state as read, its typed values still sealed. */
    private record Read(String version, String screen, int page, String language, List<String> history, String sealed,
                        Map<String, String> secrets) {}

    private SessionState opened(Read r) {
        Map<String, String> values = Map.of();
        if (r.sealed() != null) {
            String plain = key.open(r.sealed()).orElseThrow(() -> new IllegalArgumentException("session values sealed with another key"));
            try (JsonParser inner = JacksonCodec.createParser(plain)) {
                inner.nextToken();
                values = object(inner);
            } catch (IOException | DecodeException e) {
                throw new IllegalArgumentException("not a session's values: " + e.getMessage());
            }
        }
        return new SessionState(r.version(), r.screen(), r.page(), r.language(), r.history(), values, r.secrets());
    }

    private static Read state(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a session state");
        String version = null, screen = null, language = null, sealed = null;
        int page = 0;
        List<String> history = List.of();
        Map<String, String> secrets = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "v" -> version = p.getText();
                case "s" -> screen = p.getText();
                case "l" -> language = p.getText();
                case "g" -> page = p.getValueAsInt();
                case "h" -> {
                    expect(p, JsonToken.START_ARRAY);
                    List<String> h = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) h.add(p.getText());
                    history = h;
                }
                case "x" -> sealed = p.getText();
                case "z" -> secrets = object(p);
                default -> p.skipChildren();
            }
        }
        if (version == null || screen == null || language == null) throw new IllegalArgumentException("not a session state: a field is missing");
        return new Read(version, screen, page, language, history, sealed, secrets);
    }

    /** A flat object of strings (numbers and others as their text, as the tree reader gave them). */
    private static Map<String, String> object(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        Map<String, String> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) throw new IllegalArgumentException("not a flat object");
            m.put(k, p.getText());
        }
        return m;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        if ((p.currentToken() == null ? p.nextToken() : p.currentToken()) != token) throw new IllegalArgumentException("not a session: expected " + token);
    }
}
