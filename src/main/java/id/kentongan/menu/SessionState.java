package id.kentongan.menu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a worker is in a journey: the menu version it started on (sessions in flight finish on it), the current
 * screen and page, the language, the screens to go back to, and the values collected. Immutable; kept small
 * because it is written to Redis on every hop.
 */
public record SessionState(String menuVersion, String screen, int page, String language, List<String> history,
                           Map<String, String> values) {
    /** Back-stack depth kept: deeper journeys lose the oldest entries, never the session. */
    static final int MAX_HISTORY = 12;
    public static final String LANGUAGE = "lang";

    public SessionState {
        history = List.copyOf(history);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static SessionState fresh(Menu menu, String language) {
        return new SessionState(menu.version(), menu.start(), 0, language, List.of(), Map.of());
    }

    SessionState at(String screenId) {
        return new SessionState(menuVersion, screenId, 0, language, history, values);
    }

    SessionState onPage(int p) {
        return new SessionState(menuVersion, screen, p, language, history, values);
    }

    SessionState pushed(String screenId) {
        List<String> h = new ArrayList<>(history);
        h.add(screenId);
        while (h.size() > MAX_HISTORY) h.remove(0);
        return new SessionState(menuVersion, screen, page, language, h, values);
    }

    SessionState popped() {
        if (history.isEmpty()) return this;
        List<String> h = new ArrayList<>(history);
        String back = h.remove(h.size() - 1);
        return new SessionState(menuVersion, back, 0, language, h, values);
    }

    SessionState cleared() {
        return new SessionState(menuVersion, screen, 0, language, List.of(), values);
    }

    SessionState with(Map<String, String> more) {
        if (more.isEmpty()) return this;
        Map<String, String> v = new LinkedHashMap<>(values);
        v.putAll(more);
        String lang = more.getOrDefault(LANGUAGE, language);
        v.remove(LANGUAGE); // the language has its own field
        return new SessionState(menuVersion, screen, page, lang, history, v);
    }

    /** A worker who has moved past the first screen has something to resume. */
    public boolean inProgress() {
        return !history.isEmpty();
    }
}
