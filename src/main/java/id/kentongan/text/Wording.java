package id.kentongan.text;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every SMS text the service writes itself, in each language a worker can choose (texts/sms.yaml): Bahasa Indonesia
 * first, then English and Basa Banyumasan. A text missing in a language is said in Bahasa Indonesia. The texts are read
 * once and checked at start: a translation may not ask for a value the Indonesian text does not have.
 */
public final class Wording {
    public static final List<String> LANGUAGES = List.of("id", "en", "jv");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Wording STANDARD = read("/texts/sms.yaml");

    private final Map<String, Map<String, String>> texts;

    Wording(Map<String, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The service's own texts (texts/sms.yaml on the class path). */
    public static Wording standard() {
        return STANDARD;
    }

    static Wording read(String resource) {
        try (InputStream in = Wording.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the class path");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Wording parse(String yaml, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> all)) throw new IllegalStateException(source + ": a mapping of text names");
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        all.forEach((name, byLanguage) -> {
            if (!(byLanguage instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)) {
                throw new IllegalStateException(source + ": '" + name + "' needs at least an 'id' text");
            }
            Map<String, String> t = new LinkedHashMap<>();
            m.forEach((lang, text) -> {
                if (!LANGUAGES.contains(String.valueOf(lang)) || !(text instanceof String s)) {
                    throw new IllegalStateException(source + ": '" + name + "' has '" + lang + "', not a text in one of " + LANGUAGES);
                }
                if (!placeholders(id).containsAll(placeholders(s))) {
                    throw new IllegalStateException(source + ": '" + name + "' in '" + lang + "' asks for " + placeholders(s)
                            + " where the 'id' text has " + placeholders(id));
                }
                t.put(String.valueOf(lang), s);
            });
            texts.put(String.valueOf(name), Map.copyOf(t));
        });
        return new Wording(Map.copyOf(texts));
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The text {@code name} in {@code language} (Bahasa Indonesia where it has none), {@code values} filled in. */
    public String say(String name, String language, Map<String, String> values) {
        Map<String, String> t = texts.get(name);
        if (t == null) throw new IllegalArgumentException("no text named '" + name + "'");
        String template = t.getOrDefault(language, t.get("id"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) throw new IllegalArgumentException("text '" + name + "' needs a value for {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    /** {@link #say(String, String, Map)} with values given as name, value, name, value… */
    public String say(String name, String language, String... namesAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) values.put(namesAndValues[i], namesAndValues[i + 1]);
        return say(name, language, values);
    }

    /** The names of every text, sorted. */
    public List<String> names() {
        return texts.keySet().stream().sorted().toList();
    }

    /** The raw text (placeholders unfilled), or null where {@code language} has none. */
    public String template(String name, String language) {
        Map<String, String> t = texts.get(name);
        return t == null ? null : t.get(language);
    }

    /** A language the service speaks, or Bahasa Indonesia. */
    public static String known(String language) {
        return language != null && LANGUAGES.contains(language) ? language : "id";
    }
}
