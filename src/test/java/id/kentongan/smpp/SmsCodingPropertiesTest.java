package id.kentongan.smpp;

import id.kentongan.text.Gsm7;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, fuzzing: the GSM-7 / UCS-2 codec, the segmenter, UDH reading and SAR/UDH reassembly, on thousands of
 * generated texts and byte strings. A text comes back whole from its segments in any order; what an SMSC may send
 * (any bytes, any part numbers) is read or set aside, never an exception.
 */
class SmsCodingPropertiesTest {
    static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€";

    @Provide
    Arbitrary<String> gsmTexts() {
        return Arbitraries.strings().withChars(GSM.toCharArray()).ofMaxLength(600);
    }

    /** Any text a worker or an operator may write: Latin, accents, scripts, emoji (whole surrogate pairs). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("Iuran ", "Rp16.800", "Ŝiti", "€", "[KPJ]", "\u001B", "🙏", "ꦏꦼꦤ꧀ꦛꦺꦴꦔꦤ꧀", "日本", "\n", "é", "^", "x")
                .list().ofMaxSize(80).map(l -> String.join("", l));
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(400).filter(SmsCodingPropertiesTest::wellFormed);
        return Arbitraries.frequencyOf(Tuple.of(2, pieces), Tuple.of(1, any), Tuple.of(1, gsmTexts()));
    }

    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 3000)
    void gsm7TextComesBackAsWritten(@ForAll("gsmTexts") String text) {
        assertTrue(Gsm7.septets(text) >= 0);
        assertEquals(text, Gsm7.decode(Gsm7.encode(text)));
    }

    @Property(tries = 3000)
    void aTextComesBackWholeFromItsSegmentsInAnyOrder(@ForAll("texts") String text, @ForAll long seed) {
        SmsSegments s = SmsSegments.of(text, (int) (seed & 0xFF));
        for (byte[] p : s.payloads()) assertTrue(p.length <= (s.dataCoding() == SmsSegments.UCS2 ? 140 : 160), "payload of " + p.length);
        List<MoReassembler.Part> parts = new ArrayList<>();
        for (byte[] p : s.payloads()) {
            Udh u = s.udh() ? Udh.parse(p) : null;
            parts.add(u == null ? new MoReassembler.Part("628", -1, 1, 1, s.dataCoding(), p)
                    : new MoReassembler.Part("628", u.reference(), u.total(), u.sequence(), s.dataCoding(), u.rest()));
        }
        Collections.shuffle(parts, new Random(seed));
        MoReassembler r = new MoReassembler(Clock.systemUTC(), Duration.ofMinutes(5));
        Optional<String> whole = Optional.empty();
        for (MoReassembler.Part p : parts) {
            Optional<String> got = r.add(p);
            if (got.isPresent()) whole = got;
        }
        assertEquals(Optional.of(text), whole);
    }

    /** Random bytes, and bytes shaped like a UDH (a small length, a concatenation element) cut anywhere. */
    @Provide
    Arbitrary<byte[]> udhish() {
        Arbitrary<byte[]> shaped = Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.of((byte) 0, (byte) 8, (byte) 0x24),
                Arbitraries.integers().between(0, 6), Arbitraries.bytes().array(byte[].class).ofMaxSize(12), Arbitraries.integers().between(1, 14))
                .as((udhLength, iei, ieLength, tail, cut) -> {
                    byte[] b = new byte[3 + tail.length];
                    b[0] = (byte) (int) udhLength;
                    b[1] = iei;
                    b[2] = (byte) (int) ieLength;
                    System.arraycopy(tail, 0, b, 3, tail.length);
                    return java.util.Arrays.copyOf(b, Math.min(b.length, cut));
                });
        return Arbitraries.oneOf(shaped, Arbitraries.bytes().array(byte[].class).ofMaxSize(40));
    }

    @Property(tries = 5000)
    void anyBytesAreReadAsAUdhOrNot(@ForAll("udhish") byte[] payload) {
        Udh u = Udh.parse(payload);
        if (u != null) {
            assertNotNull(u.rest());
            assertTrue(u.rest().length <= payload.length);
        }
    }

    @Provide
    Arbitrary<List<MoReassembler.Part>> hostileParts() {
        Arbitrary<MoReassembler.Part> part = Combinators.combine(Arbitraries.of("6281", "6282"), Arbitraries.integers().between(-2, 300),
                Arbitraries.integers().between(-2, 300), Arbitraries.integers().between(-2, 300), Arbitraries.bytes(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(50))
                .as(MoReassembler.Part::new);
        return part.list().ofMaxSize(60);
    }

    @Property(tries = 2000)
    void anyPartsAnSmscSendsAreJoinedOrSetAside(@ForAll("hostileParts") List<MoReassembler.Part> parts) {
        MoReassembler r = new MoReassembler(Clock.systemUTC(), Duration.ZERO);
        for (MoReassembler.Part p : parts) assertNotNull(r.add(p));
        assertNotNull(r.expire());
    }

    @Property(tries = 3000)
    void anyBytesDecodeInEveryDataCoding(@ForAll @Size(max = 200) byte[] payload, @ForAll byte dataCoding) {
        assertNotNull(SmsSegments.decode(dataCoding, payload));
    }
}
