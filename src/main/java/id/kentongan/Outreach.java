package id.kentongan;

import id.kentongan.admin.AdminAccess;
import id.kentongan.campaign.Campaigns;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.outbox.SmsSender;
import id.kentongan.reminder.QuietHours;
import id.kentongan.reminder.Reminders;
import id.kentongan.store.Redis;
import id.kentongan.text.Digest;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reminders, campaigns and the admin API. {@code auto} runs the daily
 * reading of the member list (at {@code scanAt}) and the sending every second — tests with a fixed clock turn it off
 * and step by hand. The admin API accepts a bearer token whose SHA-256 is {@code adminTokenSha256} (role admin; with
 * none set, the service makes one at start-up and prints it: demo mode), and {@code tokens}, each with its role.
 */
public record Outreach(LocalTime quietFrom, LocalTime quietUntil, String ussdCode, LocalTime scanAt, boolean auto,
                       Optional<String> adminTokenSha256, java.util.List<AdminAccess.Token> tokens) {
    public static Outreach defaults() {
        return new Outreach(LocalTime.of(21, 0), LocalTime.of(7, 0), "*567#", LocalTime.of(6, 0), true, Optional.empty());
    }

    public Outreach(LocalTime quietFrom, LocalTime quietUntil, String ussdCode, LocalTime scanAt, boolean auto,
                    Optional<String> adminTokenSha256) {
        this(quietFrom, quietUntil, ussdCode, scanAt, auto, adminTokenSha256, java.util.List.of());
    }

    public Outreach {
        tokens = java.util.List.copyOf(tokens);
        if (!ussdCode.matches("\\*[0-9*]{1,18}#")) throw new IllegalArgumentException("invalid configuration: outreach.ussdCode must look like *567#");
        if (adminTokenSha256.isPresent() && !adminTokenSha256.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid configuration: admin.tokenSha256 must be 64 lower-case hex digits");
        }
    }

    public Outreach withQuietHours(LocalTime from, LocalTime until) {
        return new Outreach(from, until, ussdCode, scanAt, auto, adminTokenSha256, tokens);
    }

    public Outreach manual(String tokenSha256) {
        return new Outreach(quietFrom, quietUntil, ussdCode, scanAt, false, Optional.of(tokenSha256), tokens);
    }

    /** More admin tokens, each with its role (viewer, editor, admin). */
    public Outreach withTokens(java.util.List<AdminAccess.Token> more) {
        return new Outreach(quietFrom, quietUntil, ussdCode, scanAt, auto, adminTokenSha256, more);
    }

    public QuietHours quietHours(java.time.ZoneId zone) {
        return new QuietHours(quietFrom, quietUntil, zone);
    }

    /**
     * Reminders (and campaigns) of one running instance: the instance's Redis client, one thread. With {@code auto}, the
     * member list is read once a day after {@code scanAt} (whichever instance gets there first) and due messages are
     * sent every second. Without Redis (demo mode) there is nothing to share the schedule through: off, and said so.
     */
    public static final class Running implements AutoCloseable {
        private static final Logger log = LoggerFactory.getLogger(Running.class);
        private final ScheduledExecutorService thread;
        private final Reminders reminders;
        private final Campaigns campaigns;
        private final String adminTokenSha256;
        private final java.util.concurrent.ExecutorService reminderThreads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "outreach-reminders");
            t.setDaemon(true);
            return t;
        });

        private Running(ScheduledExecutorService thread, Reminders reminders, Campaigns campaigns, String adminTokenSha256) {
            this.thread = thread;
            this.reminders = reminders;
            this.campaigns = campaigns;
            this.adminTokenSha256 = adminTokenSha256;
        }

        /** Works through the instance's Redis client ({@code redis}: its sync API, on the outreach thread only). */
        public static Running start(KentonganConfig config, Optional<Redis> redis, MembershipService members, SmsSender sms,
                                    SmsOutbox outbox, Clock clock, Function<Member, Future<Void>> seen) {
            Outreach o = config.outreach();
            String token = o.adminTokenSha256().orElseGet(() -> {
                // Demo mode: a token for this run only, shown to whoever started the service (never logged).
                String t = UUID.randomUUID().toString().replace("-", "");
                System.out.println("Admin API token for this run (set admin.tokenSha256 in production): " + t);
                return Digest.sha256Hex(t, 32);
            });
            if (redis.isEmpty()) {
                log.info("reminders and campaigns are off: they are scheduled in Redis (set KENTONGAN_REDIS_URL)");
                return new Running(null, null, null, token);
            }
            QuietHours quiet = o.quietHours(config.zone());
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outreach");
                t.setDaemon(true);
                return t;
            });
            Redis r = redis.get();
            Reminders reminders = new Reminders(r::sync, config.keyspace(), members, sms, quiet, o.ussdCode(), clock, seen);
            Campaigns campaigns = new Campaigns(r::sync, config.keyspace(), members, outbox, quiet, o.ussdCode(), clock);
            Running running = new Running(thread, reminders, campaigns, token);
            if (o.auto()) {
                // The morning's backlog (after quiet hours) goes out two batches at a time.
                thread.scheduleWithFixedDelay(() -> guard("sending reminders", () -> reminders.dispatchAll(2, running.reminderThreads)),
                        1, 1, TimeUnit.SECONDS);
                thread.scheduleWithFixedDelay(() -> guard("reading the member list", () -> {
                    ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.zone()));
                    boolean readToday = reminders.lastScan().map(t -> t.atZone(config.zone()).toLocalDate().equals(now.toLocalDate()))
                            .orElse(false);
                    if (!readToday && !now.toLocalTime().isBefore(o.scanAt())) reminders.scan();
                }), 5, 60, TimeUnit.SECONDS);
                thread.scheduleWithFixedDelay(() -> guard("working on campaigns", () -> {
                    // Full rounds (4 pages of 500): keep going, no cap, but yield to reminders at least every second.
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                    while (campaigns.tick(2_000) >= 2_000 && System.nanoTime() < until) {
                        // the next batch
                    }
                }), 500, 250, TimeUnit.MILLISECONDS);
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
            reminderThreads.shutdownNow();
            if (thread == null) return;
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
