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
        assertEquals(Optional.empty(), c.backends().coreUrl(), "the example keeps the sandbox until a core URL is given");
        assertEquals(Duration.ofSeconds(2), c.backends().coreTimeout());
        assertEquals(5, c.backends().circuitMaxFailures());
        assertEquals(30, c.limits().hops().max());
        assertEquals(Duration.ofSeconds(10), c.limits().httpHeaderTimeout());
        assertEquals(false, c.dataKey().configured(), "the example leaves the data key to be set");
    }

    @Test
    void limitsAndTheDataKeyComeFromTheEnvironment() throws Exception {
        KentonganConfig c = ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_LIMIT_HOPS_PER_MINUTE", "12", "KENTONGAN_LIMIT_HTTP_CONNECTIONS", "500",
                "KENTONGAN_LIMIT_HOPS_IN_FLIGHT", "64", "KENTONGAN_LIMIT_LOOP_LAG", "50ms", "KENTONGAN_LIMIT_EVENT_LOOPS", "1", "KENTONGAN_DATA_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertEquals(12, c.limits().hops().max());
        assertEquals(500, c.limits().httpConnections());
        assertEquals(64, c.limits().hopsInFlight());
        assertEquals(Duration.ofMillis(50), c.limits().loopLag());
        assertEquals(Duration.ofMillis(100), ConfigLoader.load(Optional.empty(), Map.of()).limits().loopLag(), "the default");
        assertEquals(128 * Runtime.getRuntime().availableProcessors(), ConfigLoader.load(Optional.empty(), Map.of()).limits().hopsInFlight(), "the default: 128 per core");
        assertEquals(1, c.limits().eventLoops());
        assertEquals(Runtime.getRuntime().availableProcessors(), ConfigLoader.load(Optional.empty(), Map.of()).limits().eventLoops(), "the default: one per core");
        assertEquals(true, c.dataKey().configured());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_LIMIT_MO_PER_MINUTE", "0")));
        assertEquals("invalid configuration: limits.moPerMinute must be a whole number of at least 1, was 0", e.getMessage());
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_DATA_KEY", "c2hvcnQ=")));
        assertTrue(k.getMessage().startsWith("invalid configuration: security.dataKey must be 32 bytes"), k.getMessage());
    }

    @Test
    void realBackendsComeFromTheEnvironmentAndARealProviderNeedsItsOwnSecret() throws Exception {
        Map<String, String> env = Map.of("KENTONGAN_CORE_URL", "https://core.example/api", "KENTONGAN_PAYMENT_URL", "https://pay.example/v1",
                "KENTONGAN_PAYMENT_PROVIDER", "bankxyz", "KENTONGAN_PAYMENT_SECRET", "0123456789abcdef0123", "KENTONGAN_CORE_TIMEOUT", "1500ms");
        Backends b = ConfigLoader.load(Optional.empty(), env).backends();
        assertEquals(Optional.of(java.net.URI.create("https://core.example/api")), b.coreUrl());
        assertEquals(Duration.ofMillis(1500), b.coreTimeout());
        assertEquals("bankxyz", b.paymentProvider());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_PAYMENT_URL", "https://pay.example/v1")));
        assertEquals("invalid configuration: payment.callbackSecret must be the provider's secret (16 characters or more) "
                + "when payment.url is set", e.getMessage());
    }

    @Test
    void midtransAndDokuTakeTheirChannelOrTheirDefaultAndDokuNeedsItsClientId() throws Exception {
        Map<String, String> midtrans = Map.of("KENTONGAN_PAYMENT_URL", "https://api.sandbox.midtrans.com", "KENTONGAN_PAYMENT_PROVIDER", "midtrans",
                "KENTONGAN_PAYMENT_SECRET", "SB-Mid-server-0123456789");
        Backends b = ConfigLoader.load(Optional.empty(), midtrans).backends();
        assertEquals("midtrans", b.paymentProvider());
        assertEquals("", b.paymentChannel(), "no channel: the adapter's default (BNI)");
        Map<String, String> ovo = new java.util.HashMap<>(midtrans);
        ovo.put("KENTONGAN_PAYMENT_CHANNEL", "ovo");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(Optional.empty(), ovo));
        assertTrue(wrong.getMessage().contains("payment.channel for midtrans is one of"), wrong.getMessage());
        IllegalArgumentException noClient = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(Optional.empty(),
                Map.of("KENTONGAN_PAYMENT_URL", "https://api-sandbox.doku.com", "KENTONGAN_PAYMENT_PROVIDER", "doku",
                        "KENTONGAN_PAYMENT_SECRET", "SK-0123456789abcdef")));
        assertTrue(noClient.getMessage().contains("payment.clientId (DOKU's Client-Id) is required for doku"), noClient.getMessage());
        assertEquals("contract", ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_PAYMENT_URL", "https://pay.example/v1",
                "KENTONGAN_PAYMENT_SECRET", "0123456789abcdef0123")).backends().paymentProvider(), "a URL alone: the own contract");
    }

    @Test
    void wrongValuesAreRefusedWithPreciseMessages(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "session:\n  ttl: 0s\nbackend:\n  timeout: 30s\nredis:\n  url: localhost:6379\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(Optional.of(f), Map.of()));
        assertEquals("invalid configuration: session.ttl must be positive, was PT0S; backend.timeout must be at most PT8S so a hop "
                + "answers inside the gateway's 10-15 s, was PT30S; redis.url must start with redis:// or rediss:// (one server), "
                + "redis-sentinel:// (a master found by Sentinel) or redis-cluster:// (a cluster's seed nodes), was localhost:6379",
                e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_SESSION_TTL", "three minutes")));
        assertEquals("session.ttl must be a duration like 180s, 5m or PT3M, was 'three minutes'", d.getMessage());
    }

    @Test
    void theRemovedNamespaceSettingsAreRefusedByNameNotIgnored(@TempDir Path dir) throws Exception {
        IllegalArgumentException env = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_SMS_NAMESPACE", "kt:sms")));
        assertTrue(env.getMessage().contains("sms.namespace") && env.getMessage().contains("redis.namespace"), env.getMessage());
        Path file = dir.resolve("old.yaml");
        java.nio.file.Files.writeString(file, "outreach:\n  namespace: kt:out\n");
        IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        assertTrue(yaml.getMessage().contains("outreach.namespace"), yaml.getMessage());
        assertEquals("kt-a", ConfigLoader.load(Optional.empty(), Map.of("KENTONGAN_REDIS_NAMESPACE", "kt-a")).redisNamespace());
    }
}
