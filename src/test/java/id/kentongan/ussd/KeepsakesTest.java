package id.kentongan.ussd;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.domain.Msisdn;
import id.kentongan.text.Gsm7;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a worker keeps after the call: a registration by USSD and a payment code, each followed by one SMS (the card
 * number; the code with its deadline in WIB), in the dialogue's language, once even when the gateway retries the hop.
 * Real HTTP, the sandbox core system, the built-in SMSC simulator.
 */
@Tag("redis")
class KeepsakesTest {
    private static final Pattern KPJ = Pattern.compile("KPJ\\)?(?: no\\.)?: (\\d{11})");
    private static final Pattern CODE = Pattern.compile("(8899 \\d{4} \\d{4} \\d{4})");
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

    /** Registers by USSD (menu choices as given, language chosen first when {@code lang} is not null); returns the KPJ. */
    private static String register(String phone, String lang, int nik) {
        Call c = call(phone);
        c.dial();
        if (lang != null) {
            c.press("4");
            c.press(lang);
        }
        c.press("1");
        c.press(Instances.nik(nik));
        c.press("Sri Wahyuni");
        c.press("1");
        c.press("1");
        Answer done = c.press("1");
        Matcher m = KPJ.matcher(done.screen());
        assertTrue(m.find(), done.body());
        return m.group(1);
    }

    private static Answer payThreeMonths(Call c) {
        c.dial();
        c.press("3");
        c.press("2");
        return c.press("1");
    }

    @Test
    void inIndonesianTheCardNumberAndThePaymentCodeComeBySmsOnceEach() throws Exception {
        String phone = Instances.newPhone();
        String to = Msisdn.parse(phone).orElseThrow().value();
        String kpj = register(phone, null, 95_101);
        List<String> sms = Instances.smsTo(to, 1, k);
        assertEquals(1, sms.size(), sms.toString());
        assertTrue(sms.get(0).contains("Nomor kartu (KPJ): " + kpj) && sms.get(0).contains("Iuran Rp16.800/bulan")
                && sms.get(0).contains("*567# pilih 3") && sms.get(0).contains("asuransi kecelakaan kerja & kematian"), sms.get(0));
        int s0 = Gsm7.septets(sms.get(0));
        assertTrue(s0 > 0 && s0 <= 160, "one GSM-7 SMS: " + s0 + " septets");

        Call pay = call(phone);
        Answer code = payThreeMonths(pay);
        assertTrue(code.screen().contains(" WIB."), "the deadline says its time zone: " + code.body());
        Matcher m = CODE.matcher(code.screen());
        assertTrue(m.find(), code.body());
        assertEquals(code, pay.retry(), "a retried hop: the same code");
        List<String> both = Instances.smsTo(to, 2, k);
        String kept = both.get(1);
        assertTrue(kept.contains("kode bayar " + m.group(1)) && kept.contains("Rp50.400 (3 bulan)") && kept.matches("(?s).*sebelum \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d WIB.*"), kept);
        int s1 = Gsm7.septets(kept);
        assertTrue(s1 > 0 && s1 <= 160, "one GSM-7 SMS: " + s1 + " septets");
        Instances.drained(k);
        assertEquals(2, Instances.smsTo(to, 0, k).size(), "the retried hop sent nothing more");
    }

    @Test
    void inEnglishWhenTheWorkerChoseIt() throws Exception {
        String phone = Instances.newPhone();
        String to = Msisdn.parse(phone).orElseThrow().value();
        String kpj = register(phone, "2", 95_102);
        assertTrue(Instances.smsTo(to, 1, k).get(0).contains("Card no. (KPJ): " + kpj), Instances.smsTo(to, 1, k).toString());
        payThreeMonths(call(phone));
        String kept = Instances.smsTo(to, 2, k).get(1);
        assertTrue(kept.startsWith("BPJS TK: payment code 8899 ") && kept.contains(" (3 month(s)). Pay before ") && kept.contains(" WIB at a bank"), kept);
    }

    /** Issue 16, must-show 1 in Basa Banyumasan: chosen in the language menu (three languages), both SMS in it. */
    @Test
    void inBanyumasanWhenTheWorkerChoseIt() throws Exception {
        Call c = call(Instances.newPhone());
        c.dial();
        assertEquals("Pilih bahasa / Choose language\n1. Bahasa Indonesia\n2. English\n3. Basa Banyumasan\n0. Kembali", c.press("4").screen());
        assertTrue(c.press("3").screen().startsWith("Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja"));

        String phone = Instances.newPhone();
        String to = Msisdn.parse(phone).orElseThrow().value();
        String kpj = register(phone, "3", 95_103);
        String first = Instances.smsTo(to, 1, k).get(0);
        assertEquals("BPJS TK: Selamet Sri, rika melu asuransi kecelakaan kerja & kematian. Nomer kartu (KPJ): " + kpj
                + ". Iuran Rp16.800/sasi: pencet *567# pilih 3.", first);
        Call pay = call(phone);
        Answer code = payThreeMonths(pay);
        assertTrue(code.screen().startsWith("Kode iuran: 8899 ") && code.screen().contains(" WIB. Kode uga dikirim lewat SMS."), code.body());
        Matcher m = CODE.matcher(code.screen());
        assertTrue(m.find(), code.body());
        String kept = Instances.smsTo(to, 2, k).get(1);
        assertTrue(kept.startsWith("BPJS TK: kode mbayar " + m.group(1) + ", Rp50.400 (3 sasi). Bayar sedurunge ")
                && kept.matches("(?s).*sedurunge \\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d WIB nang bank/minimarket/e-wallet. Simpen SMS."), kept);
        int septets = Gsm7.septets(kept);
        assertTrue(septets > 0 && septets <= 160, "one GSM-7 SMS: " + septets + " septets");
    }
}
