package id.kentongan.menu;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Nik;
import id.kentongan.domain.Rupiah;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The input checks a menu may name. Each turns what the worker typed into a normalised value, or a short hint in
 * the worker's language that is shown above the same prompt.
 */
public enum InputRule {
    NIK(16) {
        @Override
        Result check(String raw, Map<String, String> params) {
            String s = Patterns.SPACES_AND_DOTS.matcher(raw).replaceAll("");
            Nik.Problem p = Nik.problem(s, Year.now().getValue());
            if (p == null) return Result.ok(s);
            return switch (p) {
                case NOT_16_DIGITS -> Result.hint("NIK harus 16 angka.", "NIK must be 16 digits.", "NIK kudu 16 angka.");
                case BAD_REGION -> Result.hint("Kode wilayah NIK salah.", "NIK region code is wrong.", "Kode wilayah NIK salah.");
                case BAD_BIRTH_DATE -> Result.hint("Tgl lahir di NIK salah.", "Birth date in NIK is wrong.", "Tgl lair nang NIK salah.");
                case BAD_SEQUENCE -> Result.hint("Nomor urut NIK salah.", "NIK sequence is wrong.", "Nomer urut NIK salah.");
            };
        }
    },
    NAME(40) {
        private final Pattern allowed = Pattern.compile("[\\p{L} .'\\-]+");

        @Override
        Result check(String raw, Map<String, String> params) {
            String s = Patterns.WHITESPACE.matcher(raw.strip()).replaceAll(" ");
            if (s.length() < 3 || s.length() > maxLength || !allowed.matcher(s).matches() || !Patterns.A_LETTER.matcher(s).find()) {
                return Result.hint("Nama 3-40 huruf.", "Name: 3-40 letters.", "Jeneng 3-40 huruf.");
            }
            // As on the KTP: capitals, and Latin letters only, so every screen showing it stays a GSM-7 page.
            return Names.latin(s).filter(v -> v.length() <= maxLength).map(Result::ok)
                    .orElse(Result.hint("Nama hanya huruf A-Z seperti di KTP.", "Name: letters A-Z only, as on the KTP.", "Jeneng mung huruf A-Z kaya nang KTP."));
        }
    },
    DATE(10) {
        private final Pattern form = Pattern.compile("(\\d{1,2})[-/.]?(\\d{1,2})[-/.]?(\\d{4})");

        @Override
        Result check(String raw, Map<String, String> params) {
            Matcher m = form.matcher(raw.strip());
            if (m.matches()) {
                try {
                    LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(1)));
                    return Result.ok(String.format("%02d-%02d-%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
                } catch (DateTimeException ignored) {
                    // falls through to the hint
                }
            }
            return Result.hint("Tanggal: HHBBTTTT.", "Date: DDMMYYYY.", "Tanggal: HHBBTTTT.");
        }
    },
    AMOUNT(12) {
        @Override
        Result check(String raw, Map<String, String> params) {
            long amount = Rupiah.parse(raw);
            long min = Long.parseLong(params.getOrDefault("min", "1"));
            long max = Long.parseLong(params.getOrDefault("max", "999999999999"));
            if (amount < min || amount > max) {
                return Result.hint("Jumlah " + Rupiah.format(min) + "-" + Rupiah.format(max) + ".",
                        "Amount " + Rupiah.format(min) + "-" + Rupiah.format(max) + ".",
                        "Jumlah " + Rupiah.format(min) + "-" + Rupiah.format(max) + ".");
            }
            return Result.ok(Long.toString(amount));
        }
    },
    CHOICE(0) {
        @Override
        Result check(String raw, Map<String, String> params) {
            String v = params.get("choice." + raw.strip());
            return v == null ? Result.hint("Pilihan tidak ada.", "No such option.", "Pilihan ora ana.") : Result.ok(v);
        }
    },
    PHONE(15) {
        @Override
        Result check(String raw, Map<String, String> params) {
            return Msisdn.parse(raw).map(m -> Result.ok(m.value()))
                    .orElseGet(() -> Result.hint("No. HP: 08xxxxxxxxxx.", "Phone: 08xxxxxxxxxx.", "Nomer HP: 08xxxxxxxxxx."));
        }
    },
    /** An agent's PIN: six digits. The action that reads it must clear it in the same hop (it is never saved). */
    PIN(6) {
        @Override
        Result check(String raw, Map<String, String> params) {
            String v = raw.strip();
            return v.matches("\\d{6}") ? Result.ok(v) : Result.hint("PIN harus 6 angka.", "PIN must be 6 digits.", "PIN kudu 6 angka.");
        }
    },
    /** Whole months, 1 to 12 (cash collected by an agent). */
    MONTHS(2) {
        @Override
        Result check(String raw, Map<String, String> params) {
            String v = raw.strip();
            return v.matches("\\d{1,2}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 12 ? Result.ok(Integer.toString(Integer.parseInt(v)))
                    : Result.hint("Isi 1 sampai 12 bulan.", "Enter 1 to 12 months.", "Isi 1 nganti 12 sasi.");
        }
    };

    /** Longest value stored; CHOICE depends on its options. */
    final int maxLength;

    InputRule(int maxLength) {
        this.maxLength = maxLength;
    }

    abstract Result check(String raw, Map<String, String> params);

    /** Longest stored value for a screen's parameters. */
    int maxLength(Map<String, String> params) {
        if (this == AMOUNT && params.containsKey("max")) return params.get("max").length();
        if (this != CHOICE) return maxLength;
        return params.entrySet().stream().filter(e -> e.getKey().startsWith("choice."))
                .mapToInt(e -> e.getValue().length()).max().orElse(0);
    }

    public static InputRule named(String name) {
        for (InputRule r : values()) if (r.name().equalsIgnoreCase(name)) return r;
        return null;
    }

    /** Compiled once: these run on every hop that reads an input. */
    private static final class Patterns {
        static final Pattern SPACES_AND_DOTS = Pattern.compile("[\\s.]");
        static final Pattern WHITESPACE = Pattern.compile("\\s+");
        static final Pattern A_LETTER = Pattern.compile("\\p{L}");
    }

    record Result(String value, Text hint) {
        static Result ok(String v) {
            return new Result(v, null);
        }

        static Result hint(String id, String en, String jv) {
            return new Result(null, Text.of(id, en, jv));
        }
    }
}
