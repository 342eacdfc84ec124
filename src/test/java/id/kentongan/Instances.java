package id.kentongan;

import id.kentongan.admin.AdminAccess;
import id.kentongan.smpp.SmsSegments;
import id.kentongan.store.Limits;
import id.kentongan.store.Redis;
import id.kentongan.text.DataKey;
import id.kentongan.text.Digest;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts real service instances on free ports for a test, and stops them after. */
public final class Instances implements AutoCloseable {
    /**
     * The Redis the tests use: {@code KENTONGAN_TEST_REDIS_URL}, or the local server. The build runs the Redis tests a
     * second time on a local 6-node cluster (pom.xml, execution "cluster"); a cluster URL on 127.0.0.1:7000-7005 that
     * does not answer is started here with {@code ops/redis/local-cluster.sh}.
     */
    public static final String REDIS = localClusterStarted(System.getenv().getOrDefault("KENTONGAN_TEST_REDIS_URL", "redis://127.0.0.1:6379"));

    private static String localClusterStarted(String url) {
        if (!url.startsWith("redis-cluster://127.0.0.1:7000")) return url;
        // Always asked, not only when 7000 is down: the script also remakes a cluster an earlier run left with a dead
        // or failed node (CI runs on the machine as the last session left it), and returns at once on a healthy one.
        try {
            Process p = new ProcessBuilder("bash", "ops/redis/local-cluster.sh", "start").inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("ops/redis/local-cluster.sh start failed (is redis-server installed?)");
            return url;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("could not start the local Redis Cluster: " + e, e);
        }
    }
    /**
     * This test run's keys in Redis (redis.namespace): runs sharing a Redis never drain each other's outbox, and the
     * sandbox's member list holds only this run's members.
     */
    public static final String NAMESPACE = newNamespace();
    /** Tokens with the smaller roles. */
    public static final String VIEWER_TOKEN = "test-viewer-" + java.util.UUID.randomUUID();
    public static final String EDITOR_TOKEN = "test-editor-" + java.util.UUID.randomUUID();
    /** The admin API's bearer token in tests (role admin). */
    /** One key for every instance a test starts, as a deployment configures one for all its instances. */
    public static final DataKey DATA_KEY = DataKey.random();
    public static final String ADMIN_TOKEN = "test-admin-" + java.util.UUID.randomUUID();
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 40_000_000));

    private final Vertx vertx = Vertx.vertx();

    /** The Vert.x the instances started here run on (a test may make its event loops late). */
    public Vertx vertx() {
        return vertx;
    }
    private final List<Kentongan> started = new ArrayList<>();

    public static KentonganConfig config(Optional<String> redis, Path menus, Duration sandboxDelay, Duration backendTimeout) {
        return new KentonganConfig("127.0.0.1", 0, redis, Duration.ofSeconds(1), Duration.ofSeconds(180), Duration.ofMinutes(5),
                backendTimeout, sandboxDelay, menus, Duration.ofMinutes(10), ZoneId.of("Asia/Jakarta"), Backends.sandbox(),
                Sms.embedded().withPatience(Duration.ofSeconds(5), Duration.ofSeconds(12)),
                // No quiet hours by default: tests must not depend on the hour they run at (those about quiet hours set them).
                Outreach.defaults().manual(Digest.sha256Hex(ADMIN_TOKEN, 32))
                        .withQuietHours(java.time.LocalTime.MIDNIGHT, java.time.LocalTime.MIDNIGHT)
                        .withTokens(java.util.List.of(
                                new AdminAccess.Token("viewer", AdminAccess.Role.VIEWER,
                                        Digest.sha256Hex(VIEWER_TOKEN, 32)),
                                new AdminAccess.Token("editor", AdminAccess.Role.EDITOR,
                                        Digest.sha256Hex(EDITOR_TOKEN, 32)))),
                // Tests type at machine speed and share one address: the real quotas would cut them short
                // (LimitsTest checks those).
                NAMESPACE, Limits.defaults().with(100_000, 10, 150, 100_000, 100_000), DATA_KEY);
    }

    /** A key root no other test run (or test, see {@link #isolated()}) uses. */
    public static String newNamespace() {
        return "kt-test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static volatile Redis sharedRedis;

    /** One Redis client for the tests that drive a part (an outbox, a store) without a whole instance. */
    public static synchronized Redis redis() {
        if (sharedRedis == null) sharedRedis = new Redis(REDIS, Duration.ofSeconds(5));
        return sharedRedis;
    }

    public static KentonganConfig withRedis() {
        return config(Optional.of(REDIS), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5));
    }

    /**
     * Redis, with keys of its own (a namespace no other test shares): its schedule, menu versions, sandbox core system:
     * for tests that publish menus, count every member, or plan reminders for all.
     */
    public static KentonganConfig isolated() {
        return withRedis().withRedisNamespace(newNamespace());
    }

    /** {@link #isolated()} with the standard quiet hours, 21:00-07:00. */
    public static KentonganConfig isolatedWithQuietHours() {
        KentonganConfig c = isolated();
        return c.with(c.outreach().withQuietHours(java.time.LocalTime.of(21, 0), java.time.LocalTime.of(7, 0)));
    }

    public Kentongan start(KentonganConfig config) {
        return start(config, Clock.system(config.zone()));
    }

    public Kentongan start(KentonganConfig config, Clock clock) {
        Kentongan k = Kentongan.start(vertx, config, clock, SmscSimulator.FACTORY).toCompletionStage().toCompletableFuture().join();
        started.add(k);
        return k;
    }

    /** The built-in SMSC simulator {@code k} was started with (tests always hand in the one from tools). */
    public static SmscSimulator simulator(Kentongan k) {
        return (SmscSimulator) k.smsc().orElseThrow();
    }

    /** The one way tests wait for a future: its value, or the test fails after 30 s saying so (never hangs). */
    public static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return org.junit.jupiter.api.Assertions.fail("no answer in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SMS the simulators of {@code instances} received for {@code msisdn} (628…), waiting up to 10 s for {@code atLeast}. */
    public static java.util.List<String> smsTo(String msisdn, int atLeast, Kentongan... instances) throws InterruptedException {
        java.util.List<String> got = java.util.List.of();
        for (int i = 0; i < 200; i++) {
            got = java.util.Arrays.stream(instances).flatMap(k -> simulator(k).received().stream())
                    .filter(r -> r.to().equals(msisdn))
                    .map(r -> SmsSegments.decode(r.dataCoding(), r.payload())).toList();
            if (got.size() >= atLeast) return got;
            Thread.sleep(50);
        }
        return got;
    }

    /**
     * Waits until the outbox of {@code instances} holds nothing queued or unfinished: every SMS handed over so far was
     * accepted by the SMSC, withheld or dead-lettered. After it, a message that was wrongly queued has reached the
     * simulator: the event that proves "nothing more was sent", instead of a sleep.
     */
    public static void drained(Kentongan... instances) {
        Eventually.until("the SMS outbox drained", Duration.ofSeconds(30),
                () -> java.util.Arrays.stream(instances).allMatch(k -> k.sms().outbox().backlog() == 0));
    }

    /** A phone number no other test (or earlier run against the same Redis) uses. */
    public static String newPhone() {
        return "0813" + (10_000_000 + PHONES.incrementAndGet() % 89_999_999);
    }

    /** Regency and district for this test run: the sandbox keeps members in Redis, so runs must not reuse NIKs. */
    private static final int RUN = new java.util.Random().nextInt(99 * 99 * 99);

    /** A valid NIK, different for each {@code i} and for each test run: Central Java (33), birth dates in 1990. */
    public static String nik(int i) {
        int day = 1 + i % 28;
        int month = 1 + (i / 28) % 12;
        return String.format("33%02d%02d%02d%02d90%04d", 1 + RUN % 99, 1 + (RUN / 99) % 99, day, month,
                1 + (RUN / (99 * 99) * 100 + i / 336) % 9999);
    }

    @Override
    public void close() {
        for (Kentongan k : started) k.stop().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
