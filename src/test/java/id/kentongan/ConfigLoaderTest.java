package id.kentongan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    @Test
    void noConfigurationIsTheEmbeddedDefault() throws Exception {
        KentonganConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertTrue(c.embedded());
        assertEquals(8080, c.httpPort());
        assertEquals(Duration.ofSeconds(180), c.sessionTtl());
        assertEquals(Duration.ofMinutes(5), c.resumeWindow());
    }

    @Test
    void theExampleFileLoadsAndEnvironmentVariablesWin() throws Exception {
        KentonganConfig c = ConfigLoader.load(Optional.of(Path.of("ops/kentongan.example.yaml")),
                Map.of("KENTONGAN_HTTP_PORT", "9090", "KENTONGAN_SESSION_TTL", "120s"));
        assertEquals(9090, c.httpPort());
        assertEquals(Duration.ofSeconds(120), c.sessionTtl());
        assertEquals(Optional.of("redis://127.0.0.1:6379"), c.redisUrl());
        assertEquals(Duration.ofSeconds(5), c.backendTimeout());
    }

    @Test
    void wrongValuesAreRefusedWithPreciseMessages(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "session:\n  ttl: 0s\nbackend:\n  timeout: 30s\nredis:\n  url: localhost:6379\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(Optional.of(f), Map.of()));
        assertEquals("invalid configuration: session.ttl must be positive, was PT0S; backend.timeout must be at most PT8S so a hop "
                + "answers inside the gateway's 10-15 s, was PT30S; redis.url must start with redis:// or rediss://, was localhost:6379",
                e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_SESSION_TTL", "three minutes")));
        assertEquals("session.ttl must be a duration like 180s, 5m or PT3M, was 'three minutes'", d.getMessage());
    }
}
