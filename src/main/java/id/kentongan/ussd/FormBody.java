package id.kentongan.ussd;

import java.net.URLDecoder;
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
            if (c == '%' || c == '+') return URLDecoder.decode(s.substring(from, to), StandardCharsets.UTF_8);
        }
        return s.substring(from, to);
    }
}
