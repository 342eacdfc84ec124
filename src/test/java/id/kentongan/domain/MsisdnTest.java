package id.kentongan.domain;

import org.junit.jupiter.api.Test;

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
}
