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

    /** The forms a receipt for {@code submitId} may quote, normalised. */
    public static Set<String> forms(String submitId, Format format) {
        Set<String> out = new LinkedHashSet<>();
        String id = normalise(submitId);
        out.add(id);
        boolean decimal = id.matches("\\d{1,38}");
        boolean hex = id.matches("[0-9a-f]{1,32}");
        if (hex && format != Format.DECIMAL) out.add(normalise(new BigInteger(id, 16).toString(10)));
        if (decimal && format != Format.HEX) out.add(normalise(new BigInteger(id, 10).toString(16)));
        return out;
    }

    /** How a receipt's id is looked up: lower case, no leading zeros. */
    public static String normalise(String id) {
        String s = id.strip().toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return s;
    }
}
