package id.kentongan.smpp;

import org.jsmpp.bean.OptionalParameter;

import java.util.Arrays;

/** Reads a TLV's value bytes whatever type jSMPP parsed it into (its_session_info arrives as a Short, for instance). */
public final class Tlvs {
    private Tlvs() {}

    public static byte[] bytes(OptionalParameter p) {
        if (p == null) return null;
        if (p instanceof OptionalParameter.OctetString o) return o.getValue();
        byte[] whole = p.serialize(); // tag (2), length (2), value
        return whole.length <= 4 ? new byte[0] : Arrays.copyOfRange(whole, 4, whole.length);
    }

    public static Byte firstByte(OptionalParameter p) {
        byte[] b = bytes(p);
        return b == null || b.length == 0 ? null : b[0];
    }
}
