package id.kentongan;

import id.kentongan.admin.AdminAccess;
import id.kentongan.campaign.Campaigns;
import id.kentongan.text.Digest;
import id.kentongan.member.MembershipService;
import id.kentongan.reminder.QuietHours;
import id.kentongan.reminder.Reminders;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Utf8Codec;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reminders, campaigns and the admin API. {@code namespace} prefixes their keys in Redis; {@code auto} runs the daily
 * reading of the member list (at {@code scanAt}) and the sending every second — tests with a fixed clock turn it off
 * and step by hand. The admin API accepts a bearer token whose SHA-256 is {@code adminTokenSha256} (role admin; with
 * none set, the service makes one at start-up and prints it: demo mode), and {@code tokens}, each with its role.
 */
public record Outreach(LocalTime quietFrom, LocalTime quietUntil, String ussdCode, LocalTime scanAt, boolean auto,
                       Optional<String> adminTokenSha256, String namespace, java.util.List<AdminAccess.Token> tokens) {
    public static Outreach defaults() {
        return new Outreach(LocalTime.of(21, 0), LocalTime.of(7, 0), "*567#", LocalTime.of(6, 0), true, Optional.empty(), "kt:out");
    }

    public Outreach(LocalTime quietFrom, LocalTime quietUntil, String ussdCode, LocalTime scanAt, boolean auto,
                    Optional<String> adminTokenSha256, String namespace) {
        this(quietFrom, quietUntil, ussdCode, scanAt, auto, adminTokenSha256, namespace, java.util.List.of());
    }

    public Outreach {
        tokens = java.util.List.copyOf(tokens);
        if (!namespace.matches("[A-Za-z0-9:_\\-{}]{1,64}")) throw new IllegalArgumentException("invalid configuration: outreach.namespace " + namespace);
        if (!ussdCode.matches("\\*[0-9*]{1,18}#")) throw new IllegalArgumentException("invalid configuration: outreach.ussdCode must look like *567#");
        if (adminTokenSha256.isPresent() && !adminTokenSha256.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid configuration: admin.tokenSha256 must be 64 lower-case hex digits");
        }
    }

    public Outreach withQuietHours(LocalTime from, LocalTime until) {
        return new Outreach(from, until, ussdCode, scanAt, auto, adminTokenSha256, namespace, tokens);
    }

    public Outreach manual(String ns, String tokenSha256) {
        return new Outreach(quietFrom, quietUntil, ussdCode, scanAt, false, Optional.of(tokenSha256), ns, tokens);
    }

    /** More admin tokens, each with its role (viewer, editor, admin). */
    public Outreach withTokens(java.util.List<AdminAccess.Token> more) {
        return new Outreach(quietFrom, quietUntil, ussdCode, scanAt, auto, adminTokenSha256, namespace, more);
    }

    public QuietHours quietHours(java.time.ZoneId zone) {
        return new QuietHours(quietFrom, quietUntil, zone);
    }

    /**
     * Reminders (and campaigns) of one running instance: one Redis connection, one thread. With {@code auto}, the
     * member list is read once a day after {@code scanAt} (whichever instance gets there first) and due messages are
     * sent every second. Without Redis (demo mode) there is nothing to share the schedule through: off, and said so.
     */
    public static final class Running implements AutoCloseable {
        private static final Logger log = LoggerFactory.getLogger(Running.class);
        private final RedisClient client;
        private volatile StatefulRedisConnection<String, String> connection;
        private final ScheduledExecutorService thread;
        private final Reminders reminders;
        private final Campaigns campaigns;
        private final String adminTokenSha256;

        private Running(RedisClient client, ScheduledExecutorService thread, java.util.function.Function<Running, Reminders> reminders,
                        java.util.function.Function<Running, Campaigns> campaigns, String adminTokenSha256) {
            this.client = client;
            this.thread = thread;
            this.reminders = reminders == null ? null : reminders.apply(this);
            this.campaigns = campaigns == null ? null : campaigns.apply(this);
            this.adminTokenSha256 = adminTokenSha256;
        }

        /** Connected on first use, from the outreach thread (or an admin request's worker): never on an event loop. */
        private synchronized io.lettuce.core.api.sync.RedisCommands<String, String> redis() {
            if (connection == null || !connection.isOpen()) connection = client.connect(Utf8Codec.INSTANCE);
            return connection.sync();
        }

        public static Running start(KentonganConfig config, MembershipService members, SmsSender sms,
                                    SmsOutbox outbox, Clock clock) {
            Outreach o = config.outreach();
            String token = o.adminTokenSha256().orElseGet(() -> {
                // Demo mode: a token for this run only, shown to whoever started the service (never logged).
                String t = UUID.randomUUID().toString().replace("-", "");
                System.out.println("Admin API token for this run (set admin.tokenSha256 in production): " + t);
                return Digest.sha256Hex(t, 32);
            });
            if (config.redisUrl().isEmpty()) {
                log.info("reminders and campaigns are off: they are scheduled in Redis (set KENTONGAN_REDIS_URL)");
                return new Running(null, null, null, null, token);
            }
            RedisClient client = RedisClient.create(config.redisUrl().get());
            QuietHours quiet = o.quietHours(config.zone());
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outreach");
                t.setDaemon(true);
                return t;
            });
            Running running = new Running(client, thread,
                    r -> new Reminders(r::redis, o.namespace(), members, sms, quiet, o.ussdCode(), clock),
                    r -> new Campaigns(r::redis, o.namespace(), members, outbox, quiet, o.ussdCode(), clock),
                    token);
            Reminders reminders = running.reminders;
            Campaigns campaigns = running.campaigns;
            if (o.auto()) {
                thread.scheduleWithFixedDelay(() -> guard("sending reminders", () -> {
                    while (reminders.dispatch(500) == 500) {
                        // a backlog (morning after quiet hours): keep going
                    }
                }), 1, 1, TimeUnit.SECONDS);
                thread.scheduleWithFixedDelay(() -> guard("reading the member list", () -> {
                    ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.zone()));
                    boolean readToday = reminders.lastScan().map(t -> t.atZone(config.zone()).toLocalDate().equals(now.toLocalDate()))
                            .orElse(false);
                    if (!readToday && !now.toLocalTime().isBefore(o.scanAt())) reminders.scan();
                }), 5, 60, TimeUnit.SECONDS);
                thread.scheduleWithFixedDelay(() -> guard("working on campaigns", () -> campaigns.tick(500)), 500, 250, TimeUnit.MILLISECONDS);
            }
            return running;
        }

        private static void guard(String what, Runnable work) {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}; tried again at the next tick", what, e.toString());
            }
        }

        public Optional<Reminders> reminders() {
            return Optional.ofNullable(reminders);
        }

        public Optional<Campaigns> campaigns() {
            return Optional.ofNullable(campaigns);
        }

        public String adminTokenSha256() {
            return adminTokenSha256;
        }

        @Override
        public void close() {
            if (thread == null) return;
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (connection != null) connection.close();
            client.shutdown();
        }
    }
}
