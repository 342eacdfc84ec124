package id.kentongan.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How providers sign: the own contract's HMAC-SHA256 over {@code timestamp + "." + raw body} (hex), and the primitives
 * the Midtrans and DOKU adapters build their documented signatures from; every comparison in constant time.
 */
public final class Signatures {
    private Signatures() {}

    /** HMAC-SHA256 with {@code key} over the parts, in order. */
    static byte[] hmacSha256(String key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) mac.update(p);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Constant-time: how much of a forged signature is right must not show in how long the answer takes. Hex may come
     * in either case when {@code anyCase}.
     */
    static boolean same(String expected, String given, boolean anyCase) {
        if (given == null) return false;
        String g = anyCase ? given.strip().toLowerCase(java.util.Locale.ROOT) : given.strip();
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), g.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sign(String secret, String timestamp, byte[] body) {
        return HexFormat.of().formatHex(hmacSha256(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    }

    public static boolean valid(String secret, String timestamp, byte[] body, String signature) {
        if (signature == null || timestamp == null) return false;
        return same(sign(secret, timestamp, body), signature, true);
    }
}
