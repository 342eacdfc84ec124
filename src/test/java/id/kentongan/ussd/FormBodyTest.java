package id.kentongan.ussd;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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

    /** Any text, escaped as a gateway escapes it, reads back whole (a lone surrogate as the JDK reads it back). */
    @Property(tries = 500)
    void readsBackWhatWasEscaped(@ForAll String value) {
        String sent = "text=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String read = FormBody.parse(sent).get("text");
        assertEquals(decodedByJdk(sent), read);
        if (value.chars().noneMatch(c -> Character.isSurrogate((char) c))) assertEquals(value, read);
    }

    /** Whatever the body, escaped or broken, it reads as the JDK's URLDecoder reads it, or is refused as it refuses it. */
    @Property(tries = 2000)
    void readsAsUrlDecoderReads(@ForAll @Chars({'%', '+', '*', '#', 'A', 'f', '0', '9', 'z', 'é'}) @CharRange(from = 'À', to = 'Ā') String value) {
        String jdk;
        try {
            jdk = URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            assertThrows(IllegalArgumentException.class, () -> FormBody.parse("text=" + value), value);
            return;
        }
        assertEquals(jdk, FormBody.parse("text=" + value).get("text"), value);
    }

    private static String decodedByJdk(String body) {
        return URLDecoder.decode(body.substring("text=".length()), StandardCharsets.UTF_8);
    }
}
