package id.kentongan.smpp;

import id.kentongan.text.Gsm7;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmsSegmentsTest {
    static String reassemble(SmsSegments s) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : s.payloads()) {
            byte[] body = s.udh() ? Udh.parse(p).rest() : p;
            all.writeBytes(body);
        }
        return SmsSegments.decode(s.dataCoding(), all.toByteArray());
    }

    @Test
    void theGsmAlphabetTableIsComplete() {
        String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        assertEquals(127, Gsm7.encode(all).length); // 128 codes less the escape
        assertEquals(all, Gsm7.decode(Gsm7.encode(all)));
        assertArrayEquals(new byte[] {0x1B, 0x65, 0x1B, 0x3C}, Gsm7.encode("€["));
        assertEquals("€[", Gsm7.decode(Gsm7.encode("€[")));
    }

    @Test
    void aShortIndonesianTextIsOneGsm7Segment() {
        SmsSegments s = SmsSegments.of("BPJS TK: iuran Rp50.400 (3 bln) diterima. Terima kasih.", 1);
        assertEquals(SmsSegments.GSM7, s.dataCoding());
        assertEquals(1, s.size());
        assertFalse(s.udh());
        assertEquals(1, SmsSegments.count("a".repeat(160)));
        assertEquals(2, SmsSegments.count("a".repeat(161)));
    }

    @Test
    void aLongGsm7TextIsSplitIn153SeptetSegmentsWithoutBreakingAnEscape() {
        String text = "a".repeat(152) + "€" + "b".repeat(100);
        SmsSegments s = SmsSegments.of(text, 42);
        assertEquals(SmsSegments.GSM7, s.dataCoding());
        assertEquals(2, s.size());
        assertTrue(s.udh());
        assertArrayEquals(new byte[] {0x05, 0x00, 0x03, 42, 2, 1}, Arrays.copyOf(s.payloads().get(0), 6));
        assertEquals(6 + 152, s.payloads().get(0).length, "the € escape pair moved whole to the next segment");
        assertEquals(text, reassemble(s));
    }

    @Test
    void aThreeHundredCharacterUnicodeTextIsFiveUcs2Segments() {
        String text = "Terima kasih🙏 ".repeat(20); // 300 UTF-16 units with surrogate pairs
        assertEquals(300, text.length());
        SmsSegments s = SmsSegments.of(text, 7);
        assertEquals(SmsSegments.UCS2, s.dataCoding());
        assertEquals(5, s.size());
        for (byte[] p : s.payloads()) {
            Udh u = Udh.parse(p);
            assertEquals(7, u.reference());
            assertEquals(5, u.total());
            assertTrue(u.rest().length <= 134 && u.rest().length % 2 == 0);
        }
        assertEquals(text, reassemble(s));
    }

    @Test
    void sixteenBitReferencesAreRead() {
        Udh u = Udh.parse(new byte[] {0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02, 'h', 'i'});
        assertEquals(0x1234, u.reference());
        assertEquals(3, u.total());
        assertEquals(2, u.sequence());
        assertArrayEquals(new byte[] {'h', 'i'}, u.rest());
    }
}
