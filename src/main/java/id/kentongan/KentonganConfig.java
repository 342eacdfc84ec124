package id.kentongan;

import id.kentongan.store.Keyspace;
import id.kentongan.store.Limits;
import id.kentongan.text.DataKey;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service is told, validated once at start-up. No Redis URL means embedded mode: sessions in memory,
 * sandbox backends. See {@code ops/kentongan.example.yaml} and {@link ConfigLoader} for the file and variables.
 */
public record KentonganConfig(String httpHost, int httpPort, Optional<String> redisUrl, Duration redisTimeout,
                              Duration sessionTtl, Duration resumeWindow, Duration backendTimeout,
                              Duration sandboxDelay, Path menusDir, Duration menuPollInterval, ZoneId zone,
                              Backends backends, Sms sms, Outreach outreach,
                              String redisNamespace, Limits limits, DataKey dataKey) {

    public static KentonganConfig defaults() {
        return new KentonganConfig("0.0.0.0", 8080, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(180),
                Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ZERO, Path.of("menus"), Duration.ofSeconds(2),
                ZoneId.of("Asia/Jakarta"), Backends.sandbox(), Sms.embedded(), Outreach.defaults(), Keyspace.DEFAULT_NAMESPACE,
                Limits.defaults(), DataKey.random());
    }

    public KentonganConfig {
        List<String> wrong = new ArrayList<>();
        if (httpPort < 0 || httpPort > 65535) wrong.add("http.port must be 0-65535, was " + httpPort);
        positive(wrong, "redis.timeout", redisTimeout);
        positive(wrong, "session.ttl", sessionTtl);
        positive(wrong, "session.resumeWindow", resumeWindow);
        positive(wrong, "backend.timeout", backendTimeout);
        positive(wrong, "menus.pollInterval", menuPollInterval);
        if (sandboxDelay.isNegative()) wrong.add("backend.sandboxDelay must not be negative, was " + sandboxDelay);
        // A gateway gives up after 10-15 s: a hop that may wait longer than that for the backend is a dropped session.
        if (backendTimeout.compareTo(Duration.ofSeconds(8)) > 0) {
            wrong.add("backend.timeout must be at most PT8S so a hop answers inside the gateway's 10-15 s, was " + backendTimeout);
        }
        if (redisUrl.isPresent() && !redisUrl.get().matches("(rediss?|redis-sentinel|redis-cluster)://.+")) {
            wrong.add("redis.url must start with redis:// or rediss:// (one server), redis-sentinel:// (a master found by Sentinel) "
                    + "or redis-cluster:// (a cluster's seed nodes), was " + redisUrl.get().replaceAll("//[^@]*@", "//***@"));
        }
        if (redisNamespace == null || !redisNamespace.matches("[A-Za-z0-9_\\-:]{1,48}")) {
            wrong.add("redis.namespace must be 1-48 of A-Z a-z 0-9 _ - :, was " + redisNamespace);
        }
        if (!wrong.isEmpty()) throw new IllegalArgumentException("invalid configuration: " + String.join("; ", wrong));
    }

    private static void positive(List<String> wrong, String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) wrong.add(name + " must be positive, was " + d);
    }

    public KentonganConfig with(Backends b) {
        return copy(c -> c.backends = b);
    }

    public KentonganConfig with(Sms s) {
        return copy(c -> c.sms = s);
    }

    public KentonganConfig with(Outreach o) {
        return copy(c -> c.outreach = o);
    }

    public KentonganConfig withMenuPoll(Duration every) {
        return copy(c -> c.menuPollInterval = every);
    }

    /** Every key in Redis, under {@code redis.namespace}: deployments (or test runs) sharing a Redis stay apart. */
    public KentonganConfig withRedisNamespace(String ns) {
        return copy(c -> c.redisNamespace = ns);
    }

    public KentonganConfig withRedisUrl(String url) {
        return copy(c -> c.redisUrl = Optional.of(url));
    }

    public KentonganConfig withHttpHost(String host) {
        return copy(c -> c.httpHost = host);
    }

    public KentonganConfig with(DataKey k) {
        return copy(c -> c.dataKey = k);
    }

    public KentonganConfig with(Limits l) {
        return copy(c -> c.limits = l);
    }

    /** This configuration with what {@code change} sets (checked again by the constructor). */
    private KentonganConfig copy(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return p.build();
    }

    /** The components, to change some and build again: one place that lists them all, not one per "with". */
    private static final class Parts {
        String httpHost;
        int httpPort;
        Optional<String> redisUrl;
        Duration redisTimeout;
        Duration sessionTtl;
        Duration resumeWindow;
        Duration backendTimeout;
        Duration sandboxDelay;
        Path menusDir;
        Duration menuPollInterval;
        ZoneId zone;
        Backends backends;
        Sms sms;
        Outreach outreach;
        String redisNamespace;
        Limits limits;
        DataKey dataKey;

        Parts(KentonganConfig c) {
            httpHost = c.httpHost;
            httpPort = c.httpPort;
            redisUrl = c.redisUrl;
            redisTimeout = c.redisTimeout;
            sessionTtl = c.sessionTtl;
            resumeWindow = c.resumeWindow;
            backendTimeout = c.backendTimeout;
            sandboxDelay = c.sandboxDelay;
            menusDir = c.menusDir;
            menuPollInterval = c.menuPollInterval;
            zone = c.zone;
            backends = c.backends;
            sms = c.sms;
            outreach = c.outreach;
            redisNamespace = c.redisNamespace;
            limits = c.limits;
            dataKey = c.dataKey;
        }

        KentonganConfig build() {
            return new KentonganConfig(httpHost, httpPort, redisUrl, redisTimeout, sessionTtl, resumeWindow, backendTimeout,
                    sandboxDelay, menusDir, menuPollInterval, zone, backends, sms, outreach, redisNamespace, limits, dataKey);
        }
    }

    public Keyspace keyspace() {
        return new Keyspace(redisNamespace);
    }

    public boolean embedded() {
        return redisUrl.isEmpty();
    }
}
