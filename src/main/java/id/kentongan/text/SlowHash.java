package id.kentongan.text;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 with a random salt, for secrets from a small space (a six-digit PIN has 10^6 values: the
 * slowness is the protection). The iteration count is stored with the hash, so stored hashes stay checkable when it
 * changes.
 */
public final class SlowHash {
    /** Agents' stored PINs: ~0.1 s per check, so run it off the event loop. */
    public static final int PIN_ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SCHEME = "pbkdf2-sha256";

    private SlowHash() {}

    public static String hash(String secret, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(secret, salt, iterations));
    }

    public static boolean isHash(String text) {
        return text != null && text.startsWith(SCHEME + "$");
    }

    public static boolean matches(String secret, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals(SCHEME)) return false;
        try {
            byte[] expected = Base64.getDecoder().decode(p[3]);
            int iterations = Integer.parseInt(p[1]);
            if (iterations < 1 || iterations > 10 * PIN_ITERATIONS) return false; // a forged count must not stall us
            return MessageDigest.isEqual(expected, derive(secret, Base64.getDecoder().decode(p[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JRE", e);
        }
    }
}
