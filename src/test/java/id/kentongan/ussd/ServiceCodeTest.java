package id.kentongan.ussd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceCodeTest {
    @Test
    void everyFormAGatewaySendsMeansTheSameMenu() {
        assertEquals("*567#", ServiceCode.normalise("*567#"));
        assertEquals("*567#", ServiceCode.normalise(" *567*1# "), "a dialled shortcut");
        assertEquals("*567#", ServiceCode.normalise("567"), "Hubtel's ServiceCode");
        assertEquals("*567#", ServiceCode.normalise("567#"));
        assertEquals("*567#", ServiceCode.normalise("*567"));
    }
}
