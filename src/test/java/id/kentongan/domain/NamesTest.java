package id.kentongan.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How people are named to one another on a phone screen. */
class NamesTest {

    @Test
    void aTitleStaysWithTheNameItGoesWith() {
        // Issue 16: "Pak Darto" was greeted "Halo Pak D.".
        assertEquals("Pak Darto", Names.abbreviated("PAK DARTO"));
        assertEquals("Darto", Names.firstName("PAK DARTO"));
        assertEquals("Bu Siti A.", Names.abbreviated("BU SITI AMINAH"));
        assertEquals("Siti", Names.firstName("Ibu Siti Aminah"));
    }

    @Test
    void plainNamesAsBefore() {
        assertEquals("Siti A.", Names.abbreviated("SITI AMINAH"));
        assertEquals("Siti", Names.firstName("SITI AMINAH"));
        assertEquals("Paijo", Names.abbreviated("PAIJO"));
        assertEquals("Muhammadiyah", Names.firstName("MUHAMMADIYAHSURYANEGARA BIN ABDULLAH"));
        assertEquals("Pak", Names.firstName("PAK"), "a lone word is a name, whatever it is");
    }
}
