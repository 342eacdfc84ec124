package id.kentongan.tools;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** `dial` draws a screen as a phone does: lines wrapped at spaces, never in the middle of a word. */
class TerminalPhoneTest {

    @Test
    void longLinesWrapAtWordBoundaries() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TerminalPhone.draw(new PrintStream(b, true, StandardCharsets.UTF_8),
                "Bayar di bank, minimarket atau e-wallet sebelum 05-12-2026 15:05 WIB.", true);
        List<String> lines = b.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "+----------------------------------+",
                "| Bayar di bank, minimarket atau   |",
                "| e-wallet sebelum 05-12-2026      |",
                "| 15:05 WIB.                       |",
                "+----------------------------------+  [session ended]"), lines);
    }
}
