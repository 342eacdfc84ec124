package id.kentongan.sms;

import id.kentongan.text.Gsm7;
import id.kentongan.text.Wording;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, fuzzing: the SMS keyword parser on thousands of generated texts. Every text is a command, an Invalid
 * with a reply in Bahasa Indonesia, or Unknown (answered with the help text); never an exception. A registration
 * carries a 16-digit NIK and a name a feature phone can show.
 */
class SmsCommandPropertiesTest {
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> words = Arbitraries.of("DAFTAR", "daftar", "DAFTR", "CEK", "BAYAR", "STOP", "MULAI", "YA", "TIDAK", "KABAR", "BANTUAN",
                "#", "*", " ", "3302145507900001", "3302", "1455", "0790", "0001", "12", "Siti", "Ŝiti", "Дмитрий", "🙏", "'", "-", "\u0663");
        Arbitrary<String> built = words.list().ofMaxSize(12).map(l -> String.join(" ", l));
        Arbitrary<String> hashed = words.list().ofMaxSize(6).map(l -> String.join("#", l));
        return Arbitraries.frequencyOf(Tuple.of(3, built), Tuple.of(2, hashed), Tuple.of(2, Arbitraries.strings().ofMaxLength(200)));
    }

    @Property(tries = 5000)
    void everyTextIsACommandOrAnAnswerableRefusal(@ForAll("texts") String text) {
        SmsCommand c = SmsCommand.parse(text);
        assertNotNull(c);
        if (c instanceof SmsCommand.Register r) {
            assertTrue(r.nik().matches("\\d{16}"), r.nik());
            assertTrue(r.name().matches("[A-Z .'\\-]{3,40}") && Gsm7.septets(r.name()) >= 0, r.name());
        }
        if (c instanceof SmsCommand.Invalid i) {
            for (String language : Wording.LANGUAGES) {
                String reply = Wording.standard().say(i.textName(), language);
                assertTrue(!reply.isBlank() && Gsm7.septets(reply) >= 0, reply);
            }
        }
        if (c instanceof SmsCommand.Pay p) assertTrue(p.months() >= 1 && p.months() <= 12, "months " + p.months());
    }
}
