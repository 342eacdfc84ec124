package id.kentongan;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every CLI error is one line in plain words with what to do: no stack trace. */
class CliMannersTest {

    /** The exit code and what the command wrote to stderr. */
    private record Ran(int code, String err) {}

    private static Ran run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Ran(code, err.toString());
    }

    private static void oneLine(Ran r) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), "no stack trace: " + r.err());
    }

    @Test
    void aMissingMenuFileIsNamed() {
        Ran r = run("validate", "/no/such/menu.yaml");
        oneLine(r);
        assertEquals("kentongan validate: no such file: /no/such/menu.yaml (check the path)", r.err().strip());
    }

    @Test
    void payingWithNoServiceRunningSaysHowToStartIt() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Ran r = run("pay", "8899123412341234", "--url", "http://127.0.0.1:" + closed);
        oneLine(r);
        assertTrue(r.err().contains("cannot connect to the service") && r.err().contains("kentongan.jar serve"), r.err());
    }

    @Test
    void aBadPortIsNamedWithTheSettingThatSetsIt() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(java.util.Optional.empty(), java.util.Map.of("KENTONGAN_HTTP_PORT", "abc")));
        assertEquals("invalid configuration: http.port (KENTONGAN_HTTP_PORT) must be a whole number from 0 to 65535, was \"abc\"", e.getMessage());
        assertTrue(Main.plainly(e).startsWith("invalid configuration: http.port"), Main.plainly(e));
    }

    @Test
    void aPortInUseIsNamedWithHowToChooseAnother() {
        String said = Main.plainly(new java.net.BindException("Address already in use"));
        assertTrue(said.contains("already in use") && said.contains("KENTONGAN_HTTP_PORT="), said);
    }
}
