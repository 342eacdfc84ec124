package id.kentongan.ussd;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.LogCapture;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import id.kentongan.domain.Msisdn;
import id.kentongan.session.SessionStore;
import id.kentongan.text.Gsm7;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real HTTP into real instances backed by the real Redis, with the sandbox core system. */
@Tag("redis")
class UssdEndToEndTest {
    static final Pattern KPJ = Pattern.compile("KPJ\\): (\\d{11})");
    static Instances instances;
    static Kentongan a;
    static Kentongan b;
    static RedisAdmin redis;

    @BeforeAll
    static void start() {
        instances = new Instances();
        a = instances.start(Instances.withRedis());
        b = instances.start(Instances.withRedis());
        redis = RedisAdmin.open();
    }

    @AfterAll
    static void stop() {
        redis.close();
        instances.close();
    }

    static String sid() {
        return "ATUid_" + UUID.randomUUID().toString().replace("-", "");
    }

    static void assertScreen(Answer answer, boolean end, String startsWith) {
        assertEquals(200, answer.status(), answer.body());
        assertEquals(end, answer.end(), answer.body());
        assertTrue(answer.screen().startsWith(startsWith), "expected a screen starting with <" + startsWith + "> but was <" + answer.body() + ">");
        assertTrue(Gsm7.fitsOnePage(answer.screen()), "longer than one USSD page: " + answer.body());
    }

    /** A full registration, checking every screen on the way; returns the KPJ. */
    static String register(Call call, String nik, String name, String job, String income, String expectIncome, String expectMonthly) {
        assertScreen(call.dial(), false, "Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja");
        assertScreen(call.press("1"), false, "Masukkan NIK (16 angka, lihat KTP):");
        assertScreen(call.press(nik), false, "Nama lengkap sesuai KTP:");
        assertScreen(call.press(name), false, "Pekerjaan Anda:\n1. Tukang parkir");
        assertScreen(call.press(job), false, "Penghasilan per bulan:\n1. Rp1.000.000");
        Answer confirm = call.press(income);
        assertScreen(confirm, false, name.toUpperCase() + "\nNIK ..." + nik.substring(12) + " lahir ");
        assertTrue(confirm.screen().contains("\nPenghasilan " + expectIncome + "\nIuran " + expectMonthly + "/bulan\n1. Benar, daftar"), confirm.body());
        Answer done = call.press("1");
        assertScreen(done, true, "Selamat, Anda terdaftar asuransi kecelakaan kerja & kematian!\nNomor kartu (KPJ): ");
        assertTrue(done.screen().contains("Bayar iuran pertama " + expectMonthly), done.body());
        Matcher m = KPJ.matcher(done.screen());
        assertTrue(m.find(), done.body());
        return m.group(1);
    }

    @Test
    void aWorkerRegistersThroughTheGatewayAndTheLiveSessionIsARedisKeyWithATtl() {
        String phone = Instances.newPhone();
        Call call = new Call(sid(), phone, a.port());
        assertScreen(call.dial(), false, "Kentongan BPJS Ketenagakerjaan");
        assertScreen(call.press("1"), false, "Masukkan NIK");
        String key = Instances.withRedis().keyspace().ussdSession(Msisdn.parse(phone).orElseThrow());
        long ttl = redis.sync().pttl(key);
        assertTrue(ttl > 290_000 && ttl <= 300_000, "the dialogue key " + key + " lives for the 5-minute resume window, had " + ttl + " ms");
        assertTrue(redis.sync().get(key).contains("\"i\":\"" + call.sessionId() + "\""), "it is this session");

        assertScreen(call.press("123"), false, "NIK harus 16 angka.\nMasukkan NIK");
        assertScreen(call.press("3302143207900001"), false, "Tgl lahir di NIK salah.\nMasukkan NIK");
        assertScreen(call.press(Instances.nik(9001)), false, "Nama lengkap sesuai KTP:");
        assertScreen(call.press("A"), false, "Nama 3-40 huruf.\nNama lengkap");
        assertScreen(call.press("Slamet Riyadi"), false, "Pekerjaan Anda:");
        assertScreen(call.press("7"), false, "Pilihan tidak ada.\nPekerjaan Anda:");
        assertScreen(call.press("1"), false, "Penghasilan per bulan:");
        assertScreen(call.press("6"), false, "Ketik penghasilan per bulan");
        Answer confirm = call.press("2.500.000");
        assertScreen(confirm, false, "SLAMET RIYADI\nNIK ...");
        assertTrue(confirm.screen().contains("\nPenghasilan Rp2.500.000\nIuran Rp31.800/bulan"), confirm.body());
        Answer done = call.press("1");
        assertScreen(done, true, "Selamat, Anda terdaftar asuransi kecelakaan kerja & kematian!\nNomor kartu (KPJ): ");

        // The same NIK again, from another phone: one card per NIK, and its KPJ is not told to another number.
        Call again = new Call(sid(), Instances.newPhone(), a.port());
        again.dial();
        again.press("1");
        assertScreen(again.press(Instances.nik(9001)), true, "NIK ini sudah terdaftar dari nomor 08");
    }

