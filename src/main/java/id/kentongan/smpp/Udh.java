package id.kentongan.smpp;

import java.util.Arrays;

/** The concatenation information in a User Data Header: 8-bit (IEI 0x00) or 16-bit (IEI 0x08) references. */
public record Udh(int reference, int total, int sequence, byte[] rest) {

    /** Parses the UDH at the start of {@code payload}; null when it carries no concatenation element. */
    public static Udh parse(byte[] payload) {
        if (payload.length < 1) return null;
        int udhLength = payload[0] & 0xFF;
        if (udhLength + 1 > payload.length) return null;
        byte[] rest = Arrays.copyOfRange(payload, udhLength + 1, payload.length);
        int i = 1;
        while (i + 1 < udhLength + 1) {
            int iei = payload[i] & 0xFF;
            int len = payload[i + 1] & 0xFF;
            if (i + 2 + len > udhLength + 1) break; // an element longer than its header (found by fuzzing: [2, 0, 3])
            if (iei == 0x00 && len == 3) {
                return new Udh(payload[i + 2] & 0xFF, payload[i + 3] & 0xFF, payload[i + 4] & 0xFF, rest);
            }
            if (iei == 0x08 && len == 4) {
                return new Udh(((payload[i + 2] & 0xFF) << 8) | (payload[i + 3] & 0xFF), payload[i + 4] & 0xFF,
                        payload[i + 5] & 0xFF, rest);
            }
            i += 2 + len;
        }
        return new Udh(-1, 1, 1, rest); // a UDH without concatenation: the message is whole
    }
}
