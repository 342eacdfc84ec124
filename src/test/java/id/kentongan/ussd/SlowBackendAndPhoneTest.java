package id.kentongan.ussd;

import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.tools.TerminalPhone;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowBackendAndPhoneTest {

    @Test
    void aBackendSlowerThanTheTimeoutGivesAKindTryAgainScreen() {
        try (Instances instances = new Instances()) {
            // The sandbox takes 3 s; the hop gives up on it after 300 ms.
            Kentongan k = instances.start(Instances.config(Optional.empty(), Path.of("menus"), Duration.ofSeconds(3), Duration.ofMillis(300)));
            Call call = new Call("slow-1", Instances.newPhone(), k.port());
            call.dial();
            assertEquals(new Answer(200, "END Layanan sedang sibuk, silakan coba lagi."), call.press("2"));
        }
    }

    @Test
    void theTerminalPhoneWalksARegistrationFromTheKeyboard() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5)));
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            BufferedReader keys = new BufferedReader(new StringReader("1\n" + Instances.nik(8001) + "\nBudi Santoso\n3\n1\n1\n"));
            int code = new TerminalPhone(URI.create("http://127.0.0.1:" + k.port()), Instances.newPhone(), "*567#")
                    .run(keys, new PrintStream(screen, true, StandardCharsets.UTF_8));
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, shown);
            assertTrue(shown.contains("| 1. Daftar asuransi kerja"), shown);
            assertTrue(shown.contains("| BUDI SANTOSO"), shown);
            assertTrue(shown.matches("(?s).*\\| Nomor kartu \\(KPJ\\): \\d{11} .*"), shown);
            assertTrue(shown.contains("[session ended]"), shown);
        }
    }

    @Test
    void hangingUpOnTheTerminalPhoneEndsTheCall() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5)));
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            int code = new TerminalPhone(URI.create("http://127.0.0.1:" + k.port()), Instances.newPhone(), "*567#")
                    .run(new BufferedReader(new StringReader("\n")), new PrintStream(screen, true, StandardCharsets.UTF_8));
            assertEquals(1, code);
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("(hung up)"));
        }
    }
}
