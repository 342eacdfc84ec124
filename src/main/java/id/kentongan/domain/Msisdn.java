package id.kentongan.domain;

import java.util.Optional;

/**
 * An Indonesian mobile number in E.164 without the plus sign ({@code 628…}). Gateways send {@code 08…},
 * {@code +628…} or {@code 628…}; we normalise once, at the edge, so keys and logs always agree.
 */
public record Msisdn(String value) {
    public Msisdn {
        if (!mobile(value)) {
            throw new IllegalArgumentException("not a normalised Indonesian mobile number: " + Masking.msisdn(value));
        }
    }

    /** Accepts 08…, +628…, 628… (spaces, dashes and dots ignored); empty when it is not a mobile number. */
    public static Optional<Msisdn> parse(String raw) {
        if (raw == null) return Optional.empty();
        // Parsed on every hop: character by character, no regular expression.
        String stripped = raw.strip();
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '.' || c == '-' || c == '(' || c == ')' || c == ' ' || (c >= '\t' && c <= '\r')) continue; // [\s.\-()]
            if (b.length() > 20) return Optional.empty();
            b.append(c);
        }
        String digits = b.toString();
        if (digits.startsWith("+")) digits = digits.substring(1);
        else if (digits.startsWith("0")) digits = "62" + digits.substring(1);
        return mobile(digits) ? Optional.of(new Msisdn(digits)) : Optional.empty();
    }

    /** 62 + 8 + 7..11 more digits: Indonesian mobile numbers are 10-13 digits in national form (08…). */
    private static boolean mobile(String v) {
        if (v == null || v.length() < 10 || v.length() > 14 || !v.startsWith("628")) return false;
        for (int i = 3; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** For logs: enough to correlate, not enough to call. */
    public String masked() {
        return Masking.msisdn(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
