package id.kentongan.domain;

/** Whole-rupiah amounts, shown the Indonesian way: {@code Rp16.800}. Never floating point. */
public final class Rupiah {
    private Rupiah() {}

    public static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        if (lead > 0) out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            if (out.length() > 0) out.append('.');
            out.append(digits, i, i + 3);
        }
        return (amount < 0 ? "-Rp" : "Rp") + out;
    }

    /**
     * A provider's amount — a JSON number ({@code 50400}) or a decimal string ({@code "50400.00"}) — as whole rupiah. A
     * fraction of a rupiah, a number past a long, or anything else is refused ({@link IllegalArgumentException}): never
     * rounded, truncated or wrapped into a credit.
     */
    public static long exact(Object amount) {
        String s = amount instanceof Number || amount instanceof String ? amount.toString().strip() : "";
        try {
            if (s.isEmpty() || s.length() > 40) throw new NumberFormatException();
            java.math.BigDecimal v = new java.math.BigDecimal(s);
            if (v.stripTrailingZeros().scale() > 0) throw new IllegalArgumentException("amounts are whole rupiah, was " + s);
            return v.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not an amount in rupiah: " + (s.isEmpty() ? String.valueOf(amount) : s));
        }
    }

    /** Parses what a worker types: {@code 1500000}, {@code 1.500.000}, {@code Rp1.500.000}; -1 when it is not an amount. */
    public static long parse(String raw) {
        if (raw == null) return -1;
        String s = raw.strip();
        if (s.regionMatches(true, 0, "rp", 0, 2)) s = s.substring(2).strip();
        s = s.replace(".", "");
        if (s.isEmpty() || s.length() > 15 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        return Long.parseLong(s);
    }
}
