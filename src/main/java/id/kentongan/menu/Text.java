package id.kentongan.menu;

import java.util.Map;

/** A text in several languages, keyed by language code ({@code id}, {@code en}, {@code jv}). */
public record Text(Map<String, String> byLanguage, int line) {
    public Text {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static Text of(String id, String en, String jv) {
        return new Text(Map.of("id", id, "en", en, "jv", jv), 0);
    }

    /** The text in {@code language}, else in {@code fallback}, else any. */
    public String in(String language, String fallback) {
        String t = byLanguage.get(language);
        if (t == null) t = byLanguage.get(fallback);
        if (t == null) t = byLanguage.values().stream().findFirst().orElse("");
        return t;
    }
}
