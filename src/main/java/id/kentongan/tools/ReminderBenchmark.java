package id.kentongan.tools;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MemberJson;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.metrics.Meters;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.OutboxSmsSender;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.outbox.SmsSender;
import id.kentongan.reminder.QuietHours;
import id.kentongan.reminder.Reminders;
import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.Utf8Codec;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time and Redis memory to plan reminders for N members ({@code kentongan bench-reminders}): seeds N sandbox members
 * straight into an empty Redis database, reads the whole member list once as the daily reading does, and reports the
 * time, the members read per second and the memory the schedule takes. Refuses a database that is not empty, and
 * empties it again at the end. A quarter of the members have cover ending this month (three reminders planned each),
 * a quarter lapsed last month (one), a quarter paid ahead and a quarter never paid (none).
 */
public final class ReminderBenchmark {
    private ReminderBenchmark() {}

    public static int run(String redisUrl, int count, PrintStream out) throws Exception {
        return run(redisUrl, count, false, out);
    }

    /** With {@code send}: every member lapsed last month and owes one reminder now; all are sent, through the outbox, to a simulator. */
    public static int run(String redisUrl, int count, boolean send, PrintStream out) throws Exception {
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> c = client.connect(Utf8Codec.INSTANCE)) {
            if (c.sync().dbsize() > 0) {
                out.println("bench-reminders: " + redisUrl + " is not empty; give it an empty database, e.g. redis://127.0.0.1:6379/15");
                return 2;
            }
            try {
                return measure(redisUrl, c, count, send, out);
            } finally {
                c.sync().flushdb(); // it was empty when we began
            }
        } finally {
            client.shutdown();
        }
    }

    private static int measure(String redisUrl, StatefulRedisConnection<String, String> c, int count, boolean send, PrintStream out)
            throws Exception {
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, wib).toInstant(), wib);
        Keyspace keys = new Keyspace("bench");
        long before = usedMemory(c);
        long t0 = System.nanoTime();
        seed(c, keys, count, YearMonth.of(2026, 11), send);
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long seeded = usedMemory(c);
        out.printf("seeded %,d sandbox members in %.1f s (%,d bytes of Redis: the stand-in core system, not Kentongan's)%n",
                count, seedSeconds, seeded - before);

        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, redisUrl, Duration.ofSeconds(10), keys);
        try {
            SandboxMembershipService sandbox = SandboxMembershipService.open(vertx, store, clock, Duration.ZERO)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (send) return planAndSend(redisUrl, vertx, c, keys, sandbox, wib, clock, seeded, out);
            SmsSender notSending = new SmsSender() {
                @Override
                public Future<Void> send(String key, Msisdn to, String text) {
                    return Future.failedFuture("not sending");
                }

                @Override
                public Future<Void> sendStoppable(String key, Msisdn to, String text) {
                    return Future.failedFuture("not sending");
                }

                @Override
                public Future<Void> sendAll(List<OutboundSms> batch) {
                    return Future.failedFuture("not sending");
                }
            };
            Reminders reminders = new Reminders(c::sync, keys, sandbox, notSending,
                    QuietHours.standard(wib), "*567#", clock, m -> Future.succeededFuture());
            long t1 = System.nanoTime();
            Reminders.ScanReport r = reminders.scan();
            double seconds = (System.nanoTime() - t1) / 1e9;
            long after = usedMemory(c);
            Long zset = c.sync().memoryUsage(keys.remindersDue());
            out.printf("read %,d members and planned %,d reminders in %.1f s (%,.0f members/s)%n", r.members(), r.planned(), seconds,
                    r.members() / seconds);
            out.printf("schedule in Redis: %,d bytes used_memory growth, MEMORY USAGE of the due set %,d bytes (%.0f bytes per planned reminder)%n",
                    after - seeded, zset == null ? 0 : zset, zset == null || r.planned() == 0 ? 0.0 : (double) zset / r.planned());
            return r.planned() > 0 ? 0 : 1;
        } finally {
            store.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Plans, then sends every reminder due now: claimed in batches, the members looked up, handed to the Redis outbox,
     * drained over SMPP (2 binds, window 100 each) into the simulator. Timed from the start of the reading to the last
     * submit_sm the simulator accepted.
     */
    private static int planAndSend(String redisUrl, Vertx vertx, StatefulRedisConnection<String, String> c, Keyspace keys,
                                   SandboxMembershipService sandbox, ZoneId wib, Clock clock, long seeded, PrintStream out) throws Exception {
        Redis redis = new Redis(redisUrl, Duration.ofSeconds(10));
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            SmscConfig config = SmscConfig.parse("smpp://kentongan:sim@127.0.0.1:" + sim.port()
                    + "?binds=2&window=100&rate=10000000&receipts=false&keyTlv=true");
            SmsChannel channel = SmsChannel.open(vertx, java.util.Optional.of(redis), keys,
                    java.util.Optional.of(config), Duration.ofSeconds(30), Duration.ofSeconds(90), clock);
            try {
                channel.start(new SmscClient.Inbound() {
                    @Override
                    public void receipt(String messageId, String state) {}

                    @Override
                    public void mo(String from, String to, String text) {}

                    @Override
                    public void ussd(SmscClient.UssdHop hop) {}
                });
                Reminders reminders = new Reminders(c::sync, keys, sandbox,
                        new OutboxSmsSender(channel.outbox(), new Meters()),
                        QuietHours.standard(wib), "*567#", clock, m -> Future.succeededFuture());
                long commandsBefore = SmsLoadTest.commands(c.sync());
                long t1 = System.nanoTime();
                Reminders.ScanReport r = reminders.scan();
                double planned = (System.nanoTime() - t1) / 1e9;
                long dueNow = c.sync().zcount(keys.remindersDue(), io.lettuce.core.Range.create(0, clock.millis()));
                out.printf("read %,d members and planned %,d reminders in %.1f s; %,d of them due now%n", r.members(), r.planned(), planned, dueNow);
                java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
                long queued = reminders.dispatchAll(4, threads);
                threads.shutdown();
                double handed = (System.nanoTime() - t1) / 1e9;
                out.printf("  all %,d queued in the outbox %.1f s from the start%n", queued, handed);
                while (sim.acceptedCount() < queued) {
                    Thread.sleep(20);
                    if (System.nanoTime() - t1 > Duration.ofMinutes(10).toNanos()) throw new IllegalStateException("gave up: " + sim.acceptedCount());
                }
                double all = (System.nanoTime() - t1) / 1e9;
                long commands = SmsLoadTest.commands(c.sync()) - commandsBefore;
                out.printf("planned and handed to the SMSC: %,d reminders in %.1f s from the start of the reading (%,.0f/s); "
                                + "%.2f Redis commands per reminder (the sandbox core system's look-ups included)%n",
                        queued, all, queued / all, (double) commands / Math.max(1, queued));
                return queued == dueNow ? 0 : 1;
            } finally {
                channel.close();
                redis.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Sandbox members in the sandbox's own key layout, written pipelined. */
    private static void seed(StatefulRedisConnection<String, String> c, Keyspace keys, int count, YearMonth thisMonth, boolean allOwe) {
        RedisAsyncCommands<String, String> a = c.async();
        c.setAutoFlushCommands(false);
        try {
            List<RedisFuture<?>> pending = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int day = 1 + n % 28;
                int month = 1 + (n / 28) % 12;
                String nik = String.format("35%02d%02d%02d%02d85%04d", 1 + (n / 336) % 99, 1 + (n / 33_264) % 99, day, month, 1 + n % 9999);
                YearMonth paid = switch (allOwe ? 1 : n % 4) { // allOwe: every one lapsed last month (one reminder each, due now)
                    case 0 -> thisMonth;
                    case 1 -> thisMonth.minusMonths(1);
                    case 2 -> thisMonth.plusMonths(4);
                    default -> null;
                };
                Member m = new Member(Long.toString(29_000_000_000L + n), new Nik(nik), "PEKERJA " + n,
                        new Msisdn(String.format("62857%08d", n)), Occupation.values()[n % Occupation.values().length],
                        new ContributionPlan(1_000_000), LocalDate.of(2026, 5, 1), paid);
                pending.add(a.set(keys.sandboxMember(nik), MemberJson.encode(m).encode()));
                pending.add(a.set(keys.sandboxByMsisdn(m.msisdn()), nik));
                pending.add(a.set(keys.sandboxByKpj(m.kpj()), nik));
                pending.add(a.set(keys.sandboxInFeed(nik), "1"));
                pending.add(a.set(keys.sandboxFeed(n + 1), nik));
                if (pending.size() >= 20_000) {
                    c.flushCommands();
                    LettuceFutures.awaitAll(Duration.ofMinutes(1), pending.toArray(new RedisFuture[0]));
                    pending.clear();
                }
            }
            pending.add(a.set(keys.sandboxFeedLength(), Integer.toString(count)));
            c.flushCommands();
            LettuceFutures.awaitAll(Duration.ofMinutes(1), pending.toArray(new RedisFuture[0]));
        } finally {
            c.setAutoFlushCommands(true);
        }
    }

    private static long usedMemory(StatefulRedisConnection<String, String> c) {
        for (String line : c.sync().info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) return Long.parseLong(line.substring("used_memory:".length()).strip());
        }
        return -1;
    }
}
