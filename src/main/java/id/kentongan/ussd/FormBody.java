package id.kentongan.ussd;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, read on the hop's hot path without Vert.x Web's multipart decoder
 * (which builds a decoder per request and signals "need more data" with exceptions) and without a case-insensitive
 * multi-map (hashing names character by character). Names are exact, as the gateways send them; a repeated name keeps
 * its first value.
 */
final class FormBody {
    private FormBody() {}

    /** The fields of {@code body}; throws {@link IllegalArgumentException} for a broken %-escape. */
    static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>(8);
        int at = 0;
        int n = body.length();
        while (at <= n) {
            int amp = body.indexOf('&', at);
            if (amp < 0) amp = n;
            if (amp > at) {
                int eq = body.indexOf('=', at);
                if (eq < 0 || eq > amp) form.putIfAbsent(decode(body, at, amp), "");
                else form.putIfAbsent(decode(body, at, eq), decode(body, eq + 1, amp));
            }
            at = amp + 1;
        }
        return form;
    }

    private static String decode(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') return unescape(s, from, to, i);
        }
        return s.substring(from, to);
    }

    /**
     * {@code +} as a space, each run of {@code %XX} as UTF-8 bytes (a malformed sequence becomes U+FFFD), every other
     * character as it is — URLDecoder's reading, by hand: the gateways escape {@code *} and {@code #} in every service
     * code and text, and this runs on every hop.
     */
    private static String unescape(String s, int from, int to, int firstEscape) {
        StringBuilder b = new StringBuilder(to - from).append(s, from, firstEscape);
        byte[] bytes = null;
        int i = firstEscape;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '+') {
                b.append(' ');
                i++;
            } else if (c == '%') {
                if (bytes == null) bytes = new byte[(to - i) / 3 + 1];
                int n = 0;
                while (i < to && s.charAt(i) == '%') {
                    if (i + 2 >= to) throw new IllegalArgumentException("an incomplete %-escape");
                    int hi = Character.digit(s.charAt(i + 1), 16);
                    int lo = Character.digit(s.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) throw new IllegalArgumentException("an illegal %-escape");
                    bytes[n++] = (byte) (hi << 4 | lo);
                    i += 3;
                }
                b.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
