package id.kentongan.domain;

import java.util.Locale;

/** How a person is named to others: never the full name (KTP names are written in capitals; we write them as spoken). */
public final class Names {
    private Names() {}

    /** "SITI AMINAH" -> "Siti"; at most 12 letters, so every text that greets by name keeps its length. */
    public static String firstName(String name) {
        String first = name == null || name.isBlank() ? "Peserta" : name.strip().split("\\s+")[0];
        first = first.charAt(0) + first.substring(1).toLowerCase(Locale.ROOT);
        return first.length() > 12 ? first.substring(0, 12) : first;
    }

    /** "SITI AMINAH" -> "Siti A.": first name and the initial of the last, how agents and workers see one another. */
    public static String abbreviated(String name) {
        String[] p = name == null ? new String[0] : name.strip().split("\\s+");
        if (p.length < 2) return firstName(name);
        return firstName(p[0]) + " " + p[p.length - 1].charAt(0) + ".";
    }
}
