package id.kentongan.ussd;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A typo caught before it counts, and a phone already registered told at once. */
@Tag("redis")
class RegistrationChecksTest {
    static Instances instances;
    static Kentongan k;

    @BeforeAll
    static void start() {
        instances = new Instances();
        k = instances.start(Instances.withRedis());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    private static Call call(String phone) {
        return new Call("ATUid_" + UUID.randomUUID().toString().replace("-", ""), phone, k.port());
    }

    @Test
    void theConfirmScreenShowsTheNiksLastDigitsAndBirthDateAndLetsTheWorkerStartAgain() {
        String typo = Instances.nik(96_001);
        String right = Instances.nik(96_002);
        Call c = call(Instances.newPhone());
        c.dial();
        c.press("1");
        c.press(typo);
        c.press("Sri Wahyuni");
        c.press("1");
        Answer confirm = c.press("1");
        String born = typo.substring(6, 8) + "-" + typo.substring(8, 10) + "-19" + typo.substring(10, 12);
        assertEquals("SRI WAHYUNI\nNIK ..." + typo.substring(12) + " lahir " + born + "\nPenghasilan Rp1.000.000\nIuran Rp16.800/bulan\n"
                + "1. Benar, daftar\n2. Ulangi\n3. Batal\n0. Kembali", confirm.screen());
        assertTrue(c.press("2").screen().startsWith("Masukkan NIK"), "'Ulangi' asks for the NIK again");
        c.press(right);
        c.press("Sri Wahyuni");
        c.press("1");
        assertTrue(c.press("1").screen().contains("NIK ..." + right.substring(12) + " lahir "), "the corrected NIK is shown");
        Answer done = c.press("1");
        assertTrue(done.end() && done.screen().startsWith("Selamat"), done.body());
    }

    @Test
    void aRegisteredPhoneChoosingRegisterIsToldAtOnce() {
        String phone = Instances.newPhone();
        Call c = call(phone);
        c.dial();
        c.press("1");
        c.press(Instances.nik(96_003));
        c.press("Sri Wahyuni");
        c.press("1");
        c.press("1");
        Matcher kpj = Pattern.compile("(\\d{11})").matcher(c.press("1").screen());
        assertTrue(kpj.find());

        Call again = call(phone);
        again.dial();
        Answer told = again.press("1");
        assertTrue(told.end(), told.body());
        assertEquals("Nomor ini sudah terdaftar.\nNomor kartu (KPJ): " + kpj.group(1) + "\nCek status: tekan menu 2.", told.screen());
    }
}
