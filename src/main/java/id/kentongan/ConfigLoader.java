package id.kentongan;

import id.kentongan.admin.AdminAccess;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.store.Limits;
import id.kentongan.text.DataKey;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration: defaults, then the YAML file (if any), then environment variables, each overriding the
 * one before. Variables: KENTONGAN_HTTP_PORT, KENTONGAN_HTTP_HOST, KENTONGAN_REDIS_URL, KENTONGAN_SESSION_TTL,
 * KENTONGAN_RESUME_WINDOW, KENTONGAN_BACKEND_TIMEOUT, KENTONGAN_SANDBOX_DELAY, KENTONGAN_MENUS_DIR, KENTONGAN_CORE_URL,
 * KENTONGAN_CORE_TIMEOUT, KENTONGAN_PAYMENT_URL, KENTONGAN_PAYMENT_TIMEOUT, KENTONGAN_PAYMENT_PROVIDER,
 * KENTONGAN_PAYMENT_SECRET, KENTONGAN_CIRCUIT_MAX_FAILURES, KENTONGAN_CIRCUIT_RESET, KENTONGAN_STATUS_CACHE_TTL,
 * KENTONGAN_SMSC (smpp://systemId:password@host:port), KENTONGAN_SMS_NAMESPACE, KENTONGAN_SMS_PATIENCE,
 * KENTONGAN_SMS_RECLAIM_IDLE, KENTONGAN_SMS_SHARDS.
 */
public final class ConfigLoader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private ConfigLoader() {}

    public static KentonganConfig load(Optional<Path> file, Map<String, String> env) throws IOException {
        Map<String, Object> y = Map.of();
        if (file.isPresent()) {
            Object parsed = new Yaml(new LoaderOptions()).load(Files.readString(file.get()));
            if (parsed != null && !(parsed instanceof Map)) throw new IllegalArgumentException(file.get() + " is not a YAML mapping");
            if (parsed != null) y = cast(parsed);
        }
        // Settings this build no longer reads: refused by name, rather than ignored while the keys go elsewhere.
        for (String[] gone : new String[][]{{"KENTONGAN_SMS_NAMESPACE", "sms.namespace"},
                {"KENTONGAN_OUTREACH_NAMESPACE", "outreach.namespace"}, {"KENTONGAN_SANDBOX_NAMESPACE", "backend.sandboxNamespace"}}) {
            if (pick(env, gone[0], y, gone[1], null) != null) {
                throw new IllegalArgumentException("invalid configuration: " + gone[1] + " (" + gone[0] + ") is gone: every key is under "
                        + "redis.namespace (KENTONGAN_REDIS_NAMESPACE, default kt)");
            }
        }
        KentonganConfig d = KentonganConfig.defaults();
        String host = pick(env, "KENTONGAN_HTTP_HOST", y, "http.host", d.httpHost());
        int port = number("http.port (KENTONGAN_HTTP_PORT)", pick(env, "KENTONGAN_HTTP_PORT", y, "http.port", Integer.toString(d.httpPort())), 0, 65535);
        String redis = pick(env, "KENTONGAN_REDIS_URL", y, "redis.url", null);
        return new KentonganConfig(host, port,
                Optional.ofNullable(redis).filter(s -> !s.isBlank()),
                duration("redis.timeout", pick(env, "KENTONGAN_REDIS_TIMEOUT", y, "redis.timeout", null), d.redisTimeout()),
                duration("session.ttl", pick(env, "KENTONGAN_SESSION_TTL", y, "session.ttl", null), d.sessionTtl()),
                duration("session.resumeWindow", pick(env, "KENTONGAN_RESUME_WINDOW", y, "session.resumeWindow", null), d.resumeWindow()),
                duration("backend.timeout", pick(env, "KENTONGAN_BACKEND_TIMEOUT", y, "backend.timeout", null), d.backendTimeout()),
                duration("backend.sandboxDelay", pick(env, "KENTONGAN_SANDBOX_DELAY", y, "backend.sandboxDelay", null), d.sandboxDelay()),
                Path.of(pick(env, "KENTONGAN_MENUS_DIR", y, "menus.dir", d.menusDir().toString())),
                duration("menus.pollInterval", pick(env, "KENTONGAN_MENU_POLL", y, "menus.pollInterval", null), d.menuPollInterval()),
                ZoneId.of(pick(env, "KENTONGAN_TIMEZONE", y, "timezone", d.zone().getId())),
                backends(env, y),
                sms(env, y),
                outreach(env, y),
                pick(env, "KENTONGAN_REDIS_NAMESPACE", y, "redis.namespace", d.redisNamespace()),
                limits(env, y),
                Optional.ofNullable(pick(env, "KENTONGAN_DATA_KEY", y, "security.dataKey", null)).filter(k -> !k.isBlank())
                        .map(DataKey::of).orElseGet(DataKey::random));
    }

    private static Limits limits(Map<String, String> env, Map<String, Object> y) {
        Limits d = Limits.defaults();
        return d.with(count(env, y, "HOPS_PER_MINUTE", "hopsPerMinute", d.hops().max()),
                count(env, y, "NIK_LOOKUPS_PER_DAY", "nikLookupsPerDay", d.nikLookups().max()),
                count(env, y, "AGENT_NIK_LOOKUPS_PER_DAY", "agentNikLookupsPerDay", d.agentNikLookups().max()),
                count(env, y, "MO_PER_MINUTE", "moPerMinute", d.moSms().max()),
                count(env, y, "ADMIN_SIGN_IN_FAILURES", "adminSignInFailures", d.adminSignIns().max()))
                .withHttp(count(env, y, "HTTP_CONNECTIONS", "httpConnections", d.httpConnections()),
                        duration("limits.httpHeaderTimeout", pick(env, "KENTONGAN_LIMIT_HTTP_HEADER_TIMEOUT", y, "limits.httpHeaderTimeout", null), d.httpHeaderTimeout()),
                        duration("limits.httpIdleTimeout", pick(env, "KENTONGAN_LIMIT_HTTP_IDLE_TIMEOUT", y, "limits.httpIdleTimeout", null), d.httpIdleTimeout()))
                .withHopsInFlight(count(env, y, "HOPS_IN_FLIGHT", "hopsInFlight", d.hopsInFlight()))
                .withLoopLag(duration("limits.loopLag", pick(env, "KENTONGAN_LIMIT_LOOP_LAG", y, "limits.loopLag", null), d.loopLag()))
                .withEventLoops(count(env, y, "EVENT_LOOPS", "eventLoops", d.eventLoops()));
    }

    /** A whole number within [min, max], or one line that names the setting and says what it takes. */
    static int number(String setting, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid configuration: " + setting + " must be a whole number from " + min + " to " + max
                + ", was \"" + value + "\"");
    }

    private static int count(Map<String, String> env, Map<String, Object> y, String variable, String key, int fallback) {
        String v = pick(env, "KENTONGAN_LIMIT_" + variable, y, "limits." + key, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid configuration: limits." + key + " must be a whole number of at least 1, was " + v);
    }

    private static Outreach outreach(Map<String, String> env, Map<String, Object> y) {
        Outreach d = Outreach.defaults();
        String token = pick(env, "KENTONGAN_ADMIN_TOKEN_SHA256", y, "admin.tokenSha256", null);
        return new Outreach(java.time.LocalTime.parse(pick(env, "KENTONGAN_QUIET_FROM", y, "outreach.quietFrom", d.quietFrom().toString())),
                java.time.LocalTime.parse(pick(env, "KENTONGAN_QUIET_UNTIL", y, "outreach.quietUntil", d.quietUntil().toString())),
                pick(env, "KENTONGAN_USSD_CODE", y, "outreach.ussdCode", d.ussdCode()),
                java.time.LocalTime.parse(pick(env, "KENTONGAN_REMINDER_SCAN_AT", y, "outreach.scanAt", d.scanAt().toString())),
                Boolean.parseBoolean(pick(env, "KENTONGAN_OUTREACH_AUTO", y, "outreach.auto", "true")),
                Optional.ofNullable(token).filter(t -> !t.isBlank()).map(t -> t.strip().toLowerCase(java.util.Locale.ROOT)),
                AdminAccess.Token.parseAll(pick(env, "KENTONGAN_ADMIN_TOKENS", y, "admin.tokens", null)));
    }

    private static Sms sms(Map<String, String> env, Map<String, Object> y) {
        Sms d = Sms.embedded();
        String smsc = pick(env, "KENTONGAN_SMSC", y, "sms.smsc", null);
        return new Sms(Optional.ofNullable(smsc).filter(s -> !s.isBlank()).map(SmscConfig::parse),
                duration("sms.patience", pick(env, "KENTONGAN_SMS_PATIENCE", y, "sms.patience", null), d.patience()),
                duration("sms.reclaimIdle", pick(env, "KENTONGAN_SMS_RECLAIM_IDLE", y, "sms.reclaimIdle", null), d.reclaimIdle()),
                number("sms.outboxShards (KENTONGAN_SMS_SHARDS)", pick(env, "KENTONGAN_SMS_SHARDS", y, "sms.outboxShards",
                        Integer.toString(d.outboxShards())), 1, 256));
    }

    private static Backends backends(Map<String, String> env, Map<String, Object> y) {
        Backends d = Backends.sandbox();
        String core = pick(env, "KENTONGAN_CORE_URL", y, "core.url", null);
        String pay = pick(env, "KENTONGAN_PAYMENT_URL", y, "payment.url", null);
        return new Backends(
                Optional.ofNullable(core).filter(s -> !s.isBlank()).map(java.net.URI::create),
                duration("core.timeout", pick(env, "KENTONGAN_CORE_TIMEOUT", y, "core.timeout", null), d.coreTimeout()),
                Optional.ofNullable(pay).filter(s -> !s.isBlank()).map(java.net.URI::create),
                duration("payment.timeout", pick(env, "KENTONGAN_PAYMENT_TIMEOUT", y, "payment.timeout", null), d.paymentTimeout()),
                pick(env, "KENTONGAN_PAYMENT_PROVIDER", y, "payment.provider", pay == null ? d.paymentProvider() : "contract"),
                pick(env, "KENTONGAN_PAYMENT_SECRET", y, "payment.callbackSecret", pay == null ? d.paymentSecret() : null),
                number("backend.circuitMaxFailures (KENTONGAN_CIRCUIT_MAX_FAILURES)", pick(env, "KENTONGAN_CIRCUIT_MAX_FAILURES", y,
                        "backend.circuitMaxFailures", Integer.toString(d.circuitMaxFailures())), 1, 1_000_000),
                duration("backend.circuitReset", pick(env, "KENTONGAN_CIRCUIT_RESET", y, "backend.circuitReset", null), d.circuitReset()),
                duration("backend.statusCacheTtl", pick(env, "KENTONGAN_STATUS_CACHE_TTL", y, "backend.statusCacheTtl", null),
                        d.statusCacheTtl()),
                pick(env, "KENTONGAN_PAYMENT_CLIENT_ID", y, "payment.clientId", ""),
                pick(env, "KENTONGAN_PAYMENT_CHANNEL", y, "payment.channel", ""));
    }

    /** {@code 180}, {@code 180s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT3M}). */
    public static Duration duration(String name, String raw, Duration fallback) {
        if (raw == null) return fallback;
        String s = raw.strip();
        if (s.startsWith("P") || s.startsWith("p")) return Duration.parse(s.toUpperCase());
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException(name + " must be a duration like 180s, 5m or PT3M, was '" + raw + "'");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String pick(Map<String, String> env, String var, Map<String, Object> yaml, String path, String fallback) {
        String v = env.get(var);
        if (v != null && !v.isBlank()) return v.strip();
        Object node = yaml;
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(part) : null;
        }
        return node == null ? fallback : node.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