    @Test
    void aRegisteredWorkerChecksStatusAndPaysAndARetriedPaymentHopGivesTheSameCode() {
        String phone = Instances.newPhone();
        String kpj = register(new Call(sid(), phone, a.port()), Instances.nik(9002), "Wati", "2", "1", "Rp1.000.000", "Rp16.800");

        Call status = new Call(sid(), phone, a.port());
        status.dial();
        assertScreen(status.press("2"), true, "Status: BELUM AKTIF\nNomor kartu: " + kpj + "\nIuran pertama belum dibayar.\nTagihan: Rp16.800");

        Call pay = new Call(sid(), phone, a.port());
        pay.dial();
        assertScreen(pay.press("3"), false, "Iuran Rp16.800/bulan. Bayar untuk:\n1. 1 bulan\n2. 3 bulan\n3. 6 bulan\n4. 12 bulan");
        assertScreen(pay.press("4"), false, "Bayar 12 bulan: Rp201.600\nBuat kode bayar?");
        Answer code = pay.press("1");
        assertScreen(code, true, "Kode iuran: 8899 ");
        assertTrue(code.screen().contains("Jumlah: Rp201.600"), code.body());
        assertEquals(code, pay.retry(), "a gateway retry must not issue a second payment code");
    }

    @Test
    void anUnregisteredNumberIsOfferedRegistration() {
        Call call = new Call(sid(), Instances.newPhone(), a.port());
        call.dial();
        assertScreen(call.press("2"), false, "Nomor ini belum terdaftar.\n1. Daftar sekarang\n0. Kembali");
        assertScreen(call.press("1"), false, "Masukkan NIK");
    }

    @Test
    void englishCanBeChosenAndIsKeptForTheWorkersNextDials() {
        String phone = Instances.newPhone();
        Call call = new Call(sid(), phone, a.port());
        call.dial();
        assertScreen(call.press("4"), false, "Pilih bahasa / Choose language\n1. Bahasa Indonesia\n2. English");
        assertScreen(call.press("2"), false, "Kentongan BPJS Ketenagakerjaan\nCover for self-employed workers\n1. Register\n");
        assertScreen(call.press("5"), false, "Kentongan: BPJS Ketenagakerjaan for self-employed workers.");
        assertTrue(redis.sync().ttl(Instances.withRedis().keyspace().language(Msisdn.parse(phone).orElseThrow())) > 300L * 24 * 3600);

        Call next = new Call(sid(), phone, b.port());
        assertScreen(next.dial(), false, "Your last session was cut off.\n1. Continue\n2. Start again");
        assertScreen(next.press("2"), false, "Kentongan BPJS Ketenagakerjaan\nCover for self-employed workers");
        assertScreen(next.press("4"), false, "Pilih bahasa / Choose language");
        assertScreen(next.press("1"), false, "Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri");
        assertScreen(new Call(sid(), phone, a.port()).dial(), false, "Menu tadi terputus.\n1. Lanjutkan");
    }

