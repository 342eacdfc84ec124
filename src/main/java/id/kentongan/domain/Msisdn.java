package id.kentongan.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Indonesian mobile number in E.164 without the plus sign ({@code 628…}). Gateways send {@code 08…},
 * {@code +628…} or {@code 628…}; we normalise once, at the edge, so keys and logs always agree.
 */
public record Msisdn(String value) {
    // 62 + 8 + 7..11 more digits: Indonesian mobile numbers are 10-13 digits in national form (08…).
    private static final Pattern E164_ID_MOBILE = Pattern.compile("628\\d{7,11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

    public Msisdn {
        if (value == null || !E164_ID_MOBILE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a normalised Indonesian mobile number: " + Masking.msisdn(value));
        }
    }

    /** Accepts 08…, +628…, 628… (spaces, dashes and dots ignored); empty when it is not a mobile number. */
    public static Optional<Msisdn> parse(String raw) {
        if (raw == null) return Optional.empty();
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (digits.startsWith("+")) digits = digits.substring(1);
        else if (digits.startsWith("0")) digits = "62" + digits.substring(1);
        if (!E164_ID_MOBILE.matcher(digits).matches()) return Optional.empty();
        return Optional.of(new Msisdn(digits));
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
