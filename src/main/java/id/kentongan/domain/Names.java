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

    /** Titles written before a name ("PAK DARTO"): part of how the person is addressed, never their name's initial. */
    private static final java.util.Set<String> TITLES = java.util.Set.of("PAK", "BAPAK", "BU", "IBU", "MAS", "MBAK", "MBAH", "BANG", "H.", "HJ.");

    /** "SITI AMINAH" -> "Siti"; "PAK DARTO" -> "Darto"; at most 12 letters, so every text that greets by name keeps its length. */
    public static String firstName(String name) {
        // Names from the core system or an operator are shown as latin() would store them (a '?' for what cannot be).
        String shown = name == null ? null : latin(name).orElseGet(() -> unshowable(name));
        String[] p = shown == null || shown.isBlank() ? new String[]{"PESERTA"} : untitled(shown.strip().split("\\s+"));
        return capitalised(p[0], 12);
    }

    /**
     * "SITI AMINAH" -> "Siti A.": first name and the initial of the last, how agents and workers see one another. A
     * title stays with the name it goes with: "PAK DARTO" -> "Pak Darto", "BU SITI AMINAH" -> "Bu Siti A.".
     */
    public static String abbreviated(String name) {
        String shown = name == null ? null : latin(name).orElseGet(() -> unshowable(name));
        String[] all = shown == null || shown.isBlank() ? new String[]{"PESERTA"} : shown.strip().split("\\s+");
        String[] p = untitled(all);
        String title = p.length < all.length ? capitalised(all[0], 6) + " " : "";
        if (p.length < 2) return title + capitalised(p[0], 12);
        return title + capitalised(p[0], 12) + " " + p[p.length - 1].charAt(0) + ".";
    }

    private static String[] untitled(String[] words) {
        return words.length > 1 && TITLES.contains(words[0]) ? java.util.Arrays.copyOfRange(words, 1, words.length) : words;
    }

    private static String capitalised(String word, int max) {
        String w = word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
        return w.length() > max ? w.substring(0, max) : w;
    }

    private static String unshowable(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            out.append(out.length() == 0 ? "" : " ").append(latin(part).orElse("?"));
        }
        return out.toString();
    }
}
