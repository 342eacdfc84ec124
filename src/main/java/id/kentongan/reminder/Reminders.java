package id.kentongan.reminder;

import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.domain.Msisdn;
import id.kentongan.outbox.SmsSender;

import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reminder schedule in Redis, shared by every instance. Reading the member list plans each owed reminder into
 * one sorted set ({@code <ns>:rem:due}, scored by when it may be sent) under an id that is the same whoever plans it
 * ({@code msisdn|kpj|paidThrough|event}), so reading the list twice, or on two instances, plans it once. Sending claims
 * due ids atomically into {@code <ns>:rem:claimed} with a lease; a claim whose instance died is put back when its lease
 * ends. Before sending, the member is looked up again (a payment since planning makes the reminder moot), the SMS is
 * queued under the key {@code rem:<kpj>:<paidThrough>:<event>} (the outbox sends a key once), and a done-marker keeps
 * it from being planned again. Opt-out is checked again by the SMS sender when the message leaves. Blocking calls:
 * run on a worker thread, never on an event loop.
 */
public final class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration SCAN_LOCK = Duration.ofMinutes(2);
    private static final Duration DONE_KEPT = Duration.ofDays(150);
    private static final int PAGE = 1000;
    /** Moves up to ARGV[2] ids due by ARGV[1] from the due set to the claimed set with lease ARGV[3]. */
    private static final String CLAIM = """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, id in ipairs(ids) do
              redis.call('ZREM', KEYS[1], id)
              redis.call('ZADD', KEYS[2], ARGV[3], id)
            end
            return ids""";
    /** Puts claims whose lease ended by ARGV[1] back into the due set, due at once. */
    private static final String RECLAIM = """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, 1000)
            for _, id in ipairs(ids) do
              redis.call('ZREM', KEYS[2], id)
              redis.call('ZADD', KEYS[1], 'NX', ARGV[1], id)
            end
            return #ids""";

    public record ScanReport(boolean ran, long members, long planned) {}

    private final java.util.function.Supplier<RedisCommands<String, String>> connection;
    private final String ns;
    private final MembershipService members;
    private final SmsSender sms;
    private final ReminderPlan plan;
    private final ReminderTexts texts;
    private final QuietHours quiet;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    /** {@code redis} connects on first use (the service starts while Redis is down, like its sessions do). */
    public Reminders(java.util.function.Supplier<RedisCommands<String, String>> redis, String namespace, MembershipService members, SmsSender sms,
                     QuietHours quiet, String ussdCode, Clock clock) {
        this.connection = redis;
        this.ns = namespace + ":rem:";
        this.members = members;
        this.sms = sms;
        this.plan = new ReminderPlan(quiet);
        this.texts = new ReminderTexts(ussdCode);
        this.quiet = quiet;
        this.clock = clock;
    }

    /**
     * Reads the whole member list once and plans what each member is owed. One instance reads at a time (a lock with
     * a lease); the cursor is kept in Redis after every page, so a reader that dies is continued, not restarted.
     */
    public ScanReport scan() {
        RedisCommands<String, String> redis = connection.get();
        String lock = ns + "scan:lock";
        if (!"OK".equals(redis.set(lock, owner, SetArgs.Builder.nx().px(SCAN_LOCK.toMillis())))) {
            return new ScanReport(false, 0, 0);
        }
        long read = 0;
        long planned = 0;
        try {
            String cursor = redis.get(ns + "scan:cursor");
            do {
                MembershipService.MemberPage page = members.members(cursor, PAGE).toCompletionStage().toCompletableFuture().join();
                Instant now = clock.instant();
                List<ScoredValue<String>> owed = new ArrayList<>();
                for (Member m : page.members()) {
                    for (ReminderPlan.Planned p : plan.plan(m, now)) owed.add(ScoredValue.just(p.at().toEpochMilli(), id(p)));
                }
                @SuppressWarnings("unchecked")
                ScoredValue<String>[] values = owed.toArray(new ScoredValue[0]);
                if (values.length > 0) planned += redis.zadd(ns + "due", ZAddArgs.Builder.nx(), values);
                read += page.members().size();
                cursor = page.next().orElse(null);
                if (cursor != null) redis.set(ns + "scan:cursor", cursor);
                if (!owner.equals(redis.get(lock))) throw new IllegalStateException("lost the reading lock");
                redis.pexpire(lock, SCAN_LOCK.toMillis());
            } while (cursor != null);
            redis.del(ns + "scan:cursor");
            redis.set(ns + "scan:last", clock.instant().toString());
            log.info("member list read: {} members, {} reminders newly planned", read, planned);
            return new ScanReport(true, read, planned);
        } finally {
            if (owner.equals(redis.get(lock))) redis.del(lock);
        }
    }

    /** When the member list was last read to the end, if ever. */
    public Optional<Instant> lastScan() {
        RedisCommands<String, String> redis = connection.get();
        return Optional.ofNullable(redis.get(ns + "scan:last")).map(Instant::parse);
    }

    /** Sends what is due now (up to {@code max}); returns how many reminders were queued for sending. */
    public int dispatch(int max) {
        RedisCommands<String, String> redis = connection.get();
        Instant now = clock.instant();
        redis.eval(RECLAIM, ScriptOutputType.INTEGER, new String[]{ns + "due", ns + "claimed"}, Long.toString(now.toEpochMilli()));
        if (quiet.quiet(now)) return 0;
        List<String> ids = redis.eval(CLAIM, ScriptOutputType.MULTI, new String[]{ns + "due", ns + "claimed"},
                Long.toString(now.toEpochMilli()), Integer.toString(max), Long.toString(now.plus(LEASE).toEpochMilli()));
        int queued = 0;
        for (String id : ids) {
            try {
                if (send(id, now)) queued++;
                redis.zrem(ns + "claimed", id);
            } catch (RuntimeException e) {
                // Left claimed: put back and tried again when the lease ends.
                log.warn("reminder {} not sent now: {}", masked(id), e.toString());
            }
        }
        return queued;
    }

    private boolean send(String id, Instant now) {
        RedisCommands<String, String> redis = connection.get();
        String[] p = id.split("\\|");
        String msisdn = p[0];
        String kpj = p[1];
        String paidThrough = p[2];
        String event = p[3];
        String key = "rem:" + kpj + ":" + paidThrough + ":" + event;
        if (redis.exists(ns + "done:" + key) > 0) return false;
        Optional<Member> member = members.findByMsisdn(new Msisdn(msisdn)).toCompletionStage().toCompletableFuture().join();
        // Paid (or changed) since it was planned: this reminder is moot; the next reading plans what is owed now.
        if (member.isEmpty() || !member.get().kpj().equals(kpj) || member.get().paidThrough() == null
                || !member.get().paidThrough().toString().equals(paidThrough)) {
            return false;
        }
        Optional<ReminderPlan.Planned> still = plan.plan(member.get(), now).stream().filter(x -> id(x).equals(id)).findFirst();
        if (still.isEmpty()) return false; // superseded by a later event
        if (still.get().at().isAfter(now)) { // not yet (planned early, e.g. the clock moved back): wait for its time
            redis.zadd(ns + "due", ZAddArgs.Builder.nx(), still.get().at().toEpochMilli(), id);
            return false;
        }
        sms.send(key, member.get().msisdn(), texts.text(still.get())).toCompletionStage().toCompletableFuture().join();
        redis.set(ns + "done:" + key, now.toString(), SetArgs.Builder.ex(DONE_KEPT.toSeconds()));
        log.info("reminder {} queued for {}", event, member.get().msisdn().masked());
        return true;
    }

    /** Reminders planned and not yet sent. */
    public long pending() {
        RedisCommands<String, String> redis = connection.get();
        return redis.zcard(ns + "due") + redis.zcard(ns + "claimed");
    }

    static String id(ReminderPlan.Planned p) {
        return p.member().msisdn().value() + "|" + p.member().kpj() + "|" + p.member().paidThrough() + "|" + p.event();
    }

    private static String masked(String id) {
        int bar = id.indexOf('|');
        return bar < 0 ? id : new Msisdn(id.substring(0, bar)).masked() + id.substring(bar);
    }
}
