package id.kentongan.tools;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MemberJson;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.outbox.SmsSender;
import id.kentongan.reminder.QuietHours;
import id.kentongan.reminder.Reminders;
import id.kentongan.store.Keyspace;
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
        RedisClient client = RedisClient.create(redisUrl);
        try (StatefulRedisConnection<String, String> c = client.connect(Utf8Codec.INSTANCE)) {
            if (c.sync().dbsize() > 0) {
                out.println("bench-reminders: " + redisUrl + " is not empty; give it an empty database, e.g. redis://127.0.0.1:6379/15");
                return 2;
            }
            try {
                return measure(redisUrl, c, count, out);
            } finally {
                c.sync().flushdb(); // it was empty when we began
            }
        } finally {
            client.shutdown();
        }
    }

    private static int measure(String redisUrl, StatefulRedisConnection<String, String> c, int count, PrintStream out) throws Exception {
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, wib).toInstant(), wib);
        Keyspace keys = new Keyspace("bench");
        long before = usedMemory(c);
        long t0 = System.nanoTime();
        seed(c, keys, count, YearMonth.of(2026, 11));
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        long seeded = usedMemory(c);
        out.printf("seeded %,d sandbox members in %.1f s (%,d bytes of Redis: the stand-in core system, not Kentongan's)%n",
                count, seedSeconds, seeded - before);

        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, redisUrl, Duration.ofSeconds(10), keys);
        try {
            SandboxMembershipService sandbox = SandboxMembershipService.open(vertx, store, clock, Duration.ZERO)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            SmsSender notSending = new SmsSender() {
                @Override
                public Future<Void> send(String key, Msisdn to, String text) {
                    return Future.failedFuture("not sending");
                }

                @Override
                public Future<Void> sendStoppable(String key, Msisdn to, String text) {
                    return Future.failedFuture("not sending");
                }
            };
            Reminders reminders = new Reminders(c::sync, keys, sandbox, notSending,
                    QuietHours.standard(wib), "*567#", clock);
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

    /** Sandbox members in the sandbox's own key layout, written pipelined. */
    private static void seed(StatefulRedisConnection<String, String> c, Keyspace keys, int count, YearMonth thisMonth) {
        RedisAsyncCommands<String, String> a = c.async();
        c.setAutoFlushCommands(false);
        try {
            List<RedisFuture<?>> pending = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int day = 1 + n % 28;
                int month = 1 + (n / 28) % 12;
                String nik = String.format("35%02d%02d%02d%02d85%04d", 1 + (n / 336) % 99, 1 + (n / 33_264) % 99, day, month, 1 + n % 9999);
                YearMonth paid = switch (n % 4) {
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
