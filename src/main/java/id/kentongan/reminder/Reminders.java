package id.kentongan.reminder;

import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Blocking;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Script;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
    /** Months of done markers read: 150 days back. */
    private static final int DONE_MONTHS = 5;
    private static final int PAGE = 1000;
    /**
     * How long one reading of the member list answers for: it writes the text of every reminder due within this time,
     * and sending trusts it (no second look-up of each member) while it is this young. Read daily, so a day and some.
     */
    static final Duration READING_ANSWERS = Duration.ofHours(30);

    public record ScanReport(boolean ran, long members, long planned) {}

    private final java.util.function.Supplier<RedisClusterCommands<String, String>> connection;
    private final Keyspace keys;
    private final MembershipService members;
    private final SmsSender sms;
    private final ReminderPlan plan;
    private final ReminderTexts texts;
    private final QuietHours quiet;
    private final Clock clock;
    private final Function<Member, Future<Void>> seen;
    private final String owner = UUID.randomUUID().toString();

    /**
     * {@code redis} connects on first use (the service starts while Redis is down, like its sessions do). {@code seen}
     * hears of every member the reading passes (the participation figures take the month paid through from it).
     */
    public Reminders(java.util.function.Supplier<RedisClusterCommands<String, String>> redis, Keyspace keys, MembershipService members, SmsSender sms,
                     QuietHours quiet, String ussdCode, Clock clock, Function<Member, Future<Void>> seen) {
        this.seen = seen;
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
        RedisClusterCommands<String, String> redis = connection.get();
        String lock = keys.reminderScan("lock");
        if (!"OK".equals(redis.set(lock, owner, SetArgs.Builder.nx().px(SCAN_LOCK.toMillis())))) {
            return new ScanReport(false, 0, 0);
        }
        long read = 0;
        long planned = 0;
        try {
            String cursor = redis.get(keys.reminderScan("cursor"));
            // The texts this reading writes: continued with its cursor by whoever takes over a reading that died.
            String saying = redis.get(keys.reminderScan("saying"));
            if (saying == null || cursor == null) {
                saying = keys.remindersSaid(clock.millis());
                redis.set(keys.reminderScan("saying"), saying);
            }
            do {
                MembershipService.MemberPage page = Blocking.await(members.members(cursor, PAGE));
                Instant now = clock.instant();
                List<ScoredValue<String>> owed = new ArrayList<>();
                Map<String, String> said = new java.util.HashMap<>();
                List<ReminderPlan.Planned> soon = new ArrayList<>();
                for (Member m : page.members()) {
                    for (ReminderPlan.Planned p : plan.plan(m, now)) {
                        owed.add(ScoredValue.just(p.at().toEpochMilli(), id(p)));
                        if (p.at().isBefore(now.plus(READING_ANSWERS))) soon.add(p);
                    }
                }
                // Written in each phone's language: read only for the few with a reminder due before the next reading.
                Map<String, String> language = languages(redis, soon.stream().map(p -> p.member().msisdn()).toList());
                for (ReminderPlan.Planned p : soon) said.put(id(p), texts.text(p, language.get(p.member().msisdn().value())));
                @SuppressWarnings("unchecked")
                ScoredValue<String>[] values = owed.toArray(new ScoredValue[0]);
                if (values.length > 0) planned += redis.zadd(keys.remindersDue(), ZAddArgs.Builder.nx(), values);
                if (!said.isEmpty()) {
                    redis.hset(saying, said);
                    redis.pexpire(saying, READING_ANSWERS.plusHours(6).toMillis());
                }
                Blocking.await(Future.all(page.members().stream().map(seen).toList()));
                read += page.members().size();
                cursor = page.next().orElse(null);
                if (cursor != null) redis.set(keys.reminderScan("cursor"), cursor);
                if (!owner.equals(redis.get(lock))) throw new IllegalStateException("lost the reading lock");
                redis.pexpire(lock, SCAN_LOCK.toMillis());
            } while (cursor != null);
            redis.del(keys.reminderScan("cursor"));
            // Sending now trusts this reading: a reminder it no longer plans (paid elsewhere since) is moot.
            redis.set(keys.reminderScan("said"), saying);
            redis.del(keys.reminderScan("saying"));
            redis.set(keys.reminderScan("last"), clock.instant().toString());
            log.info("member list read: {} members, {} reminders newly planned", read, planned);
            return new ScanReport(true, read, planned);
        } finally {
            if (owner.equals(redis.get(lock))) redis.del(lock);
        }
    }

    /** When the member list was last read to the end, if ever. */
    public Optional<Instant> lastScan() {
        RedisClusterCommands<String, String> redis = connection.get();
        return Optional.ofNullable(redis.get(keys.reminderScan("last"))).map(Instant::parse);
    }

    /** Reminders claimed and sent per round at most (the claim script's limit). */
    public static final int MAX_BATCH = 2_000;

    /**
     * Sends what is due now (up to {@code max}, at most {@link #MAX_BATCH}); returns how many reminders were queued for
     * sending. A batch at a time: one claim, one read of the done markers, the members looked up together, one
     * hand-over to the outbox, the done markers written together.
     */
    public int dispatch(int max) {
        RedisClusterCommands<String, String> redis = connection.get();
        Instant now = clock.instant();
        Script.REMINDERS_RECLAIM.run(redis, ScriptOutputType.INTEGER, new String[]{keys.remindersDue(), keys.remindersClaimed()}, Long.toString(now.toEpochMilli()));
        if (quiet.quiet(now)) return 0;
        List<String> ids = Script.REMINDERS_CLAIM.run(redis, ScriptOutputType.MULTI, new String[]{keys.remindersDue(), keys.remindersClaimed()},
                Long.toString(now.toEpochMilli()), Integer.toString(Math.min(max, MAX_BATCH)), Long.toString(now.plus(LEASE).toEpochMilli()));
        if (ids.isEmpty()) return 0;
        try {
            return send(redis, ids, now);
        } catch (RuntimeException e) {
            // Left claimed: put back and tried again when the lease ends (the outbox queues a key once).
            log.warn("{} reminders not sent now: {}", ids.size(), e.toString());
            return 0;
        }
    }

    /**
     * Sends everything due now, {@code parallel} batches at a time (each claim is atomic, so batches never overlap):
     * the member look-ups of one batch overlap the Redis round trips of another. Returns how many were queued.
     */
    public long dispatchAll(int parallel, java.util.concurrent.Executor threads) {
        java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(parallel);
        for (int i = 0; i < parallel; i++) {
            threads.execute(() -> {
                try {
                    int idle = 0; // rounds that queued nothing while some were due (all moot, or the core system failing)
                    while (idle < 3) {
                        int n = dispatch(MAX_BATCH);
                        queued.addAndGet(n);
                        if (n > 0) idle = 0;
                        else if (moreDue()) idle++;
                        else break;
                    }
                } catch (RuntimeException e) {
                    log.warn("sending reminders failed: {}", e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return queued.get();
    }

    /** Whether reminders are still due now (a batch can queue none, all moot, while more wait behind it). */
    private boolean moreDue() {
        Instant now = clock.instant();
        return !quiet.quiet(now) && connection.get().zcount(keys.remindersDue(), io.lettuce.core.Range.create(0, now.toEpochMilli())) > 0;
    }

    private int send(RedisClusterCommands<String, String> redis, List<String> ids, Instant now) {
        // Sent before? One read per month kept (a reminder is sent once, even after the outbox has forgotten its key).
        java.time.YearMonth month = java.time.YearMonth.from(now.atZone(quiet.zone()));
        Map<String, String> keyOf = new java.util.LinkedHashMap<>(); // reminder id -> outbox key, worked out once
        for (String id : ids) keyOf.put(id, key(id));
        String[] fields = keyOf.values().toArray(new String[0]);
        java.util.Set<String> done = new java.util.HashSet<>();
        for (int m = 0; m <= DONE_MONTHS; m++) {
            for (io.lettuce.core.KeyValue<String, String> kv : redis.hmget(keys.remindersDone(month.minusMonths(m).toString()), fields)) {
                if (kv.hasValue()) done.add(kv.getKey());
            }
        }
        List<String> open = ids.stream().filter(id -> !done.contains(keyOf.get(id))).toList();
        List<OutboundSms> messages = new ArrayList<>();
        List<ScoredValue<String>> notYet = new ArrayList<>();
        Optional<String> reading = freshReading(redis, now);
        if (reading.isPresent() && !open.isEmpty()) {
            // The last reading of the member list has what it takes: its texts, one read for the batch. A reminder it
            // does not hold is one it no longer plans (the member paid, or changed, since): moot.
            List<io.lettuce.core.KeyValue<String, String>> said = redis.hmget(reading.get(), open.toArray(new String[0]));
            for (int i = 0; i < open.size(); i++) {
                if (!said.get(i).hasValue()) continue;
                String id = open.get(i);
                messages.add(new OutboundSms(keyOf.get(id), id.substring(0, id.indexOf('|')), said.get(i).getValue(), true));
            }
        } else {
            lookUpAndWrite(redis, open, keyOf, now, messages, notYet);
        }
        if (!notYet.isEmpty()) {
            @SuppressWarnings("unchecked")
            ScoredValue<String>[] values = notYet.toArray(new ScoredValue[0]);
            redis.zadd(keys.remindersDue(), ZAddArgs.Builder.nx(), values);
        }
        Blocking.await(sms.sendAll(messages));
        // Done markers in one write, then the claims released.
        if (!messages.isEmpty()) {
            Map<String, String> marks = new java.util.HashMap<>();
            for (OutboundSms m : messages) marks.put(m.key(), now.toString());
            String doneKey = keys.remindersDone(month.toString());
            redis.hset(doneKey, marks);
            redis.expireat(doneKey, month.plusMonths(1).atDay(1).atStartOfDay(quiet.zone()).plus(DONE_KEPT).toEpochSecond());
        }
        redis.zrem(keys.remindersClaimed(), ids.toArray(new String[0]));
        if (!messages.isEmpty()) log.info("{} reminders queued ({} claimed)", messages.size(), ids.size());
        return messages.size();
    }

    /**
     * The name of the texts of the last complete reading of the member list, if it is young enough to answer for what
     * is due now.
     */
    private Optional<String> freshReading(RedisClusterCommands<String, String> redis, Instant now) {
        String said = redis.get(keys.reminderScan("said"));
        if (said == null) return Optional.empty();
        long at = Long.parseLong(said.substring(said.lastIndexOf(':') + 1));
        return now.toEpochMilli() - at < READING_ANSWERS.toMillis() ? Optional.of(said) : Optional.empty();
    }

    /** Without a young reading (it failed for a day): each member is looked up again and the text written from that. */
    private void lookUpAndWrite(RedisClusterCommands<String, String> redis, List<String> open, Map<String, String> keyOf, Instant now,
                                List<OutboundSms> messages, List<ScoredValue<String>> notYet) {
        List<Msisdn> phones = open.stream().map(id -> new Msisdn(id.substring(0, id.indexOf('|')))).toList();
        List<Optional<Member>> members = Blocking.await(this.members.findAllByMsisdn(phones));
        Map<String, String> language = languages(redis, phones);
        for (int i = 0; i < open.size(); i++) {
            String id = open.get(i);
            String[] p = id.split("\\|");
            Optional<Member> member = members.get(i);
            // Paid (or changed) since it was planned: this reminder is moot; the next reading plans what is owed now.
            if (member.isEmpty() || !member.get().kpj().equals(p[1]) || member.get().paidThrough() == null
                    || !member.get().paidThrough().toString().equals(p[2])) {
                continue;
            }
            Optional<ReminderPlan.Planned> still = plan.plan(member.get(), now).stream().filter(x -> id(x).equals(id)).findFirst();
            if (still.isEmpty()) continue; // superseded by a later event
            if (still.get().at().isAfter(now)) { // not yet (planned early, e.g. the clock moved back): wait for its time
                notYet.add(ScoredValue.just(still.get().at().toEpochMilli(), id));
                continue;
            }
            String to = member.get().msisdn().value();
            messages.add(new OutboundSms(keyOf.get(id), to, texts.text(still.get(), language.get(to)), true));
        }
    }

    private Map<String, String> languages(RedisClusterCommands<String, String> redis, List<Msisdn> phones) {
        return PhoneLanguage.ofAll(redis, keys, phones.stream().map(Msisdn::value).toList());
    }

    /** The outbox key of a reminder: the same reminder is sent once, whoever sends it. */
    private static String key(String id) {
        String[] p = id.split("\\|");
        return "rem:" + p[1] + ":" + p[2] + ":" + p[3];
    }

    /** Reminders planned and not yet sent. */
    public long pending() {
        RedisClusterCommands<String, String> redis = connection.get();
        return redis.zcard(keys.remindersDue()) + redis.zcard(keys.remindersClaimed());
    }

    static String id(ReminderPlan.Planned p) {
        return id(p.member().msisdn().value(), p.member().kpj(), p.member().paidThrough(), p.event());
    }

    static String id(String msisdn, String kpj, java.time.YearMonth paidThrough, DueEvent event) {
        return msisdn + "|" + kpj + "|" + paidThrough + "|" + event;
    }
}
