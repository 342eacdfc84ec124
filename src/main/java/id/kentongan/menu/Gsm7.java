package id.kentongan.menu;

/**
 * Screen length as the network counts it. USSD pages carry 182 GSM-7 septets; a text with any character outside
 * the GSM 03.38 alphabet goes as UCS-2, where far fewer fit (we allow 80). Extension characters take two septets.
 */
public final class Gsm7 {
    public static final int GSM7_LIMIT = 182;
    public static final int UCS2_LIMIT = 80;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENDED = "^{}\\[~]|€\f";

    private Gsm7() {}

    /** Septets {@code text} takes in GSM-7, or -1 when it cannot be sent in GSM-7. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) n += 1;
            else if (EXTENDED.indexOf(c) >= 0) n += 2;
            else return -1;
        }
        return n;
    }

    /** Whether {@code text} fits one USSD page, in whichever encoding it needs. */
    public static boolean fitsOnePage(String text) {
        return length(text) <= limit(text);
    }

    public static int limit(String text) {
        return septets(text) < 0 ? UCS2_LIMIT : GSM7_LIMIT;
    }

    /** Length in the unit that {@link #limit} counts in. */
    public static int length(String text) {
        int s = septets(text);
        return s < 0 ? text.length() : s;
    }
}
