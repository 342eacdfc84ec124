package id.kentongan.smpp;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.Sms;
import id.kentongan.domain.Msisdn;
import id.kentongan.menu.Screen;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.sms.MoHandler;
import id.kentongan.sms.SmsCommand;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.text.Wording;
import id.kentongan.tools.SmscSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running service and its built-in SMSC simulator over real TCP: MT encoding, MO keywords, receipts, USSD over SMPP. */
@Tag("redis")
class SmppServiceTest {
    static Instances instances;
    static Kentongan k;
    static SmscSimulator sim;

    @BeforeAll
    static void start() {
        instances = new Instances();
        k = instances.start(Instances.withRedis());
        sim = Instances.simulator(k);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    static String phone() {
        return Msisdn.parse(Instances.newPhone()).orElseThrow().value();
    }

    static String reply(String from, String text) throws InterruptedException {
        int before = Instances.smsTo(from, 0, k).size();
        sim.mo(from, "567", text);
        List<String> got = Instances.smsTo(from, before + 1, k);
        assertEquals(before + 1, got.size(), "one reply to " + text);
        return got.get(got.size() - 1);
    }

    @Test
    void aUnicodeTextArrivesAsConcatenatedUcs2SegmentsAndGsmTextStaysGsm7() throws Exception {
        String to = phone();
        String unicode = "Terima kasih🙏 ".repeat(20);
        await(k.sms().outbox().enqueue(new OutboundSms("uni-" + to, to, unicode)));
        await(k.sms().outbox().enqueue(new OutboundSms("gsm-" + to, to, "Iuran Rp16.800 diterima. Terima kasih!")));
        List<SmscSimulator.Received> got = waitForSegments(to, 6);
        List<SmscSimulator.Received> ucs2 = got.stream().filter(r -> r.dataCoding() == SmsSegments.UCS2).toList();
        assertEquals(5, ucs2.size(), "300 UTF-16 units: five 67-unit segments");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ucs2.stream().map(r -> Udh.parse(r.payload())).sorted(java.util.Comparator.comparingInt(Udh::sequence))
                .forEach(u -> all.writeBytes(u.rest()));
        assertTrue(ucs2.stream().allMatch(SmscSimulator.Received::udhi), "UDHI set on every part");
        assertEquals(unicode, SmsSegments.decode(SmsSegments.UCS2, all.toByteArray()));
        SmscSimulator.Received gsm = got.stream().filter(r -> r.dataCoding() == SmsSegments.GSM7).findFirst().orElseThrow();
        assertFalse(gsm.udhi());
        assertEquals("Iuran Rp16.800 diterima. Terima kasih!", SmsSegments.decode(gsm.dataCoding(), gsm.payload()));
    }

    static List<SmscSimulator.Received> waitForSegments(String to, int n) {
        return Eventually.value(n + " segments to " + to, Duration.ofSeconds(10),
                () -> sim.received().stream().filter(r -> r.to().equals(to)).toList(), got -> got.size() >= n);
    }


    @Test
    void aDeliveryReceiptQuotingTheIdInDecimalIsMatchedToTheMessage() throws Exception {
        String to = phone();
        String key = "receipt-test-" + to;
        await(k.sms().outbox().enqueue(new OutboundSms(key, to, "Pengingat: iuran jatuh tempo 30-11-2026.")));
        assertEquals(401, new AdminClient(k.port(), null).get("/sms/" + key).statusCode(), "issue 14, finding 8: not for anyone");
        AdminClient http = new AdminClient(k.port(), Instances.VIEWER_TOKEN);
        String state = Eventually.value("the receipt recorded", Duration.ofSeconds(10), () -> http.get("/sms/" + key).body(),
                s -> s.contains("DELIVRD"));
        assertEquals("{\"key\":\"" + key + "\",\"state\":\"DELIVRD\"}", state);
    }

    @Test
    void everyKeywordIsAnsweredInBahasaIndonesia() throws Exception {
        String p = phone();
        String nik = Instances.nik(50_001);
        String help = Wording.standard().say("help", "id", "ussd", "*567#");
        assertTrue(help.startsWith("Kentongan BPJS TK: DAFTAR#NIK#NAMA daftar asuransi kerja"), help);
        assertEquals(help, reply(p, "halo, ini apa?"));
        assertEquals(help, reply(p, "BANTUAN"));
        assertTrue(reply(p, "CEK").startsWith("Nomor ini belum terdaftar."));
        assertEquals("Format: DAFTAR#NIK#NAMA, contoh DAFTAR#3302145507900001#SITI AMINAH", reply(p, "DAFTAR"));
        String registered = reply(p, "daftar#" + nik + "#Siti Aminah");
        assertTrue(registered.startsWith("Selamat, Anda terdaftar JKK+JKM. Nomor kartu (KPJ): "), registered);
        assertTrue(reply(p, "DAFTAR " + nik + " Siti Aminah").startsWith("Selamat"), "the same SMS again gets the same answer");
        String elsewhere = reply(phone(), "DAFTAR#" + nik + "#Siti");
        assertTrue(elsewhere.startsWith("NIK ini sudah terdaftar dari nomor 0") && !elsewhere.contains("KPJ"), elsewhere);
        String status = reply(p, "cek");
        assertTrue(status.startsWith("Status BELUM AKTIF. Nomor kartu ") && status.contains("Iuran pertama Rp16.800"), status);
        String code = reply(p, "BAYAR 3");
        assertTrue(code.startsWith("Kode iuran: 8899 ") && code.contains("jumlah Rp50.400"), code);
        assertEquals("Bayar untuk 1, 3, 6 atau 12 bulan. Contoh: BAYAR 3", reply(p, "BAYAR 5"));
        assertTrue(reply(p, "STOP").startsWith("Anda tidak akan menerima pengingat"));
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(2), Instances.withRedis().keyspace());
        try {
            assertTrue(await(new OptOuts(store).optedOut(Msisdn.parse(p).orElseThrow())));
        } finally {
            await(store.close());
            await(vertx.close());
        }
        assertTrue(reply(p, "mulai").startsWith("Pengingat iuran aktif kembali."));
    }