    @Test
    void navigationWorksOverTheGatewaysHistory() {
        Call call = new Call(sid(), Instances.newPhone(), a.port());
        call.dial();
        call.press("1");
        call.press(Instances.nik(9003));
        assertScreen(call.press("Budi"), false, "Pekerjaan Anda:");
        assertScreen(call.press("0"), false, "Nama lengkap sesuai KTP:");
        assertScreen(call.press("Budi"), false, "Pekerjaan Anda:");
        assertScreen(call.press("00"), false, "Kentongan BPJS Ketenagakerjaan\nPerlindungan");
        assertScreen(call.press("5"), false, "Kentongan: BPJS Ketenagakerjaan untuk pekerja mandiri.");
        Answer last = call.press("99");
        while (last.con()) last = call.press("99");
        assertScreen(last, true, "");
        assertTrue(last.screen().contains("175"), last.body());
    }

    @Test
    void aRetriedRequestDoesNotAdvanceTheSession() {
        Call call = new Call(sid(), Instances.newPhone(), a.port());
        call.dial();
        Answer nik = call.press("1");
        assertEquals(nik, call.retry());
        assertScreen(call.press(Instances.nik(9004)), false, "Nama lengkap");
    }

    @Test
    void aDroppedSessionCanBeResumedFromAnotherDialWithinFiveMinutes() {
        String phone = Instances.newPhone();
        Call first = new Call(sid(), phone, a.port());
        first.dial();
        first.press("1");
        assertScreen(first.press(Instances.nik(9005)), false, "Nama lengkap sesuai KTP:");
        // The network drops the dialogue. The worker dials again: a new session id.
        Call second = new Call(sid(), phone, b.port());
        assertScreen(second.dial(), false, "Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal");
        assertScreen(second.press("3"), false, "Pilihan tidak ada.\nMenu tadi terputus.");
        assertScreen(second.press("1"), false, "Nama lengkap sesuai KTP:");
        assertScreen(second.press("Tini"), false, "Pekerjaan Anda:");
        assertScreen(second.press("3"), false, "Penghasilan per bulan:");
        Answer confirm = second.press("1");
        assertScreen(confirm, false, "TINI\nNIK ...");
        assertTrue(confirm.screen().contains("\nPenghasilan Rp1.000.000\nIuran Rp16.800/bulan"), confirm.body());
        assertScreen(second.press("1"), true, "Selamat, Anda terdaftar asuransi");
        // Finished: nothing left to resume.
        assertScreen(new Call(sid(), phone, a.port()).dial(), false, "Kentongan BPJS Ketenagakerjaan");
    }

    @Test
    void aWorkerMayChooseToStartAgainInsteadOfResuming() {
        String phone = Instances.newPhone();
        Call first = new Call(sid(), phone, a.port());
        first.dial();
        first.press("1");
        Call second = new Call(sid(), phone, a.port());
        assertScreen(second.dial(), false, "Menu tadi terputus.");
        assertScreen(second.press("2"), false, "Kentongan BPJS Ketenagakerjaan\nPerlindungan");
        assertScreen(second.press("5"), false, "Kentongan: BPJS");
    }

    @Test
    void twoInstancesSharingRedisServeAlternateHopsOfOneSession() {
        Call call = new Call(sid(), Instances.newPhone(), a.port(), b.port());
        String kpj = register(call, Instances.nik(9006), "Paijo", "5", "3", "Rp2.000.000", "Rp26.800");
        assertEquals(11, kpj.length());
    }

