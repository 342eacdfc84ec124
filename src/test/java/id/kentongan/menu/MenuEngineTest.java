package id.kentongan.menu;

import id.kentongan.actions.StandardActions;
import id.kentongan.text.Gsm7;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine alone: no Vert.x, Redis or network. Effects are answered here, as the service would answer them. */
class MenuEngineTest {
    static Menu menu;
    final MenuEngine engine = new MenuEngine();

    @BeforeAll
    static void load() throws Exception {
        menu = new MenuCompiler(StandardActions.catalog()).compile("bpu.yaml", Files.readString(Path.of("menus/bpu.yaml")));
    }

    private Step dial() {
        return engine.start(menu, "id");
    }

    private Step in(Step at, String input) {
        Step s = engine.step(menu, at.state(), input);
        assertFitsOnePage(s);
        return s;
    }

    private Step answer(Step at, String expectedAction, ActionOutcome outcome) {
        assertTrue(at.needsEffect(), "expected effect " + expectedAction + " but got " + at.reply());
        assertEquals(expectedAction, at.effect().action());
        Step s = engine.afterEffect(menu, at.state(), outcome);
        assertFitsOnePage(s);
        return s;
    }

    /** Main menu, "Daftar": the phone is looked up first (a registered one is told at once); here it is not registered. */
    private Step daftar() {
        return answer(in(dial(), "1"), "member.check_phone", ActionOutcome.of("available"));
    }

    private static void assertFitsOnePage(Step s) {
        if (s.reply() != null) assertTrue(Gsm7.fitsOnePage(s.reply().text()), "too long: " + s.reply().text());
    }

    @Test
    void theFirstScreenIsTheMainMenuInBahasaIndonesia() {
        Step s = dial();
        assertFalse(s.reply().end());
        assertEquals("Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja\n2. Cek status\n"
                + "3. Bayar iuran\n4. Bahasa/Language\n5. Bantuan\n6. Ajak teman", s.reply().text());
    }

    @Test
    void aSecretReachesOnlyItsActionAndNothingOfItOutlivesAFailedOne() throws Exception {
        // Issue 14, finding 1: when agent.login timed out, the busy END screen was saved with the PIN in the session.
        Menu perisai = new MenuCompiler(StandardActions.catalog()).compile("perisai.yaml", Files.readString(Path.of("menus/perisai.yaml")));
        Step who = engine.start(perisai, "id");
        Step ask = engine.afterEffect(perisai, who.state(), new ActionOutcome("known", Map.of("agent_name", "Siti A.")));
        Step login = engine.step(perisai, ask.state(), "481516");
        assertEquals("agent.login", login.effect().action());
        assertEquals("481516", login.effect().values().get("pin"), "the action reads the PIN");
        assertFalse(login.state().values().containsKey("pin"), "the PIN is not among the values a screen may show");
        assertFalse(login.toString().contains("481516") || login.effect().toString().contains("481516"), login.toString());

        Step timedOut = engine.afterEffect(perisai, login.state(), ActionOutcome.error());
        assertTrue(timedOut.reply().end(), timedOut.reply().text());
        assertEquals(Map.of(), timedOut.state().secrets(), "nothing of the PIN is left to save");
        Step signedIn = engine.afterEffect(perisai, login.state(), ActionOutcome.of("ok"));
        assertEquals(Map.of(), signedIn.state().secrets());
    }

