package id.kentongan.smpp;

import id.kentongan.sms.SmsCommand;
import id.kentongan.text.Wording;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Long MO reassembly, receipt ids, and keywords: the pure parts of the SMS channel. */
class SmsPartsTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T03:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void partsInAnyOrderAndTwiceMakeOneMessage() {
        MoReassembler r = new MoReassembler(new MovableClock(), Duration.ofMinutes(2));
        assertEquals(Optional.empty(), r.add(new MoReassembler.Part("628", 9, 3, 2, (byte) 0, "B".getBytes())));
        assertEquals(Optional.empty(), r.add(new MoReassembler.Part("628", 9, 3, 2, (byte) 0, "B".getBytes())));
        assertEquals(Optional.empty(), r.add(new MoReassembler.Part("628", 9, 3, 3, (byte) 0, "C".getBytes())));
        assertEquals(Optional.of("ABC"), r.add(new MoReassembler.Part("628", 9, 3, 1, (byte) 0, "A".getBytes())));
    }

    @Test
    void aMessageMissingAPartIsDroppedAfterTheTimeout() {
        MovableClock clock = new MovableClock();
        MoReassembler r = new MoReassembler(clock, Duration.ofMinutes(2));
        r.add(new MoReassembler.Part("6281", 300, 2, 1, (byte) 0, "DAFTAR".getBytes()));
        assertEquals(List.of(), r.expire());
        clock.now = clock.now.plusSeconds(121);
        assertEquals(List.of(new MoReassembler.Incomplete("6281", 300, 1, 2)), r.expire());
        assertEquals(List.of(), r.expire());
    }

    @Test
    void aReceiptIdMayComeBackInHexOrDecimal() {
        assertEquals(Set.of("1a2b", "6699"), ReceiptIds.forms("1A2B", ReceiptIds.Format.AUTO));
        // Digits only: hex or decimal? auto keeps both readings; a configured SMSC keeps its own.
        assertEquals(Set.of("6699", "26265", "1a2b"), ReceiptIds.forms("006699", ReceiptIds.Format.AUTO));
        assertEquals(Set.of("6699", "26265"), ReceiptIds.forms("6699", ReceiptIds.Format.HEX));
        assertEquals(Set.of("6699", "1a2b"), ReceiptIds.forms("6699", ReceiptIds.Format.DECIMAL));
        assertEquals(Set.of("abc-1"), ReceiptIds.forms("abc-1", ReceiptIds.Format.AUTO));
        assertEquals("1a2b", ReceiptIds.normalise("001A2B"));
        assertEquals("0", ReceiptIds.normalise("000"));
    }

    @Test
    void keywordsAreReadWithSpacesHashesCaseAndTypos() {
        assertEquals(new SmsCommand.Register("3302145507900001", "SITI AMINAH"), SmsCommand.parse("DAFTAR#3302145507900001#Siti Aminah"));
        assertEquals(new SmsCommand.Register("3302145507900001", "SITI AMINAH"), SmsCommand.parse("  daftar  3302 1455 0790 0001   siti   aminah "));
        assertEquals(new SmsCommand.Register("3302145507900001", "BUDI"), SmsCommand.parse("DAFAR 3302145507900001 Budi"));
        assertEquals(new SmsCommand.Register("3302145507900001", "BUDI"), SmsCommand.parse("reg#3302145507900001#budi"));
        assertEquals(new SmsCommand.Check(), SmsCommand.parse("cek"));
        assertEquals(new SmsCommand.Check(), SmsCommand.parse("STATSU"));
        assertEquals(new SmsCommand.Pay(3), SmsCommand.parse("bayar 3"));
        assertEquals(new SmsCommand.Pay(12), SmsCommand.parse("BYAR#12bln"));
        assertEquals(new SmsCommand.Pay(1), SmsCommand.parse("BAYAR"));
        assertEquals(new SmsCommand.Stop(), SmsCommand.parse("Stop"));
        assertEquals(new SmsCommand.Start(), SmsCommand.parse("MULIA"));
        assertEquals(new SmsCommand.Help(), SmsCommand.parse("bantuan"));
        assertEquals(new SmsCommand.Help(), SmsCommand.parse("HELP"));
    }

    @Test
    void aKnownKeywordUsedWronglySaysHowToUseIt() {
        assertEquals(new SmsCommand.Invalid("reg.format"), SmsCommand.parse("DAFTAR"));
        assertEquals(new SmsCommand.Invalid("reg.bad_nik"), SmsCommand.parse("DAFTAR 12345 Budi"));
        assertEquals(new SmsCommand.Invalid("reg.bad_birth"), SmsCommand.parse("DAFTAR#3302143207900001#Budi"));
        assertEquals(new SmsCommand.Invalid("pay.bad_months"), SmsCommand.parse("BAYAR 5"));
        assertEquals("NIK harus 16 angka. Format: DAFTAR#NIK#NAMA, contoh DAFTAR#3302145507900001#SITI AMINAH",
                Wording.standard().say("reg.bad_nik", "id"));
        assertEquals("NIK kudu 16 angka. Carane: DAFTAR#NIK#NAMA, contone DAFTAR#3302145507900001#SITI AMINAH",
                Wording.standard().say("reg.bad_nik", "jv"));
    }

    @Test
    void garbageIsUnknown() {
        assertEquals(new SmsCommand.Unknown("halo pak"), SmsCommand.parse("halo pak"));
        assertEquals(new SmsCommand.Unknown(""), SmsCommand.parse("   "));
        assertEquals(new SmsCommand.Unknown("12345"), SmsCommand.parse("12345"));
        assertEquals(new SmsCommand.Unknown("CEKAK"), SmsCommand.parse("CEKAK"));
    }

    @Test
    void aUdhWhoseElementRunsPastTheHeaderIsAWholeMessage() {
        // Shrunk by SmsCodingPropertiesTest: a header of 2 bytes announcing a 3-byte concatenation element read past the
        // end (ArrayIndexOutOfBoundsException in the SMPP reader's thread).
        Udh u = Udh.parse(new byte[]{2, 0, 3});
        org.junit.jupiter.api.Assertions.assertEquals(1, u.total());
        org.junit.jupiter.api.Assertions.assertEquals(0, u.rest().length);
        Udh withText = Udh.parse(new byte[]{2, 0, 3, 'h', 'i'});
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[]{'h', 'i'}, withText.rest());
    }

    @Test
    void firstPartsThatNeverCompleteAreKeptOnlyUpToALimitPerSender() {
        MoReassembler r = new MoReassembler(Clock.systemUTC(), java.time.Duration.ofMinutes(5));
        for (int ref = 0; ref < 50; ref++) r.add(new MoReassembler.Part("6281200000001", ref, 3, 1, (byte) 0, new byte[]{'a'}));
        org.junit.jupiter.api.Assertions.assertEquals(MoReassembler.MAX_PENDING_PER_SENDER, r.pending());
        // Another sender's long message still goes through.
        r.add(new MoReassembler.Part("6281200000002", 7, 2, 1, (byte) 0, new byte[]{'h', 'a'}));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("halo"),
                r.add(new MoReassembler.Part("6281200000002", 7, 2, 2, (byte) 0, new byte[]{'l', 'o'})));
    }
}