    @Test
    void manyWorkersAtOnceEachSeeTheirOwnScreens() throws Exception {
        int workers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(32);
        Set<String> kpjs = ConcurrentHashMap.newKeySet();
        String[][] incomes = {{"1", "Rp1.000.000", "Rp16.800"}, {"2", "Rp1.500.000", "Rp21.800"}, {"3", "Rp2.000.000", "Rp26.800"},
                {"4", "Rp3.000.000", "Rp36.800"}, {"5", "Rp5.000.000", "Rp56.800"}};
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int n = i;
                running.add(pool.submit(() -> {
                    String[] inc = incomes[n % incomes.length];
                    // Hops alternate between the two instances, as behind a load balancer.
                    Call call = new Call(sid(), Instances.newPhone(), a.port(), b.port());
                    kpjs.add(register(call, Instances.nik(10_000 + n), "Pekerja " + letters(n), Integer.toString(1 + n % 6),
                            inc[0], inc[1], inc[2]));
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(workers, kpjs.size(), "every worker got their own card number");
    }

    /** A name part unique per worker (names take letters only). */
    private static String letters(int n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }

    @Test
    void hubtelsConventionDrivesTheSameService() {
        String init = hubtelDial(Instances.newPhone(), "hub" + UUID.randomUUID().toString().replace("-", ""));
        Answer first = Gateway.post(a.port(), "/ussd/hubtel", "application/json", init);
        assertEquals(200, first.status());
        assertTrue(first.body().contains("\"Type\":\"Response\""), first.body());
        assertTrue(first.body().contains("1. Daftar asuransi kerja"), first.body());
        String pick = hubtelPick(init);
        Answer second = Gateway.post(b.port(), "/ussd/hubtel", "application/json", pick);
        assertTrue(second.body().contains("Masukkan NIK"), second.body());
        assertEquals(second.body(), Gateway.post(a.port(), "/ussd/hubtel", "application/json", pick).body(), "a retried sequence");
        String nik = pick.replace("\"Message\":\"1\"", "\"Message\":\"" + Instances.nik(9007) + "\"").replace("\"Sequence\":2", "\"Sequence\":3");
        assertTrue(Gateway.post(a.port(), "/ussd/hubtel", "application/json", nik).body().contains("Nama lengkap"));
        // Written while fuzzing the reader (TransportPropertiesTest): a ClientState sent as a number threw
        // ClassCastException while answering, after the hop had been taken.
        String numbered = nik.replace("\"ClientState\":\"\"", "\"ClientState\":7").replace("\"Sequence\":3", "\"Sequence\":4")
                .replace("\"Message\":\"" + Instances.nik(9007) + "\"", "\"Message\":\"0\"");
        Answer withNumber = Gateway.post(b.port(), "/ussd/hubtel", "application/json", numbered);
        assertEquals(200, withNumber.status(), withNumber.body());
        assertTrue(withNumber.body().contains("\"ClientState\":\"\""), withNumber.body());
        String release = init.replace("Initiation", "Release").replace("\"Sequence\":1", "\"Sequence\":5");
        assertTrue(Gateway.post(a.port(), "/ussd/hubtel", "application/json", release).body().contains("\"Type\":\"Release\""));
    }

    /** Hubtel's first request of a dialogue: {@code phone} dials *567# under {@code session}. */
    private static String hubtelDial(String phone, String session) {
        return "{\"Type\":\"Initiation\",\"Mobile\":\"" + phone + "\",\"SessionId\":\"" + session
                + "\",\"ServiceCode\":\"*567#\",\"Message\":\"*567#\",\"Operator\":\"telkomsel\",\"Sequence\":1,\"ClientState\":\"\"}";
    }

    /** The second request of that dialogue: the worker picks 1 (register). */
    private static String hubtelPick(String dial) {
        return dial.replace("Initiation", "Response").replace("\"Message\":\"*567#\"", "\"Message\":\"1\"").replace("\"Sequence\":1", "\"Sequence\":2");
    }

    /** A Hubtel hop's log lines quote the request id its answer carries, as an AT hop's do. */
    @Test
    void aHubtelHopLogsUnderItsRequestId() {
        String first = "hubA" + UUID.randomUUID().toString().replace("-", "");
        String init = hubtelDial(Instances.newPhone(), first);
        Gateway.post(a.port(), "/ussd/hubtel", "application/json", init);
        String pick = hubtelPick(init);
        assertTrue(Gateway.post(a.port(), "/ussd/hubtel", "application/json", pick).body().contains("Masukkan NIK"));
        // The dialogue drops; the phone dials again under a new session and takes the offer to go on.
        String second = "hubB" + UUID.randomUUID().toString().replace("-", "");
        String again = init.replace(first, second);
        assertTrue(Gateway.post(a.port(), "/ussd/hubtel", "application/json", again).body().contains("Menu tadi terputus"));
        try (LogCapture logs = LogCapture.start()) {
            Answer resumed = Gateway.post(a.port(), "/ussd/hubtel", "application/json",
                    pick.replace(first, second), "X-Request-Id", "hubtel-req-42");
            assertTrue(resumed.body().contains("Masukkan NIK"), resumed.body());
            assertTrue(logs.events().stream().anyMatch(e -> e.getFormattedMessage().startsWith("session resumed for ")
                    && e.getFormattedMessage().endsWith(" request hubtel-req-42")), "the resume is logged under the request id");
        }
    }

    @Test
    void malformedRequestsGetA400WithAClearMessage() throws Exception {
        int port = a.port();
        String form = "application/x-www-form-urlencoded";
        assertEquals(new Answer(400, "sessionId is missing"), Gateway.post(port, "/ussd/at", form, "serviceCode=*567%23&phoneNumber=081234567890&text="));
        assertEquals(new Answer(400, "phoneNumber is missing"), Gateway.post(port, "/ussd/at", form, "sessionId=x&serviceCode=*567%23&text="));
        assertEquals(new Answer(400, "phoneNumber is not an Indonesian mobile number (08…, +628… or 628…)"),
                Gateway.post(port, "/ussd/at", form, "sessionId=x&serviceCode=*567%23&phoneNumber=12&text="));
        assertEquals(new Answer(400, "serviceCode must look like *567#"),
                Gateway.post(port, "/ussd/at", form, "sessionId=x&serviceCode=567&phoneNumber=081234567890&text="));
        assertEquals(new Answer(400, "text is missing (send it empty on the first hop)"),
                Gateway.post(port, "/ussd/at", form, "sessionId=x&serviceCode=*567%23&phoneNumber=081234567890"));
        assertEquals(new Answer(400, "sessionId must be 1-64 letters, digits or _.:-"),
                Gateway.post(port, "/ussd/at", form, "sessionId=a%20b&serviceCode=*567%23&phoneNumber=081234567890&text="));
        assertEquals(new Answer(400, "{\"error\":\"body must be a JSON object\"}"), Gateway.post(port, "/ussd/hubtel", "application/json", "not json"));
        assertEquals(new Answer(400, "{\"error\":\"Type must be Initiation, Response, Release or Timeout\"}"),
                Gateway.post(port, "/ussd/hubtel", "application/json", "{\"Type\":\"Hello\"}"));
        assertEquals(new Answer(200, "END Kode layanan tidak dikenal.\nUnknown service code."),
                Gateway.post(port, "/ussd/at", form, "sessionId=x1&serviceCode=*999%23&phoneNumber=081234567890&text="));
        assertEquals(new Answer(400, "the body is not a valid URL-encoded form"),
                Gateway.post(port, "/ussd/at", form, "sessionId=x1&serviceCode=*567%23&phoneNumber=081234567890&text=%E"));
        assertEquals(new Answer(413, "the body is larger than 16384 bytes"),
                Gateway.post(port, "/ussd/at", form, "sessionId=x1&serviceCode=*567%23&phoneNumber=081234567890&text=" + "1*".repeat(9000)));
        // Every answer carries a request id: the caller's, or a new one.
        var withId = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/health")).header("X-Request-Id", "gw-123").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("gw-123", withId.headers().firstValue("X-Request-Id").orElse(null));
        // The service keeps answering after both.
        assertEquals(200, Gateway.at(port, "x2", Instances.newPhone(), "").status());
    }

    @Test
    void overlongInputIsShownTheSameScreenWithAHint() {
        Call call = new Call(sid(), Instances.newPhone(), a.port());
        call.dial();
        call.press("1");
        assertScreen(call.press("9".repeat(200)), false, "Terlalu panjang.\nMasukkan NIK");
        assertScreen(call.press(""), false, "Belum diisi.\nMasukkan NIK");
    }
}
