package id.kentongan.ussd;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormBodyTest {

    @Test
    void readsAnAfricasTalkingForm() {
        Map<String, String> f = FormBody.parse("sessionId=ATUid_1&serviceCode=*567%23&phoneNumber=%2B6281234567890&text=1*BUDI+SANTOSO*&networkCode=");
        assertEquals("ATUid_1", f.get("sessionId"));
        assertEquals("*567#", f.get("serviceCode"));
        assertEquals("+6281234567890", f.get("phoneNumber"));
        assertEquals("1*BUDI SANTOSO*", f.get("text"));
        assertEquals("", f.get("networkCode"));
        assertEquals("x", FormBody.parse("a=x&a=y").get("a"), "a repeated name keeps its first value");
    }

    @Test
    void emptyPartsAndBareNamesAreTolerated() {
        Map<String, String> f = FormBody.parse("&&text&a=1&&");
        assertEquals("", f.get("text"));
        assertEquals("1", f.get("a"));
        assertNull(f.get("sessionId"));
        assertEquals(0, FormBody.parse("").size());
    }

    @Test
    void utf8AndBrokenEscapes() {
        assertEquals("Café", FormBody.parse("text=Caf%C3%A9").get("text"));
        assertThrows(IllegalArgumentException.class, () -> FormBody.parse("text=%zz"));
    }
}