    /**
     * A worker changes the language by SMS: remembered for the phone, so the next dial opens in it and every SMS answer
     * after it is written in it (issue 16: Basa Banyumasan by BASA JAWA).
     */
    @Test
    void theLanguageChosenBySmsOpensTheNextDialAndWritesEveryAnswer() throws Exception {
        String p = phone();
        assertEquals("Language set to English. Dial *567# to use it. Send BASA INDONESIA to change back.", reply(p, "BASA INGGRIS"));
        assertTrue(Gateway.at(k.port(), "basa-" + System.nanoTime(), p, "").body().startsWith("CON Kentongan BPJS Ketenagakerjaan\nCover for"),
                "the next dial is in English");
        assertEquals("This number is not registered. Send DAFTAR#NIK#NAME or dial *567#.", reply(p, "CEK"));

        assertEquals("Basa diganti dadi Basa Banyumasan. Pencet *567#. Kirim BASA INDONESIA nek arep balik.", reply(p, "BASA JAWA"));
        String dial = Gateway.at(k.port(), "basa-" + System.nanoTime(), p, "").body();
        assertTrue(dial.startsWith("CON Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja\n2. Cek status\n3. Mbayar iuran"), dial);
        assertEquals("Nomer kiye durung kedaftar. Kirim DAFTAR#NIK#NAMA utawa pencet *567#.", reply(p, "CEK"));
        assertEquals("Mbayar nggo 1, 3, 6 utawa 12 sasi. Contone: BAYAR 3", reply(p, "BAYAR 5"));
        String registered = reply(p, "DAFTAR#" + Instances.nik(50_077) + "#Darto");
        assertTrue(registered.startsWith("Selamet, rika wis kedaftar JKK+JKM. Nomer kartu (KPJ): 2") && registered.endsWith("Mbayar: kirim BAYAR 1"), registered);
        String code = reply(p, "BAYAR 3");
        assertTrue(code.startsWith("Kode iuran: 8899 ") && code.contains("Bayar nang bank, minimarket utawa e-wallet sedurunge "), code);
        assertEquals("Rika ora bakal olih pengeling iuran maning. Kirim MULAI nek arep olih maning.", reply(p, "STOP"));

        assertEquals("Bahasa diganti ke Bahasa Indonesia. Tekan *567#.", reply(p, "bahasa indonesia"));
        assertTrue(Gateway.at(k.port(), "basa-" + System.nanoTime(), p, "").body().startsWith("CON Kentongan BPJS Ketenagakerjaan\nPerlindungan"));
        assertEquals("Pengingat iuran aktif kembali. Kirim STOP untuk berhenti.", reply(p, "MULAI"));
        assertEquals("Pilih bahasa: kirim BASA INDONESIA, BASA JAWA atau BASA INGGRIS.", reply(p, "BASA"));
    }

