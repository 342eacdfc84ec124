package id.kentongan.text;

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
    /** GSM code of each EXTENDED character, after the 0x1B escape. */
    private static final byte[] EXTENDED_CODES = {0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65, 0x0A};
    public static final byte ESCAPE = 0x1B;
    /** Per UTF-16 unit: its GSM code + 1 (basic), or -(extension code + 1), or 0 (not GSM-7). Built once; O(1) look-ups. */
    private static final short[] TABLE = new short[0x10000];

    static {
        for (int i = 0; i < BASIC.length(); i++) if (i != ESCAPE) TABLE[BASIC.charAt(i)] = (short) (i + 1);
        for (int i = 0; i < EXTENDED.length(); i++) TABLE[EXTENDED.charAt(i)] = (short) -(EXTENDED_CODES[i] + 1);
    }

    private Gsm7() {}

    /** Septets {@code text} takes in GSM-7, or -1 when it cannot be sent in GSM-7. */
    public static int septets(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            short t = TABLE[text.charAt(i)];
            if (t > 0) n += 1;
            else if (t < 0) n += 2;
            else return -1;
        }
        return n;
    }

    /** One byte per septet (unpacked, as SMPP carries data_coding 0); the text must be GSM-7 ({@link #septets} >= 0). */
    public static byte[] encode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            short t = TABLE[c];
            if (t > 0) {
                out.write(t - 1);
            } else if (t < 0) {
                out.write(ESCAPE);
                out.write(-t - 1);
            } else {
                throw new IllegalArgumentException("not in the GSM 03.38 alphabet: U+" + Integer.toHexString(c));
            }
        }
        return out.toByteArray();
    }

    /** Unpacked septets back to text; bytes above 0x7F (some SMSCs send Latin-1 for data_coding 0) are read as Latin-1. */
    public static String decode(byte[] septets) {
        StringBuilder b = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int v = septets[i] & 0xFF;
            if (v > 0x7F) {
                b.append((char) v);
            } else if (v == ESCAPE && i + 1 < septets.length) {
                int code = septets[++i];
                int ext = -1;
                for (int k = 0; k < EXTENDED_CODES.length; k++) if (EXTENDED_CODES[k] == code) ext = k;
                b.append(ext >= 0 ? EXTENDED.charAt(ext) : ' ');
            } else {
                b.append(BASIC.charAt(v));
            }
        }
        return b.toString();
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
