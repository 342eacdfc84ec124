package id.kentongan.menu;

import id.kentongan.text.SlowHash;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a worker is in a journey: the menu version it started on (sessions in flight finish on it), the current
 * screen and page, the language, the screens to go back to, and the values collected. Immutable; kept small
 * because it is written to Redis on every hop.
 *
 * <p>{@code secrets} are values typed on {@code secret: true} screens (PINs). They are kept apart from {@code values}
 * so that nothing shows or stores them by accident: in clear they live only within the hop they were typed in; the
 * session store keeps a {@linkplain #held() salted slow hash} of them for one more hop at most (a PIN typed twice is
 * compared across two hops), and the first effect that runs after them drops them all.
 */
public record SessionState(String menuVersion, String screen, int page, String language, List<String> history,
                           Map<String, String> values, Map<String, String> secrets) {
    /** Back-stack depth kept: deeper journeys lose the oldest entries, never the session. */
    static final int MAX_HISTORY = 12;
    public static final String LANGUAGE = "lang";
    /**
     * A held secret lives one hop (seconds, at most the session time-out) and is computed on the event loop: ~5 ms.
     * Brute-forcing a six-digit PIN from it still costs 10^10 HMACs.
     */
    static final int HELD_ITERATIONS = 10_000;

    public SessionState {
        history = List.copyOf(history);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        secrets = Map.copyOf(secrets);
    }

    public SessionState(String menuVersion, String screen, int page, String language, List<String> history,
                        Map<String, String> values) {
        this(menuVersion, screen, page, language, history, values, Map.of());
    }

    public static SessionState fresh(Menu menu, String language) {
        return new SessionState(menu.version(), menu.start(), 0, language, List.of(), Map.of());
    }

    SessionState at(String screenId) {
        return new SessionState(menuVersion, screenId, 0, language, history, values, secrets);
    }

    SessionState onPage(int p) {
        return new SessionState(menuVersion, screen, p, language, history, values, secrets);
    }

    SessionState pushed(String screenId) {
        List<String> h = new ArrayList<>(history);
        h.add(screenId);
        while (h.size() > MAX_HISTORY) h.remove(0);
        return new SessionState(menuVersion, screen, page, language, h, values, secrets);
    }

    SessionState popped() {
        if (history.isEmpty()) return this;
        List<String> h = new ArrayList<>(history);
        String back = h.remove(h.size() - 1);
        return new SessionState(menuVersion, back, 0, language, h, values, secrets);
    }

    SessionState cleared() {
        return new SessionState(menuVersion, screen, 0, language, List.of(), values, Map.of());
    }

    SessionState with(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> v = new LinkedHashMap<>(values);
        v.putAll(more);
        String lang = more.getOrDefault(LANGUAGE, language);
        v.remove(LANGUAGE); // the language has its own field
        return new SessionState(menuVersion, screen, page, lang, history, v, secrets);
    }

    SessionState withSecret(String key, String clear) {
        Map<String, String> z = new LinkedHashMap<>(secrets);
        z.put(key, clear);
        return new SessionState(menuVersion, screen, page, language, history, values, z);
    }

    public SessionState withoutSecrets() {
        return secrets.isEmpty() ? this : new SessionState(menuVersion, screen, page, language, history, values, Map.of());
    }

    /**
     * What the session store may keep of the secrets: the ones typed in this hop as a salted slow hash, none typed
     * earlier (a held hash lives one hop).
     */
    public Map<String, String> held() {
        Map<String, String> h = new LinkedHashMap<>();
        secrets.forEach((k, v) -> {
            if (!SlowHash.isHash(v)) h.put(k, SlowHash.hash(v, HELD_ITERATIONS));
        });
        return h;
    }

    /** Whether a secret (typed in clear, or held from the last hop) is {@code clear}. */
    public static boolean sameSecret(String secret, String clear) {
        if (secret == null || clear == null) return false;
        return SlowHash.isHash(secret) ? SlowHash.matches(clear, secret) : secret.equals(clear);
    }

    /** Never prints a secret: states end up in assertion messages and debug logs. */
    @Override
    public String toString() {
        return "SessionState[" + menuVersion + " " + screen + "#" + page + " " + language + " " + history + " " + values
                + (secrets.isEmpty() ? "" : " secrets " + secrets.keySet()) + "]";
    }

    /** A worker who has moved past the first screen has something to resume. */
    public boolean inProgress() {
        return !history.isEmpty();
    }
}
