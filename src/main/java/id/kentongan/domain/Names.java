package id.kentongan.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a person is named to others: never the full name (KTP names are written in capitals; we write them as spoken). */
public final class Names {
    private Names() {}

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SHOWN = Pattern.compile("[A-Z .'\\-]*");
    /** Letters without a decomposition that still have a plain Latin spelling. */
    private static final Map<Character, String> PLAIN = Map.of('ß', "SS", 'Æ', "AE", 'Ø', "O", 'Œ', "OE", 'Đ', "D",
            'Ł', "L", 'ı', "I", 'Þ', "TH", 'Ð', "D");

    /**
     * A name as a feature phone shows it: upper-case Latin letters, spaces, {@code . ' -} only (all GSM-7, so a page
     * with the name stays a 182-character page instead of an 80-character UCS-2 one). Accents and marks are dropped
     * (Ŝiti -> SITI); empty when a letter has no plain spelling (Cyrillic, CJK, emoji): the caller asks again.
     */
    public static Optional<String> latin(String name) {
        if (name == null) return Optional.empty();
        String upper = MARKS.matcher(Normalizer.normalize(name.strip().toUpperCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(PLAIN.getOrDefault(c, String.valueOf(c)));
        }
        String v = out.toString().replace('\u2019', '\'').replace('`', '\'');
        return SHOWN.matcher(v).matches() ? Optional.of(v) : Optional.empty();
    }

    /** "SITI AMINAH" -> "Siti"; at most 12 letters, so every text that greets by name keeps its length. */
    public static String firstName(String name) {
        // Names from the core system or an operator are shown as latin() would store them (a '?' for what cannot be).
        String shown = name == null ? null : latin(name).orElseGet(() -> unshowable(name));
        String first = shown == null || shown.isBlank() ? "Peserta" : shown.strip().split("\\s+")[0];
        first = first.charAt(0) + first.substring(1).toLowerCase(Locale.ROOT);
        return first.length() > 12 ? first.substring(0, 12) : first;
    }

    /** "SITI AMINAH" -> "Siti A.": first name and the initial of the last, how agents and workers see one another. */
    public static String abbreviated(String name) {
        String shown = name == null ? null : latin(name).orElseGet(() -> unshowable(name));
        String[] p = shown == null ? new String[0] : shown.strip().split("\\s+");
        if (p.length < 2) return firstName(shown);
        return firstName(p[0]) + " " + p[p.length - 1].charAt(0) + ".";
    }

    private static String unshowable(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            out.append(out.length() == 0 ? "" : " ").append(latin(part).orElse("?"));
        }
        return out.toString();
    }
}
