package id.kentongan.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key personal data is sealed with where it must wait in a shared store: a dialogue's typed values (a NIK, a name,
 * a phone number) between hops, an agent's registration until the worker says YA. AES-256-GCM, a random 96-bit nonce
 * per seal; a sealed text cannot be read or altered without the key, which is configured apart from the store
 * ({@code security.dataKey}), never written to it.
 */
public final class DataKey {
    private static final String PREFIX = "s1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * Per thread, so the hop path neither looks a cipher up nor queues on one shared random source: a GCM nonce must
     * never repeat under a key, which 96 random bits from a DRBG per thread give.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    });
    private static final ThreadLocal<SecureRandom> NONCES = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    });
    private final SecretKeySpec key;
    private final boolean configured;

    private DataKey(byte[] key, boolean configured) {
        if (key.length != 32) throw new IllegalArgumentException("invalid configuration: security.dataKey must be 32 bytes in base64 (openssl rand -base64 32)");
        this.key = new SecretKeySpec(key, "AES");
        this.configured = configured;
    }

    /** {@code security.dataKey}: 32 bytes in base64, the same on every instance. */
    public static DataKey of(String base64) {
        try {
            return new DataKey(Base64.getDecoder().decode(base64.strip()), true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid configuration: security.dataKey must be 32 bytes in base64 (openssl rand -base64 32)");
        }
    }

    /** A key made now, for this process only: fine embedded; with Redis, instances cannot read each other's seals. */
    public static DataKey random() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return new DataKey(k, false);
    }

    public boolean configured() {
        return configured;
    }

    public String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            NONCES.get().nextBytes(nonce);
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    /** The plain text, or empty when {@code sealed} is not ours (another key, altered, or not sealed at all). */
    public Optional<String> open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) return Optional.empty();
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            if (all.length < 12 + 16) return Optional.empty();
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Optional.of(new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return "DataKey[" + (configured ? "configured" : "made at start") + "]";
    }
}
