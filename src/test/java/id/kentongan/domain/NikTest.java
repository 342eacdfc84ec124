package id.kentongan.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NikTest {
    @Test
    void aWomansNikCarriesHerBirthDayPlusForty() {
        Nik nik = new Nik("3302145507900001");
        assertTrue(nik.female());
        assertEquals(LocalDate.of(1990, 7, 15), nik.birthDate(2026));
        assertEquals("33.02.14", nik.district()); // Ajibarang, Banyumas
    }

    @Test
    void aMansNikHasTheDayAsIs() {
        Nik nik = new Nik("3302141508850123");
        assertFalse(nik.female());
        assertEquals(LocalDate.of(1985, 8, 15), nik.birthDate(2026));
    }

    @Test
    void twoDigitYearsAreNeverInTheFuture() {
        assertEquals(2005, new Nik("3302140101050001").birthDate(2026).getYear());
        assertEquals(1930, new Nik("3302140101300001").birthDate(2026).getYear());
    }

    @Test
    void structureAndBirthDateAreChecked() {
        assertEquals(Nik.Problem.NOT_16_DIGITS, Nik.problem("330214550790001", 2026));
        assertEquals(Nik.Problem.NOT_16_DIGITS, Nik.problem("33021455079000a1", 2026));
        assertEquals(Nik.Problem.BAD_REGION, Nik.problem("0502145507900001", 2026));
        assertEquals(Nik.Problem.BAD_REGION, Nik.problem("3300145507900001", 2026));
        assertEquals(Nik.Problem.BAD_BIRTH_DATE, Nik.problem("3302143207900001", 2026)); // day 32
        assertEquals(Nik.Problem.BAD_BIRTH_DATE, Nik.problem("3302147207900001", 2026)); // woman, day 32
        assertEquals(Nik.Problem.BAD_BIRTH_DATE, Nik.problem("3302143002900001", 2026)); // 30 February
        assertEquals(Nik.Problem.BAD_BIRTH_DATE, Nik.problem("3302141513900001", 2026)); // month 13
        assertEquals(Nik.Problem.BAD_SEQUENCE, Nik.problem("3302141508850000", 2026));
        assertNull(Nik.problem("3302142902960001", 2026)); // 29 Feb 1996, a leap year
        assertThrows(IllegalArgumentException.class, () -> new Nik("1234"));
    }

    @Test
    void aNikIsMaskedWhenPrinted() {
        assertEquals("3302************", new Nik("3302145507900001").toString());
    }
}
