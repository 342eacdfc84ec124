package id.kentongan.reminder;

import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Blocking;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Script;
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
 * one sorted set ({@code Keyspace.remindersDue()}, scored by when it may be sent) under an id that is the same whoever plans it
 * ({@code msisdn|kpj|paidThrough|event}), so reading the list twice, or on two instances, plans it once. Sending claims
 * due ids atomically into {@code remindersClaimed()} with a lease; a claim whose instance died is put back when its lease
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

    public record ScanReport(boolean ran, long members, long planned) {}

    private final java.util.function.Supplier<RedisCommands<String, String>> connection;
    private final Keyspace keys;
    private final MembershipService members;
    private final SmsSender sms;
    private final ReminderPlan plan;
    private final ReminderTexts texts;
    private final QuietHours quiet;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    /** {@code redis} connects on first use (the service starts while Redis is down, like its sessions do). */
    public Reminders(java.util.function.Supplier<RedisCommands<String, String>> redis, Keyspace keys, MembershipService members, SmsSender sms,
                     QuietHours quiet, String ussdCode, Clock clock) {
        this.connection = redis;
        this.keys = keys;
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
        String lock = keys.reminderScan("lock");
        if (!"OK".equals(redis.set(lock, owner, SetArgs.Builder.nx().px(SCAN_LOCK.toMillis())))) {
            return new ScanReport(false, 0, 0);
        }
        long read = 0;
        long planned = 0;
        try {
            String cursor = redis.get(keys.reminderScan("cursor"));
            do {
                MembershipService.MemberPage page = Blocking.await(members.members(cursor, PAGE));
                Instant now = clock.instant();
                List<ScoredValue<String>> owed = new ArrayList<>();
                for (Member m : page.members()) {
                    for (ReminderPlan.Planned p : plan.plan(m, now)) owed.add(ScoredValue.just(p.at().toEpochMilli(), id(p)));
                }
                @SuppressWarnings("unchecked")
                ScoredValue<String>[] values = owed.toArray(new ScoredValue[0]);
                if (values.length > 0) planned += redis.zadd(keys.remindersDue(), ZAddArgs.Builder.nx(), values);
                read += page.members().size();
                cursor = page.next().orElse(null);
                if (cursor != null) redis.set(keys.reminderScan("cursor"), cursor);
                if (!owner.equals(redis.get(lock))) throw new IllegalStateException("lost the reading lock");
                redis.pexpire(lock, SCAN_LOCK.toMillis());
            } while (cursor != null);
            redis.del(keys.reminderScan("cursor"));
            redis.set(keys.reminderScan("last"), clock.instant().toString());
            log.info("member list read: {} members, {} reminders newly planned", read, planned);
            return new ScanReport(true, read, planned);
        } finally {
            if (owner.equals(redis.get(lock))) redis.del(lock);
        }
    }

    /** When the member list was last read to the end, if ever. */
    public Optional<Instant> lastScan() {
        RedisCommands<String, String> redis = connection.get();
        return Optional.ofNullable(redis.get(keys.reminderScan("last"))).map(Instant::parse);
    }

    /** Sends what is due now (up to {@code max}); returns how many reminders were queued for sending. */
    public int dispatch(int max) {
        RedisCommands<String, String> redis = connection.get();
        Instant now = clock.instant();
        Script.REMINDERS_RECLAIM.run(redis, ScriptOutputType.INTEGER, new String[]{keys.remindersDue(), keys.remindersClaimed()}, Long.toString(now.toEpochMilli()));
        if (quiet.quiet(now)) return 0;
        List<String> ids = Script.REMINDERS_CLAIM.run(redis, ScriptOutputType.MULTI, new String[]{keys.remindersDue(), keys.remindersClaimed()},
                Long.toString(now.toEpochMilli()), Integer.toString(max), Long.toString(now.plus(LEASE).toEpochMilli()));
        int queued = 0;
        for (String id : ids) {
            try {
                if (send(id, now)) queued++;
                redis.zrem(keys.remindersClaimed(), id);
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
        if (redis.exists(keys.reminderDone(key)) > 0) return false;
        Optional<Member> member = Blocking.await(members.findByMsisdn(new Msisdn(msisdn)));
        // Paid (or changed) since it was planned: this reminder is moot; the next reading plans what is owed now.
        if (member.isEmpty() || !member.get().kpj().equals(kpj) || member.get().paidThrough() == null
                || !member.get().paidThrough().toString().equals(paidThrough)) {
            return false;
        }
        Optional<ReminderPlan.Planned> still = plan.plan(member.get(), now).stream().filter(x -> id(x).equals(id)).findFirst();
        if (still.isEmpty()) return false; // superseded by a later event
        if (still.get().at().isAfter(now)) { // not yet (planned early, e.g. the clock moved back): wait for its time
            redis.zadd(keys.remindersDue(), ZAddArgs.Builder.nx(), still.get().at().toEpochMilli(), id);
            return false;
        }
        Blocking.await(sms.sendStoppable(key, member.get().msisdn(), texts.text(still.get())));
        redis.set(keys.reminderDone(key), now.toString(), SetArgs.Builder.ex(DONE_KEPT.toSeconds()));
        log.info("reminder {} queued for {}", event, member.get().msisdn().masked());
        return true;
    }

    /** Reminders planned and not yet sent. */
    public long pending() {
        RedisCommands<String, String> redis = connection.get();
        return redis.zcard(keys.remindersDue()) + redis.zcard(keys.remindersClaimed());
    }

    static String id(ReminderPlan.Planned p) {
        return p.member().msisdn().value() + "|" + p.member().kpj() + "|" + p.member().paidThrough() + "|" + p.event();
    }

    private static String masked(String id) {
        int bar = id.indexOf('|');
        return bar < 0 ? id : new Msisdn(id.substring(0, bar)).masked() + id.substring(bar);
    }
}
