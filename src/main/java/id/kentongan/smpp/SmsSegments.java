package id.kentongan.smpp;

import id.kentongan.text.Gsm7;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text laid out as SMS: GSM 03.38 (data_coding 0) when every character allows it, UCS-2 (data_coding 8) otherwise;
 * one segment when it fits (160 septets / 70 UCS-2 units), else segments of 153 / 67 each behind a concatenation UDH
 * with an 8-bit reference. Escape pairs and surrogate pairs are never split. The count is known before sending, so
 * throttling can count segments rather than messages.
 */
public record SmsSegments(byte dataCoding, List<byte[]> payloads, boolean udh) {
    public static final byte GSM7 = 0x00;
    public static final byte UCS2 = 0x08;

    public static SmsSegments of(String text, int reference) {
        boolean gsm = Gsm7.septets(text) >= 0;
        byte[] body = gsm ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        int single = gsm ? 160 : 140;
        if (body.length <= single) return new SmsSegments(gsm ? GSM7 : UCS2, List.of(body), false);
        int per = gsm ? 153 : 134;
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int end = Math.min(body.length, at + per);
            if (end < body.length) {
                if (gsm && body[end - 1] == Gsm7.ESCAPE) end--;                        // keep an escape with its character
                if (!gsm && Character.isHighSurrogate((char) (((body[end - 2] & 0xFF) << 8) | (body[end - 1] & 0xFF)))) end -= 2;
            }
            parts.add(java.util.Arrays.copyOfRange(body, at, end));
            at = end;
        }
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            byte[] withUdh = new byte[6 + p.length];
            withUdh[0] = 0x05;               // UDH length
            withUdh[1] = 0x00;               // IEI: concatenation, 8-bit reference
            withUdh[2] = 0x03;               // IE length
            withUdh[3] = (byte) reference;
            withUdh[4] = (byte) parts.size();
            withUdh[5] = (byte) (i + 1);
            System.arraycopy(p, 0, withUdh, 6, p.length);
            payloads.add(withUdh);
        }
        return new SmsSegments(gsm ? GSM7 : UCS2, payloads, true);
    }

    /** Segments needed for {@code text}, without building them. */
    public static int count(String text) {
        return of(text, 0).payloads().size();
    }

    public int size() {
        return payloads.size();
    }

    /** The text of a payload of data_coding {@code dataCoding} (0 GSM-7, 8 UCS-2, 3 Latin-1), UDH already removed. */
    public static String decode(byte dataCoding, byte[] payload) {
        return switch (dataCoding) {
            case UCS2 -> new String(payload, StandardCharsets.UTF_16BE);
            case 0x03 -> new String(payload, StandardCharsets.ISO_8859_1);
            case 0x04 -> new String(payload, StandardCharsets.ISO_8859_1);
            default -> Gsm7.decode(payload);
        };
    }
}
