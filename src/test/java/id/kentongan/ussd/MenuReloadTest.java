package id.kentongan.ussd;

import id.kentongan.store.Limits;
import id.kentongan.Backends;
import id.kentongan.Eventually;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.Outreach;
import id.kentongan.Sms;
import id.kentongan.menu.MenuDirectory;
import id.kentongan.menu.MenuProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators edit files under menus/; only a valid file replaces the live menu, and sessions in flight keep theirs. */
class MenuReloadTest {
    static final String ORIGINAL;

    static {
        try {
            ORIGINAL = Files.readString(Path.of("menus/bpu.yaml"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A live menu folder of the test's own, holding today's workers' menu. */
    private static Path liveFolder(Path dir) throws java.io.IOException {
        return Files.writeString(dir.resolve("bpu.yaml"), ORIGINAL);
    }

    @Test
    void aBrokenMenuIsRefusedWithAPreciseErrorWhileThePreviousOneKeepsServing(@TempDir Path dir) throws Exception {
        String original = ORIGINAL;
        Path file = liveFolder(dir);
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), dir, Duration.ZERO, Duration.ofSeconds(5)));
            Call inFlight = new Call("inflight", Instances.newPhone(), k.port());
            assertTrue(inFlight.dial().screen().startsWith("Kentongan BPJS Ketenagakerjaan\n"));
            inFlight.press("1");

            Files.writeString(file, original.replace("next: reg_check", "next: reg_chek"));
            MenuDirectory.Report refused = k.rescanMenus();
            assertEquals(List.of(), refused.published());
            List<MenuProblem> problems = refused.rejected().get(0).problems();
            int line = lineOf(original, "next: reg_check");
            assertEquals(List.of("bpu.yaml:" + line + ": screen 'reg_nik': goes to screen 'reg_chek', which does not exist"),
                    problems.stream().map(MenuProblem::toString).toList());
            assertTrue(new Call("after-broken", Instances.newPhone(), k.port()).dial().screen().startsWith("Kentongan BPJS Ketenagakerjaan\n"),
                    "the previous menu keeps serving");
            assertEquals("Nama lengkap sesuai KTP:", inFlight.press(Instances.nik(7001)).screen());

            Files.writeString(file, original.replace("Kentongan BPJS Ketenagakerjaan\\nPerlindungan", "Kentongan BPJS TK\\nPerlindungan"));
            assertEquals(1, k.rescanMenus().published().size());
            Answer fresh = new Call("after-fix", Instances.newPhone(), k.port()).dial();
            assertTrue(fresh.screen().startsWith("Kentongan BPJS TK\nPerlindungan"), fresh.body());
            // The session that started before the change finishes on the version it started with.
            Answer home = inFlight.press("00");
            assertTrue(home.screen().startsWith("Kentongan BPJS Ketenagakerjaan\nPerlindungan"), home.body());
        }
    }

    /** Issue 16: a phone set to Basa Banyumasan dialling a menu that has no Banyumasan gets the Indonesian. */
    @Test
    void aMenuWithoutThePhonesLanguageIsShownInBahasaIndonesia(@TempDir Path dir) throws Exception {
        String withoutJv = ORIGINAL.replaceAll("(?m)^\\s*jv: .*\\n", "").replaceAll(", jv: \"[^\"]*\"}", "}")
                .replace("languages: [id, en, jv]", "languages: [id, en]")
                .replaceAll("(?m)^      - label: \\{id: \"Basa Banyumasan\".*\\n.*\\n.*\\n", "");
        assertTrue(!withoutJv.contains("jv") && !withoutJv.contains("Banyumasan"), "the file has no Banyumasan left");
        Files.writeString(dir.resolve("bpu.yaml"), withoutJv);
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), dir, Duration.ZERO, Duration.ofSeconds(5)));
            String phone = Instances.newPhone();
            Instances.simulator(k).mo(id.kentongan.domain.Msisdn.parse(phone).orElseThrow().value(), "567", "BASA JAWA");
            assertTrue(Instances.smsTo(id.kentongan.domain.Msisdn.parse(phone).orElseThrow().value(), 1, k).get(0).startsWith("Basa diganti dadi Basa Banyumasan"));
            Answer home = new Call("no-jv", phone, k.port()).dial();
            assertTrue(home.screen().startsWith("Kentongan BPJS Ketenagakerjaan\nPerlindungan pekerja mandiri\n1. Daftar asuransi kerja\n2. Cek status\n3. Bayar iuran"),
                    home.body());
        }
    }

    @Test
    void aChangedFileIsPickedUpByThePollWithoutARestart(@TempDir Path dir) throws Exception {
        String original = ORIGINAL;
        Path file = liveFolder(dir);
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(new KentonganConfig("127.0.0.1", 0, Optional.empty(), Duration.ofSeconds(1),
                    Duration.ofSeconds(180), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ZERO, dir,
                    Duration.ofMillis(100), ZoneId.of("Asia/Jakarta"), Backends.sandbox(), Sms.embedded(),
                    Outreach.defaults(), "kt", Limits.defaults(), Instances.DATA_KEY));
            Files.writeString(file, original.replace("Perlindungan pekerja mandiri", "Lindungi diri dan keluarga"));
            // The poll runs every 100 ms.
            String screen = Eventually.value("the changed file live", Duration.ofSeconds(10),
                    () -> new Call("poll-" + UUID.randomUUID(), Instances.newPhone(), k.port()).dial().screen(), s -> s.contains("Lindungi"));
            assertTrue(screen.startsWith("Kentongan BPJS Ketenagakerjaan\nLindungi diri dan keluarga"), screen);
        }
    }

    @Test
    void aSecondFileClaimingALiveServiceCodeIsRefused(@TempDir Path dir) throws Exception {
        String original = ORIGINAL;
        liveFolder(dir);
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), dir, Duration.ZERO, Duration.ofSeconds(5)));
            Files.writeString(dir.resolve("copy.yaml"), original.replace("Perlindungan pekerja mandiri", "Salinan"));
            MenuDirectory.Report report = k.rescanMenus();
            assertEquals(List.of("copy.yaml:1: serviceCode *567# is already served by bpu.yaml"),
                    report.rejected().get(0).problems().stream().map(MenuProblem::toString).toList());
            assertTrue(new Call("dup", Instances.newPhone(), k.port()).dial().screen().contains("Perlindungan pekerja mandiri"));
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        throw new IllegalArgumentException(needle);
    }
}