    @Test
    void aMenuMayNotShowOrBranchOnASecret() {
        String yaml = """
                serviceCode: "*569#"
                name: t
                languages: [id]
                start: pin
                screens:
                  pin:
                    type: input
                    secret: true
                    text: {id: "PIN:"}
                    validate: pin
                    store: pin
                    next: check
                  check:
                    type: router
                    routes:
                      - when: "pin == 123456"
                        next: shown
                    otherwise: shown
                  shown:
                    type: message
                    end: true
                    text: {id: "PIN Anda {pin}"}
                """;
        InvalidMenuException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidMenuException.class,
                () -> new MenuCompiler(StandardActions.catalog()).compile("t.yaml", yaml));
        assertTrue(e.getMessage().contains("text shows {pin}, a secret"), e.getMessage());
        assertTrue(e.getMessage().contains("condition reads the secret 'pin'"), e.getMessage());
    }

    @Test
    void onlyAsciiDigitsChooseAnOption() {
        // Issue 14, finding 8: Arabic-Indic three (U+0663) and fullwidth three are not option 3.
        for (String three : new String[]{"\u0663", "\uFF13", "\u0663\u0663"}) {
            Step s = in(dial(), three);
            assertTrue(s.reply().text().contains("1. Daftar asuransi kerja"), "shown the menu again for " + three + ": " + s.reply().text());
            assertTrue(s.effect() == null, "no action for " + three);
        }
        assertTrue(in(dial(), "3").reply() == null || !in(dial(), "3").reply().text().contains("1. Daftar asuransi kerja"), "while 3 still chooses");
    }

    @Test
    void aWorkerRegistersAndGetsACardNumber() {
        Step s = daftar();
        assertEquals("Masukkan NIK (16 angka, lihat KTP):", s.reply().text());

        s = in(s, "12345");
        assertEquals("NIK harus 16 angka.\nMasukkan NIK (16 angka, lihat KTP):", s.reply().text());
        s = in(s, "3302143213900001"); // day 32
        assertEquals("Tgl lahir di NIK salah.\nMasukkan NIK (16 angka, lihat KTP):", s.reply().text());

        s = in(s, "3302 1455 0790 0002"); // a woman born 15-07-1990 (day + 40), typed with spaces
        assertEquals("3302145507900002", s.effect().values().get("nik"));
        s = answer(s, "member.check_nik", ActionOutcome.of("available"));
        assertEquals("Nama lengkap sesuai KTP:", s.reply().text());

        s = in(s, "  siti   aminah ");
        assertTrue(s.reply().text().startsWith("Pekerjaan Anda:\n1. Tukang parkir\n"), s.reply().text());
        s = in(s, "5"); // penderes
        assertTrue(s.reply().text().startsWith("Penghasilan per bulan:\n1. Rp1.000.000"), s.reply().text());
        s = in(s, "2");
        assertEquals(Map.of("nik", "3302145507900002", "name", "SITI AMINAH", "occupation", "penderes", "income", "1500000"),
                s.effect().values());
        s = answer(s, "contribution.quote", new ActionOutcome("ok", Map.of("jkk", "15000", "jkm", "6800", "monthly", "21800",
                "nik_end", "0002", "born", "15-07-1990")));
        assertEquals("SITI AMINAH\nNIK ...0002 lahir 15-07-1990\nPenghasilan Rp1.500.000\nIuran Rp21.800/bulan\n1. Benar, daftar\n2. Ulangi\n"
                + "3. Batal\n0. Kembali", s.reply().text());

        s = in(s, "1");
        s = answer(s, "member.register", new ActionOutcome("ok", Map.of("kpj", "26000000002")));
        assertTrue(s.reply().end());
        assertTrue(s.reply().text().contains("Nomor kartu (KPJ): 26000000002"), s.reply().text());
        assertTrue(s.reply().text().contains("Rp21.800"), s.reply().text());
    }

    @Test
    void aNameWithAccentsIsStoredInPlainCapitalsAndOneWithoutALatinSpellingIsAskedAgain() {
        // Issue 14, finding 6: "Ŝiti Ŵulandari …" was stored as typed and made the confirm screen a UCS-2 page of 138
        // characters where one holds 80.
        Step name = answer(in(daftar(), "3302145507900002"), "member.check_nik", ActionOutcome.of("available"));
        Step refused = in(name, "Дмитрий Петров");
        assertEquals("Nama hanya huruf A-Z seperti di KTP.\nNama lengkap sesuai KTP:", refused.reply().text());
        Step s = in(in(in(name, "Ŝiti Ŵulandari Ĥartoyo Ŝantoso"), "5"), "2");
        assertEquals("SITI WULANDARI HARTOYO SANTOSO", s.effect().values().get("name"));
        s = answer(s, "contribution.quote", new ActionOutcome("ok", Map.of("jkk", "15000", "jkm", "6800", "monthly", "21800")));
        assertTrue(s.reply().text().startsWith("SITI WULANDARI HARTOYO SANTOSO\n"), s.reply().text());
        assertEquals(Gsm7.GSM7_LIMIT, Gsm7.limit(s.reply().text()), "a GSM-7 page: " + s.reply().text());
    }

    @Test
    void anOtherIncomeIsTypedAndCheckedAgainstTheProgrammeRange() {
        Step s = in(in(in(answer(in(daftar(), "3302145507900002"), "member.check_nik",
                ActionOutcome.of("available")), "Budi Santoso"), "3"), "6");
        assertTrue(s.reply().text().startsWith("Ketik penghasilan"), s.reply().text());
        s = in(s, "500000");
        assertTrue(s.reply().text().startsWith("Jumlah Rp1.000.000-Rp20.700.000.\nKetik penghasilan"), s.reply().text());
        s = in(s, "Rp2.750.000");
        assertEquals("2750000", s.effect().values().get("income"));
    }

    @Test
    void anAlreadyRegisteredNikGetsAClearScreen() {
        Step s = answer(in(daftar(), "3302145507900001"), "member.check_nik",
                new ActionOutcome("registered", Map.of("kpj", "26000000001")));
        assertTrue(s.reply().end());
        assertEquals("NIK ini sudah terdaftar.\nNomor kartu (KPJ): 26000000001\nCek status lewat menu 2.", s.reply().text());
    }

    @Test
    void zeroGoesBackDoubleZeroToTheMainMenuAndAWrongOptionIsShownAgainWithAHint() {
        Step job = in(answer(in(daftar(), "3302145507900002"), "member.check_nik", ActionOutcome.of("available")), "Siti");
        Step wrong = in(job, "9");
        assertEquals("Pilihan tidak ada.\n" + job.reply().text(), wrong.reply().text());
        Step empty = in(job, "");
        assertEquals("Belum diisi.\n" + job.reply().text(), empty.reply().text());
        Step back = in(job, "0");
        assertEquals("Nama lengkap sesuai KTP:", back.reply().text());
        Step home = in(job, "00");
        assertEquals(dial().reply().text(), home.reply().text());
        Step tooLong = in(job, "1".repeat(161));
        assertEquals("Terlalu panjang.\n" + job.reply().text(), tooLong.reply().text());
    }

    @Test
    void statusShowsWhatIsPaidAndWhatIsDue() {
        Step s = answer(in(dial(), "2"), "member.status", new ActionOutcome("lapsed",
                Map.of("kpj", "26000000001", "paid_through", "08/2026", "due", "50400", "monthly", "16800", "arrears", "3")));
        assertTrue(s.reply().end());
        assertEquals("Status: TIDAK AKTIF\nNomor kartu: 26000000001\nSudah bayar sampai 08/2026\nBelum dibayar 3 bulan: Rp50.400\n"
                + "Bayar sebelum lewat 3 bulan agar tidak berhenti.", s.reply().text());
    }

    @Test
    void payingGivesATotalThenAPaymentCode() {
        Step s = answer(in(dial(), "3"), "member.status", new ActionOutcome("active",
                Map.of("kpj", "26000000001", "paid_through", "12/2026", "due", "0", "monthly", "16800", "arrears", "0")));
        assertTrue(s.reply().text().startsWith("Iuran Rp16.800/bulan. Bayar untuk:\n1. 1 bulan"), s.reply().text());
        s = answer(in(s, "2"), "payment.quote", new ActionOutcome("ok", Map.of("total", "50400")));
        assertEquals("Bayar 3 bulan: Rp50.400\nBuat kode bayar?\n1. Ya\n2. Batal\n0. Kembali", s.reply().text());
        s = in(s, "1");
        assertEquals("3", s.effect().values().get("months"));
        s = answer(s, "payment.create", new ActionOutcome("ok",
                Map.of("total", "50400", "pay_code", "8899 0000 1234 5678", "pay_expires", "25-11-2026 10:00")));
        assertTrue(s.reply().end());
        assertTrue(s.reply().text().startsWith("Kode iuran: 8899 0000 1234 5678\nJumlah: Rp50.400\n"), s.reply().text());
    }

    @Test
    void englishIsChosenFromTheMenuAndKeptForTheRestOfTheSession() {
        Step s = in(in(dial(), "4"), "2");
        assertTrue(s.reply().text().startsWith("Kentongan BPJS Ketenagakerjaan\nCover for self-employed workers\n1. Register"),
                s.reply().text());
        s = in(answer(in(s, "1"), "member.check_phone", ActionOutcome.of("available")), "123");
        assertEquals("NIK must be 16 digits.\nEnter your NIK (16 digits, see KTP):", s.reply().text());
    }

    @Test
    void longHelpIsPagedWith99AndEndsOnTheLastPage() {
        Step s = in(dial(), "5");
        int pages = 1;
        while (!s.reply().end()) {
            assertTrue(s.reply().text().endsWith("\n99. Lanjut"), s.reply().text());
            s = in(s, "99");
            pages++;
            assertTrue(pages < 10, "paging never ends");
        }
        assertTrue(pages >= 2, "help should need more than one page, took " + pages);
        assertTrue(s.reply().text().contains("175"), s.reply().text());
    }

    @Test
    void aFailedBackendGivesAKindTryAgainScreen() {
        Step s = answer(in(dial(), "2"), "member.status", ActionOutcome.error());
        assertTrue(s.reply().end());
        assertEquals("Layanan sedang sibuk, silakan coba lagi.", s.reply().text());
    }

    @Test
    void theCurrentPageCanBeShownAgainFromTheStateAlone() {
        Step s = in(dial(), "1");
        assertEquals(s.reply(), engine.current(menu, s.state()));
    }
}
