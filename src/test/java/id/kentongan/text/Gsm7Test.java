package id.kentongan.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Gsm7Test {
    @Test
    void plainIndonesianTextIsGsm7WithA182Limit() {
        assertEquals(16, Gsm7.septets("Cek status iuran"));
        assertEquals(182, Gsm7.limit("Bayar iuran"));
        assertTrue(Gsm7.fitsOnePage("a".repeat(182)));
        assertFalse(Gsm7.fitsOnePage("a".repeat(183)));
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        assertEquals(5, Gsm7.septets("[a]")); // [ and ] take two each
        assertEquals(2, Gsm7.septets("€"));
    }

    @Test
    void textOutsideGsm7IsCountedAgainstTheUcs2Limit() {
        assertEquals(-1, Gsm7.septets("Terima kasih 🙏"));
        assertEquals(80, Gsm7.limit("Terima kasih 🙏"));
        assertFalse(Gsm7.fitsOnePage("ā".repeat(81)));
        assertTrue(Gsm7.fitsOnePage("ā".repeat(80)));
    }
}
