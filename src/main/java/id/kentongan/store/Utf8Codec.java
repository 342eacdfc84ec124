package id.kentongan.store;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Strings to and from Redis as UTF-8, through the JDK's intrinsic {@code String.getBytes}/{@code new String} rather
 * than Lettuce's {@code StringCodec}, which writes and hashes character by character (a JFR profile of a session hop
 * had ~10 % of the service's samples there; sessions are a few hundred bytes of mostly ASCII JSON).
 */
public final class Utf8Codec implements RedisCodec<String, String>, ToByteBufEncoder<String, String> {
    public static final Utf8Codec INSTANCE = new Utf8Codec();

    private Utf8Codec() {}

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public String decodeValue(ByteBuffer bytes) {
        return decode(bytes);
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return encode(key);
    }

    @Override
    public ByteBuffer encodeValue(String value) {
        return encode(value);
    }

    @Override
    public void encodeKey(String key, ByteBuf target) {
        if (key != null) target.writeBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void encodeValue(String value, ByteBuf target) {
        if (value != null) target.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int estimateSize(Object keyOrValue) {
        return keyOrValue == null ? 0 : ((String) keyOrValue).length() * 3; // worst case for UTF-8 from UTF-16 units
    }

    @Override
    public boolean isEstimateExact() {
        return false;
    }

    private static String decode(ByteBuffer bytes) {
        if (bytes == null) return null;
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(), StandardCharsets.UTF_8);
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static ByteBuffer encode(String s) {
        return s == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }
}
