package id.kentongan;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service in a JVM of its own ({@code Main serve}), for what only a separate process shows: SIGKILL, SIGTERM. */
public final class ServiceProcess {
    private ServiceProcess() {}

    /** Starts it with {@code env} and waits (60 s at most) for "Kentongan is ready"; its output goes to a temp file. */
    public static Process start(Map<String, String> env) throws Exception {
        Path log = Files.createTempFile("kentongan-service-", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "id.kentongan.Main", "serve");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.APPEND);
                    if (line.startsWith("Kentongan is ready")) ready.complete(true);
                }
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
            ready.complete(false);
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(ready.get(60, TimeUnit.SECONDS), "the service started; its output: " + log);
        return p;
    }
}
