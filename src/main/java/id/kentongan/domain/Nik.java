package id.kentongan.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;

/**
 * Nomor Induk Kependudukan: 16 digits = province(2) regency(2) district(2) birth date DDMMYY (day + 40 for
 * women) and a 4-digit sequence. We check the structure and the birth date, not only the length, so a
 * mistyped digit is caught while the worker is still on the line.
 */
public record Nik(String value) {

    public enum Problem { NOT_16_DIGITS, BAD_REGION, BAD_BIRTH_DATE, BAD_SEQUENCE }

    public Nik {
        Problem p = problem(value, Year.now().getValue());
        if (p != null) throw new IllegalArgumentException("invalid NIK " + Masking.nik(value) + ": " + p);
    }

    /** The problem with {@code raw} as a NIK, or null when it is valid. {@code currentYear} resolves YY to a century. */
    public static Problem problem(String raw, int currentYear) {
        if (raw == null || raw.length() != 16 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Problem.NOT_16_DIGITS;
        }
        int province = Integer.parseInt(raw.substring(0, 2));
        int regency = Integer.parseInt(raw.substring(2, 4));
        int district = Integer.parseInt(raw.substring(4, 6));
        // Province codes run from 11 (Aceh) to 9x (Papua); regency and district are never 00.
        if (province < 11 || province > 99 || regency == 0 || district == 0) return Problem.BAD_REGION;
        if (birthDate(raw, currentYear) == null) return Problem.BAD_BIRTH_DATE;
        if (raw.endsWith("0000")) return Problem.BAD_SEQUENCE;
        return null;
    }

    public static boolean isValid(String raw) {
        return problem(raw, Year.now().getValue()) == null;
    }

    public boolean female() {
        return Integer.parseInt(value.substring(6, 8)) > 40;
    }

    public LocalDate birthDate(int currentYear) {
        return birthDate(value, currentYear);
    }

    /** District code as written on the card, e.g. 33.02.14 for Ajibarang, Banyumas. */
    public String district() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6);
    }

    private static LocalDate birthDate(String raw, int currentYear) {
        int day = Integer.parseInt(raw.substring(6, 8));
        int month = Integer.parseInt(raw.substring(8, 10));
        int yy = Integer.parseInt(raw.substring(10, 12));
        if (day > 40) day -= 40;
        // A two-digit year is in this century unless that would put the birth in the future.
        int century = (currentYear / 100) * 100;
        int year = century + yy > currentYear ? century - 100 + yy : century + yy;
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return Masking.nik(value);
    }
}
