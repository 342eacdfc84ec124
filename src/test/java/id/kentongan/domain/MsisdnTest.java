package id.kentongan.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MsisdnTest {
    @Test
    void everyFormGatewaysSendBecomesOneE164Form() {
        for (String raw : new String[] {"081234567890", "+6281234567890", "6281234567890", " 0812-3456-7890 ", "0812 3456 7890"}) {
            assertEquals("6281234567890", Msisdn.parse(raw).orElseThrow().value(), raw);
        }
    }

    @Test
    void nonMobileOrForeignNumbersAreRefused() {
        for (String raw : new String[] {"", "12345", "0212345678", "+233241234567", "08123", "62812345678901234", "abc", null}) {
            assertTrue(Msisdn.parse(raw).isEmpty(), String.valueOf(raw));
        }
    }

    @Test
    void aNumberIsMaskedInLogs() {
        Msisdn m = Msisdn.parse("081234567890").orElseThrow();
        assertEquals("62812*****890", m.toString());
        assertEquals(m.masked(), m.toString());
    }

    /** The definition the parser had as regular expressions (it now reads character by character, on every hop). */
    private static Optional<String> byRegex(String raw) {
        String digits = Pattern.compile("[\\s.\\-()]").matcher(raw.strip()).replaceAll("");
        if (digits.startsWith("+")) digits = digits.substring(1);
        else if (digits.startsWith("0")) digits = "62" + digits.substring(1);
        return Pattern.compile("628\\d{7,11}").matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    @Property(tries = 3000)
    void theParserAgreesWithItsDefinition(@ForAll("phoneLike") String raw) {
        assertEquals(byRegex(raw), Msisdn.parse(raw).map(Msisdn::value), raw);
    }

    @Provide
    Arbitrary<String> phoneLike() {
        // Mostly number-shaped: prefixes, digits, separators of every kind the gateways and workers use, and stray letters.
        Arbitrary<String> prefix = Arbitraries.of("", "0", "08", "+62", "628", "62", "+", " ", "\u2003", "00");
        Arbitrary<String> body = Arbitraries.strings().withChars("0123456789 .-()\t\n+a\u00A0\u2003").ofMinLength(0).ofMaxLength(18);
        return net.jqwik.api.Combinators.combine(prefix, body, Arbitraries.of("", " ", "\u2003", "x")).as((p, b, e) -> p + b + e);
    }
}
