package id.kentongan.sms;

import id.kentongan.domain.Names;
import id.kentongan.domain.Nik;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a worker's SMS asks for. Keywords are read case-insensitively, with spaces or {@code #} as separators
 * ({@code DAFTAR#3302145507900001#SITI AMINAH}), tolerant of extra spaces, common aliases and one-letter typos in the
 * longer keywords. Anything else is {@link Unknown} and gets the help text.
 */
public sealed interface SmsCommand {
    record Register(String nik, String name) implements SmsCommand {}

    record Check() implements SmsCommand {}

    record Pay(int months) implements SmsCommand {}

    record Stop() implements SmsCommand {}

    record Start() implements SmsCommand {}

    record Help() implements SmsCommand {}

    /** The worker's answer to an agent's registration: YA or TIDAK. */
    record Consent(boolean yes) implements SmsCommand {}

    /** Group news (solidarity notices): KABAR to receive them, KABAR STOP to stop. */
    record GroupNews(boolean on) implements SmsCommand {}

    /** BASA INDONESIA / BASA INGGRIS (or BAHASA …, LANGUAGE ENGLISH): the language of the phone's menus. */
    record Language(String code) implements SmsCommand {}

    /** A known keyword used wrongly: the text named {@code textName} (texts/sms.yaml) says how to use it. */
    record Invalid(String textName) implements SmsCommand {}

    record Unknown(String text) implements SmsCommand {}

    Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("DAFTAR", "DAFTAR"), Map.entry("REG", "DAFTAR"), Map.entry("DAFTAR.", "DAFTAR"),
            Map.entry("CEK", "CEK"), Map.entry("STATUS", "CEK"), Map.entry("CHECK", "CEK"), Map.entry("CEK.", "CEK"),
            Map.entry("BAYAR", "BAYAR"), Map.entry("PAY", "BAYAR"), Map.entry("MBAYAR", "BAYAR"),
            Map.entry("STOP", "STOP"), Map.entry("BERHENTI", "STOP"), Map.entry("UNREG", "STOP"),
            Map.entry("MULAI", "MULAI"), Map.entry("START", "MULAI"),
            Map.entry("BANTUAN", "BANTUAN"), Map.entry("BANTU", "BANTUAN"), Map.entry("HELP", "BANTUAN"), Map.entry("TOLONG", "BANTUAN"),
            Map.entry("YA", "YA"), Map.entry("Y", "YA"), Map.entry("YES", "YA"), Map.entry("SETUJU", "YA"),
            Map.entry("IYA", "YA"), Map.entry("INGGIH", "YA"), Map.entry("NGGIH", "YA"), Map.entry("GELEM", "YA"),
            Map.entry("TIDAK", "TIDAK"), Map.entry("TDK", "TIDAK"), Map.entry("NO", "TIDAK"), Map.entry("TOLAK", "TIDAK"),
            Map.entry("ORA", "TIDAK"), Map.entry("MBOTEN", "TIDAK"), Map.entry("EMOH", "TIDAK"),
            Map.entry("KABAR", "KABAR"),
            Map.entry("BASA", "BASA"), Map.entry("BAHASA", "BASA"), Map.entry("LANGUAGE", "BASA"));
    List<String> TYPO_TOLERANT = List.of("DAFTAR", "BAYAR", "BANTUAN", "MULAI", "STATUS", "BERHENTI");

    static SmsCommand parse(String text) {
        String t = text == null ? "" : text.replace('#', ' ').replace('*', ' ').strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) return new Unknown("");
        String[] words = t.split(" ");
        String keyword = keyword(words[0].toUpperCase(Locale.ROOT));
        if (keyword == null) return new Unknown(t);
        switch (keyword) {
            case "DAFTAR": {
                if (words.length < 3) return new Invalid("reg.format");
                // The NIK may have been typed in groups: take digits until 16 are collected.
                StringBuilder nik = new StringBuilder();
                int i = 1;
                while (i < words.length && nik.length() < 16 && words[i].matches("\\d+")) nik.append(words[i++]);
                String name = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)).strip();
                Nik.Problem p = Nik.problem(nik.toString(), Year.now().getValue());
                if (p != null) {
                    return new Invalid(p == Nik.Problem.BAD_BIRTH_DATE ? "reg.bad_birth" : "reg.bad_nik");
                }
                if (!name.matches("[\\p{L} .'\\-]{3,40}")) return new Invalid("reg.bad_name");
                Optional<String> latin = Names.latin(name);
                if (latin.isEmpty()) return new Invalid("reg.name_latin");
                return new Register(nik.toString(), latin.get());
            }
            case "CEK":
                return new Check();
            case "BAYAR": {
                if (words.length == 1) return new Pay(1);
                String n = words[1].replaceAll("(?i)bln|bulan", "");
                if (n.matches("1|3|6|12")) return new Pay(Integer.parseInt(n));
                return new Invalid("pay.bad_months");
            }
            case "STOP":
                return new Stop();
            case "MULAI":
                return new Start();
            case "YA":
                return new Consent(true);
            case "TIDAK":
                return new Consent(false);
            case "KABAR":
                return new GroupNews(words.length == 1 || !words[1].toUpperCase(Locale.ROOT).matches("STOP|TIDAK|BERHENTI|OFF"));
            case "BASA": {
                String which = words.length < 2 ? "" : words[1].toUpperCase(Locale.ROOT);
                if (which.matches("INDONESIA|INDO|ID")) return new Language("id");
                if (which.matches("INGGRIS|ENGLISH|EN")) return new Language("en");
                if (which.matches("JAWA|JV|NGAPAK|BANYUMASAN|BANYUMAS")) return new Language("jv");
                return new Invalid("language.which");
            }
            default:
                return new Help();
        }
    }

    private static String keyword(String word) {
        String exact = ALIASES.get(word);
        if (exact != null) return exact;
        for (String k : TYPO_TOLERANT) {
            if (distance(word, k) <= 1) return ALIASES.get(k);
        }
        return null;
    }

    /** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
