package id.kentongan.domain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RupiahTest {
    @Test
    void aProvidersAmountIsTakenOnlyAsWholeRupiah() {
        assertEquals(50_400, Rupiah.exact("50400.00"), "Midtrans writes gross_amount with cents");
        assertEquals(50_400, Rupiah.exact(50_400), "a JSON integer");
        assertEquals(50_400, Rupiah.exact(50_400.0), "a JSON number with a zero fraction");
        for (Object refused : new Object[] {"50400.50", 16_800.99, 1e30, new BigInteger("99999999999999999999"), "1E+400", "", "Rp50.400", null, true}) {
            assertThrows(IllegalArgumentException.class, () -> Rupiah.exact(refused), String.valueOf(refused));
        }
    }

    @Test
    void amountsAreShownTheIndonesianWay() {
        assertEquals("Rp16.800", Rupiah.format(16_800));
        assertEquals(1_500_000, Rupiah.parse("Rp1.500.000"));
    }
}
