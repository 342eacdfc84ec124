package id.kentongan.smpp;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SMSCs answer submit_sm with a message id in one form and quote it in delivery receipts in another: hex in one,
 * decimal in the other, with or without leading zeros, in either case. We store an id under every form its receipt may
 * use, as configured per SMSC ({@code auto} takes both).
 */
public final class ReceiptIds {
    public enum Format { AUTO, HEX, DECIMAL }

    private ReceiptIds() {}

    /** The forms a receipt for {@code submitId} may quote, normalised; the id as given first. */
    public static Set<String> forms(String submitId, Format format) {
        Set<String> out = new LinkedHashSet<>(4);
        String id = normalise(submitId);
        out.add(id);
        // Plain character checks: this runs for every message sent and every receipt (no regular expressions).
        boolean decimal = id.length() <= 38 && all(id, "0123456789");
        boolean hex = id.length() <= 32 && all(id, "0123456789abcdef");
        if (hex && format != Format.DECIMAL) out.add(new BigInteger(id, 16).toString(10));
        if (decimal && format != Format.HEX) out.add(new BigInteger(id, 10).toString(16));
        return out;
    }

    /** How a receipt's id is looked up: lower case, no leading zeros. */
    public static String normalise(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < s.length() - 1 && s.charAt(start) == '0') start++;
        return start == 0 ? s : s.substring(start);
    }

    private static boolean all(String s, String allowed) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (allowed.indexOf(s.charAt(i)) < 0) return false;
        return true;
    }
}
