package id.kentongan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Redis processes a failover test starts, inspects and kills: the ops/redis scripts and redis-cli. */
public final class LocalRedis {
    private static final Pattern OFFSET = Pattern.compile("offset=(\\d+)");

    private LocalRedis() {}

    /** {@code bash ops/redis/<script> args…}, with {@code env} added; fails the test if it fails. */
    public static void script(String script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "ops/redis/" + script));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(env);
        assertEquals(0, pb.start().waitFor(), script + " " + String.join(" ", args));
    }

    /** {@code redis-cli -p port args…}: its output, stripped. */
    public static String cli(int port, String... args) {
        List<String> cmd = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the replica of the master on {@code port} has everything the master has (replication offsets). */
    public static void replicated(int port) {
        Eventually.until("the replica caught up with " + port, Duration.ofSeconds(10), () -> {
            String info = cli(port, "info", "replication");
            long master = info.lines().filter(l -> l.startsWith("master_repl_offset:")).mapToLong(l -> Long.parseLong(l.substring(19).strip()))
                    .findFirst().orElse(-1);
            return info.lines().filter(l -> l.startsWith("slave0:")).anyMatch(l -> {
                Matcher m = OFFSET.matcher(l);
                return m.find() && Long.parseLong(m.group(1)) >= master;
            });
        });
    }

    /** SIGKILLs the server on {@code port}, as a crashed machine would go. */
    public static void kill(int port) throws Exception {
        String pid = cli(port, "info", "server").lines().filter(l -> l.startsWith("process_id:")).findFirst().orElseThrow().substring(11).strip();
        assertEquals(0, new ProcessBuilder("kill", "-9", pid).start().waitFor(), "kill -9 " + pid);
    }
}