    @Test
    void aLongMoMessageIsReassembledBeforeItsKeywordIsRead() throws Exception {
        String p = phone();
        // Only the whole text is a registration: the first part alone is "DAFTAR" and spaces.
        String text = "DAFTAR" + " ".repeat(160) + "#" + Instances.nik(50_002) + "#Paijo";
        assertTrue(SmsSegments.count(text) >= 2);
        assertTrue(reply(p, text).startsWith("Selamat, Anda terdaftar JKK+JKM."));
    }

    @Test
    void aWorkerRegistersThroughUssdOverSmpp() {
        String p = phone();
        SmscSimulator.UssdPhone phone = sim.ussd(p, "*567#", false);
        SmscSimulator.Screen s = phone.dial();
        assertTrue(s.text().startsWith("Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja"), s.text());
        assertFalse(s.end());
        assertEquals("Masukkan NIK (16 angka, lihat KTP):", phone.press("1").text());
        assertEquals("NIK harus 16 angka.\nMasukkan NIK (16 angka, lihat KTP):", phone.press("123").text());
        assertEquals("Nama lengkap sesuai KTP:", phone.press(Instances.nik(50_003)).text());
        assertTrue(phone.press("Ratna").text().startsWith("Pekerjaan Anda:"));
        assertTrue(phone.press("2").text().startsWith("Penghasilan per bulan:"));
        String confirm = phone.press("1").text();
        assertTrue(confirm.startsWith("RATNA\nNIK ...") && confirm.contains("\nPenghasilan Rp1.000.000\nIuran Rp16.800/bulan"), confirm);
        SmscSimulator.Screen done = phone.press("1");
        assertTrue(done.end(), "PSSR response ends the dialogue");
        assertTrue(done.text().startsWith("Selamat, Anda terdaftar asuransi kecelakaan kerja & kematian!\nNomor kartu (KPJ): "), done.text());
    }

    @Test
    void ussdHopsArrivingAsDataSmAreServedToo() {
        SmscSimulator.UssdPhone phone = sim.ussd(phone(), "*567#", false).viaDataSm();
        assertTrue(phone.dial().text().startsWith("Kentongan BPJS Ketenagakerjaan"));
        assertTrue(phone.press("2").text().startsWith("Nomor ini belum terdaftar."));
    }

    @Test
    void operatorsThatMarkUssdInServiceTypeAreServedToo() throws Exception {
        try (SmscSimulator own = SmscSimulator.start(0); Instances other = new Instances()) {
            KentonganConfig cfg = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5))
                    .with(Sms.embedded().with(SmscConfig.parse("smpp://kentongan:sim@127.0.0.1:" + own.port()
                            + "?ussd=service_type&reconnectMinMs=100")));
            Kentongan svc = other.start(cfg);
            assertTrue(svc.smsc().isEmpty(), "a configured SMSC: no built-in simulator");
            SmscSimulator.UssdPhone phone = own.ussd(phone(), "*567#", true);
            assertTrue(phone.dial().text().startsWith("Kentongan BPJS Ketenagakerjaan"));
            SmscSimulator.Screen help = phone.press("5");
            assertTrue(help.text().startsWith("Kentongan: BPJS Ketenagakerjaan untuk pekerja mandiri."), help.text());
            SmscSimulator.Screen last = help;
            for (int i = 0; i < 10 && !last.end(); i++) last = phone.press("99");
            assertTrue(last.end(), "EF in service_type ends the dialogue");
            assertEquals(200, Gateway.at(svc.port(), "http-" + System.nanoTime(), "081299990000", "").status(), "HTTP still served");
        }
    }
}
