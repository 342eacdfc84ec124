package id.kentongan.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable identifiers derived from text: menu versions, payment references, request keys. */
public final class Digest {
    private Digest() {}

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in lower-case hex. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
