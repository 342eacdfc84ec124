package id.kentongan.campaign;

import id.kentongan.community.Groups;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.OutboxSender;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.reminder.QuietHours;
import id.kentongan.store.Blocking;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Script;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.ValueScanCursor;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Campaigns in Redis, worked on by every instance. A campaign is a hash ({@code Keyspace.campaign(id)}). When it starts, one
 * instance at a time (a lock with a lease, the cursor kept after every page) reads the member list and adds each
 * member the target picks to the campaign's set of numbers and, the first time only, to its stream of work; every
 * instance takes work from that stream through one consumer group, renders the message and hands it to the SMS outbox
 * under the key {@code camp:<id>:<msisdn>} (sent once, whatever happens), then acknowledges it. Work an instance took
 * and never acknowledged (it died) is claimed by another after {@link #CLAIM_IDLE}. Progress is counted from the
 * outbox's own record of each message, so it cannot drift from what was sent. Blocking: call from worker threads.
 */
public final class Campaigns {
    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);
    public static final Duration CLAIM_IDLE = Duration.ofSeconds(10);
    private static final Duration EXPAND_LOCK = Duration.ofSeconds(30);
    private static final String GROUP = "senders";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    public enum State { SCHEDULED, RUNNING, PAUSED, CANCELLED, COMPLETED }

    /**
     * {@code template} is the Bahasa Indonesia text; {@code translations} the same message in other languages (en, jv):
     * each worker gets the one in their phone's language, the Indonesian where there is none.
     */
    public record Campaign(String id, String name, CampaignTemplate template, Map<String, CampaignTemplate> translations, Target target,
                           Instant sendAt, Instant createdAt, State state, boolean expanded) {
        public JsonObject toJson() {
            JsonObject texts = new JsonObject().put("id", template.text());
            translations.forEach((lang, t) -> texts.put(lang, t.text()));
            return new JsonObject().put("id", id).put("name", name).put("text", template.text()).put("texts", texts).put("target", target.toJson())
                    .put("sendAt", sendAt.toString()).put("createdAt", createdAt.toString())
                    .put("state", state.name().toLowerCase(java.util.Locale.ROOT)).put("targetsComplete", expanded);
        }

        /** The template for a phone whose language is {@code language}. */
        CampaignTemplate in(String language) {
            return translations.getOrDefault(language, template);
        }

        Campaign with(State state, boolean expanded) {
            return new Campaign(id, name, template, translations, target, sendAt, createdAt, state, expanded);
        }
    }

    /** How many a target reaches: exact when {@code complete}, else at least {@code count} (the count ran out of time). */
    public record Audience(long count, boolean complete) {
        public JsonObject toJson() {
            return new JsonObject().put("count", count).put("complete", complete);
        }
    }

    /** Languages a campaign may be written in besides Bahasa Indonesia. */
    public static final Set<String> OTHER_LANGUAGES = Set.of("en", "jv");

    /**
     * Counts, each from the record of every message: targeted (numbers picked), queued (handed to the SMS outbox),
     * submitted (accepted by the SMSC), delivered (receipt DELIVRD), failed (refused, or a failed receipt), optedOut
     * (withheld at sending because the worker sent STOP).
     */
    public record Progress(long targeted, long queued, long submitted, long delivered, long failed, long optedOut) {
        public JsonObject toJson() {
            return new JsonObject().put("targeted", targeted).put("queued", queued).put("submitted", submitted)
                    .put("delivered", delivered).put("failed", failed).put("optedOut", optedOut);
        }
    }

    private final Supplier<RedisClusterCommands<String, String>> connection;
    private final Keyspace keys;
    private final MembershipService members;
    private final SmsOutbox outbox;
    private final QuietHours quiet;
    private final String ussdCode;
    private final Clock clock;
    private final String consumer = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Long> lastClaim = new HashMap<>();
    /** Campaigns being worked on by this instance's outreach thread (only it touches this). */
    private final Map<String, Campaign> definitions = new HashMap<>();
    /** Targets added, and messages queued, per round trip to Redis. */
    private static final int PAGE = 500;

    public Campaigns(Supplier<RedisClusterCommands<String, String>> redis, Keyspace keys, MembershipService members, SmsOutbox outbox,
                     QuietHours quiet, String ussdCode, Clock clock) {
        this.connection = redis;
        this.keys = keys;
        this.members = members;
        this.outbox = outbox;
        this.quiet = quiet;
        this.ussdCode = ussdCode;
        this.clock = clock;
    }

    private String key(String id) {
        return keys.campaign(id);
    }

    /** Stores a new campaign; {@link IllegalArgumentException} with the reason when the template or target is wrong. */
    public Campaign create(String name, String text, Target target, Optional<Instant> sendAt) {
        return create(name, text, Map.of(), target, sendAt);
    }

    /**
     * {@link #create(String, String, Target, Optional)} with the message in other languages too ({@code translations}:
     * en, jv). Sent now to a target that reaches nobody (counted within {@link #AUDIENCE_BUDGET}): refused.
     */
    public Campaign create(String name, String text, Map<String, String> translations, Target target, Optional<Instant> sendAt) {
        if (name == null || name.isBlank() || name.length() > 120) throw new IllegalArgumentException("name is missing or longer than 120 characters");
        CampaignTemplate template = CampaignTemplate.parse(text);
        Map<String, String> others = new HashMap<>();
        translations.forEach((lang, t) -> {
            if (!OTHER_LANGUAGES.contains(lang)) throw new IllegalArgumentException("texts." + lang + ": a campaign is written in id, en or jv");
            if (t != null && !t.isBlank()) others.put(lang, CampaignTemplate.parse(t).text());
        });
        for (String t : others.values()) {
            if (!template.fields().containsAll(CampaignTemplate.parse(t).fields())) {
                throw new IllegalArgumentException("every language's text may use only the fields the Indonesian text uses: " + template.fields());
            }
        }
        if (target.isList()) {
            Set<String> memberFields = new HashSet<>(template.fields());
            memberFields.removeAll(CampaignTemplate.FIELDS_WITHOUT_MEMBER);
            if (!memberFields.isEmpty()) {
                throw new IllegalArgumentException("a list of numbers may not be members: the text may use only {ussd}, not " + memberFields);
            }
        }
        RedisClusterCommands<String, String> redis = connection.get();
        Instant now = clock.instant();
        String id = now.atZone(quiet.zone()).toLocalDate().toString().replace("-", "") + "-" + UUID.randomUUID().toString().substring(0, 6);
        Instant at = sendAt.orElse(now);
        // Sent now to nobody: refused. A campaign scheduled for later is counted when it starts (members change).
        if (!at.isAfter(now)) {
            Audience reach = audience(target, AUDIENCE_BUDGET);
            if (reach.complete() && reach.count() == 0) {
                throw new IllegalArgumentException("this target reaches nobody: no member matches every criterion; widen it");
            }
        }
        Map<String, String> h = new HashMap<>();
        h.put("name", name.strip());
        h.put("text", text);
        if (!others.isEmpty()) h.put("texts", new JsonObject(new HashMap<>(others)).encode());
        h.put("target", target.toJson().encode());
        h.put("sendAt", at.toString());
        h.put("createdAt", now.toString());
        h.put("state", at.isAfter(now) ? State.SCHEDULED.name() : State.RUNNING.name());
        h.put("expanded", "0");
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(keys.campaign(id, "todo"), "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException exists) {
            // cannot happen for a fresh id; harmless if it does
        }
        redis.hset(key(id), h);
        redis.zadd(keys.campaignIds(), now.toEpochMilli(), id);
        redis.sadd(keys.campaignsActive(), id);
        log.info("campaign {} '{}' created, {} at {}", id, name, h.get("state").toLowerCase(java.util.Locale.ROOT), at);
        return get(id).orElseThrow();
    }

    public Optional<Campaign> get(String id) {
        if (!id.matches("[0-9]{8}-[0-9a-f]{6}")) return Optional.empty();
        Map<String, String> h = connection.get().hgetall(key(id));
        if (h == null || h.isEmpty()) return Optional.empty();
        Map<String, CampaignTemplate> translations = new HashMap<>();
        if (h.get("texts") != null) new JsonObject(h.get("texts")).forEach(e -> translations.put(e.getKey(), CampaignTemplate.parse(String.valueOf(e.getValue()))));
        return Optional.of(new Campaign(id, h.get("name"), CampaignTemplate.parse(h.get("text")), Map.copyOf(translations), Target.parse(new JsonObject(h.get("target"))),
                Instant.parse(h.get("sendAt")), Instant.parse(h.get("createdAt")), State.valueOf(h.get("state")), "1".equals(h.get("expanded"))));
    }

    /** The newest first, at most {@code limit}. */
    public List<Campaign> list(int limit) {
        List<Campaign> out = new ArrayList<>();
        for (String id : connection.get().zrevrange(keys.campaignIds(), 0, limit - 1)) get(id).ifPresent(out::add);
        return out;
    }

    public Campaign pause(String id) {
        return move(id, Set.of(State.RUNNING, State.SCHEDULED), State.PAUSED);
    }

    public Campaign resume(String id) {
        Campaign c = get(id).orElseThrow(() -> new java.util.NoSuchElementException("no campaign " + id));
        return move(id, Set.of(State.PAUSED), c.sendAt().isAfter(clock.instant()) ? State.SCHEDULED : State.RUNNING);
    }

    public Campaign cancel(String id) {
        Campaign c = move(id, Set.of(State.RUNNING, State.SCHEDULED, State.PAUSED), State.CANCELLED);
        connection.get().srem(keys.campaignsActive(), id);
        return c;
    }

    private Campaign move(String id, Set<State> from, State to) {
        if (get(id).isEmpty()) throw new java.util.NoSuchElementException("no campaign " + id);
        String was = Script.CAMPAIGN_MOVE_STATE.run(connection.get(), ScriptOutputType.VALUE, new String[]{key(id)},
                String.join(",", from.stream().map(State::name).toList()), to.name());
        if (was == null || !from.contains(State.valueOf(was))) {
            throw new IllegalStateException("campaign " + id + " is " + (was == null ? "gone" : was.toLowerCase(java.util.Locale.ROOT))
                    + "; it cannot become " + to.name().toLowerCase(java.util.Locale.ROOT));
        }
        log.info("campaign {} {} -> {}", id, was, to);
        return get(id).orElseThrow();
    }

    /**
     * A campaign as the outreach thread sees it on each round: what never changes read once (a list target can hold
     * 100,000 numbers), the state read every time.
     */
    private Optional<Campaign> live(String id) {
        Campaign known = definitions.get(id);
        if (known == null) {
            Optional<Campaign> c = get(id);
            c.ifPresent(x -> definitions.put(id, x));
            return c;
        }
        List<io.lettuce.core.KeyValue<String, String>> now = connection.get().hmget(key(id), "state", "expanded");
        if (!now.get(0).hasValue()) return Optional.empty();
        return Optional.of(known.with(State.valueOf(now.get(0).getValue()), now.get(1).hasValue() && "1".equals(now.get(1).getValue())));
    }

    /** One round of work on every live campaign: start what is due, add targets, hand up to about {@code batch} messages to the outbox. */
    public int tick(int batch) {
        int handed = 0;
        Instant now = clock.instant();
        Set<String> active = connection.get().smembers(keys.campaignsActive());
        definitions.keySet().retainAll(active);
        for (String id : active) {
            try {
                Optional<Campaign> c = live(id);
                if (c.isEmpty()) continue;
                State s = c.get().state();
                if (s == State.SCHEDULED && !c.get().sendAt().isAfter(now)) {
                    Script.CAMPAIGN_MOVE_STATE.run(connection.get(), ScriptOutputType.VALUE, new String[]{key(id)}, State.SCHEDULED.name(), State.RUNNING.name());
                    s = State.RUNNING;
                }
                if (s != State.RUNNING || quiet.quiet(now)) continue;
                if (!c.get().expanded()) expand(c.get());
                handed += release(c.get(), batch);
            } catch (RuntimeException e) {
                log.warn("campaign {}: {}; tried again at the next tick", id, e.toString());
            }
        }
        return handed;
    }

    /** Adds the campaign's targets to its stream of work, a page at a time, resuming where a stopped instance left off. */
    private void expand(Campaign c) {
        RedisClusterCommands<String, String> redis = connection.get();
        String lock = keys.campaign(c.id(), "expander");
        if (!"OK".equals(redis.set(lock, consumer, SetArgs.Builder.nx().px(EXPAND_LOCK.toMillis())))) return;
        try {
            String targets = keys.campaign(c.id(), "targets");
            String todo = keys.campaign(c.id(), "todo");
            String cursorKey = keys.campaign(c.id(), "cursor");
            String cursor = redis.get(cursorKey);
            if (c.target().isList()) {
                List<String> numbers = c.target().msisdns();
                // A page of script calls at a time, pipelined on the connection (each is idempotent: a page cut short
                // by a crash is simply added again from the saved cursor).
                for (int from = cursor == null ? 0 : Integer.parseInt(cursor); from < numbers.size(); from += PAGE) {
                    List<String> page = numbers.subList(from, Math.min(numbers.size(), from + PAGE));
                    addTargets(redis, targets, todo, page.stream().map(n -> Map.entry(n, "{}")).toList());
                    redis.set(cursorKey, Integer.toString(from + page.size()));
                    redis.pexpire(lock, EXPAND_LOCK.toMillis());
                }
            } else {
                // Groups are the community channel's (Groups): one set of numbers per group.
                Set<String> group = c.target().group().map(g -> redis.smembers(keys.groupMembers(
                        Groups.code(g)))).orElse(Set.of());
                LocalDate today = clock.instant().atZone(quiet.zone()).toLocalDate();
                do {
                    MembershipService.MemberPage page = Blocking.await(members.members(cursor, PAGE));
                    List<Map.Entry<String, String>> picked = new ArrayList<>();
                    for (Member m : page.members()) {
                        if (c.target().matches(m, today, group.contains(m.msisdn().value()))) {
                            picked.add(Map.entry(m.msisdn().value(), values(m, today).encode()));
                        }
                    }
                    addTargets(redis, targets, todo, picked);
                    cursor = page.next().orElse(null);
                    if (cursor != null) redis.set(cursorKey, cursor);
                    if (!consumer.equals(redis.get(lock))) throw new IllegalStateException("lost the lock on adding targets");
                    redis.pexpire(lock, EXPAND_LOCK.toMillis());
                } while (cursor != null && State.RUNNING.name().equals(redis.hget(key(c.id()), "state")));
                if (cursor != null) return; // paused or cancelled while adding: carry on from the cursor later
            }
            redis.hset(key(c.id()), "expanded", "1");
            redis.del(cursorKey);
            log.info("campaign {}: {} targets", c.id(), redis.scard(targets));
        } finally {
            if (consumer.equals(redis.get(lock))) redis.del(lock);
        }
    }

    private static JsonObject values(Member m, LocalDate today) {
        var status = m.status(today);
        return new JsonObject().put("name", Names.firstName(m.name())).put("kpj", m.kpj())
                .put("paidThrough", m.paidThrough() == null ? "-" : MONTH.format(m.paidThrough()))
                .put("amountDue", Rupiah.format(status.amountDue() > 0 ? status.amountDue() : status.monthly()));
    }

    /** One script call for the page: the numbers new to the campaign become one entry of its work stream. */
    private static void addTargets(RedisClusterCommands<String, String> redis, String targets, String todo, List<Map.Entry<String, String>> picked) {
        if (picked.isEmpty()) return;
        String[] args = new String[picked.size() * 2];
        for (int i = 0; i < picked.size(); i++) {
            args[2 * i] = picked.get(i).getKey();
            args[2 * i + 1] = picked.get(i).getValue();
        }
        Script.CAMPAIGN_ADD_TARGETS.<Long>run(redis, ScriptOutputType.INTEGER, new String[]{targets, todo}, args);
    }

    /** Takes up to {@code batch} pages of targets (and, now and then, those a dead instance left), queues their SMS, acknowledges. */
    @SuppressWarnings("unchecked") // Lettuce's StreamOffset varargs; one offset
    private int release(Campaign c, int batch) {
        RedisClusterCommands<String, String> redis = connection.get();
        int pages = Math.max(1, batch / PAGE);
        String todo = keys.campaign(c.id(), "todo");
        List<StreamMessage<String, String>> work = new ArrayList<>();
        long now = System.nanoTime();
        Long last = lastClaim.get(c.id());
        if (last == null || now - last > CLAIM_IDLE.toNanos() / 2) {
            lastClaim.put(c.id(), now);
            work.addAll(redis.xautoclaim(todo, XAutoClaimArgs.Builder.<String>xautoclaim(Consumer.from(GROUP, consumer), CLAIM_IDLE, "0-0")
                    .count(pages)).getMessages());
        }
        if (work.size() < pages) {
            List<StreamMessage<String, String>> fresh = redis.xreadgroup(Consumer.from(GROUP, consumer),
                    XReadArgs.Builder.count(pages - work.size()), XReadArgs.StreamOffset.lastConsumed(todo));
            if (fresh != null) work.addAll(fresh);
        }
        int handed = 0;
        List<OutboundSms> messages = new ArrayList<>();
        List<String> done = new ArrayList<>();
        Map<String, String> language = c.translations().isEmpty() ? Map.of() : languages(redis, work);
        for (StreamMessage<String, String> w : work) {
            done.add(w.getId());
            Map<String, String> body = w.getBody();
            if (body == null || body.get("n") == null) continue; // deleted meanwhile: acknowledged below
            int n = Integer.parseInt(body.get("n"));
            for (int i = 0; i < n; i++) {
                String msisdn = body.get("m" + i);
                Map<String, String> v = new HashMap<>();
                String values = body.get("v" + i);
                if (values != null && values.length() > 2) new JsonObject(values).forEach(e -> v.put(e.getKey(), String.valueOf(e.getValue())));
                v.put("ussd", ussdCode);
                messages.add(new OutboundSms("camp:" + c.id() + ":" + msisdn, msisdn, c.in(language.getOrDefault(msisdn, "id")).render(v), true));
            }
            handed += n;
        }
        if (!done.isEmpty()) {
            // The pages' messages queued together (a script call per outbox shard), then the entries deleted before they
            // are acknowledged: an instance that dies in between leaves pending entries whose messages are queued
            // already (the outbox queues a key once), never an acknowledged entry left in the stream.
            Blocking.await(outbox.enqueueAll(messages));
            String[] ids = done.toArray(new String[0]);
            redis.xdel(todo, ids);
            redis.xack(todo, GROUP, ids);
        }
        if (work.isEmpty() && "1".equals(redis.hget(key(c.id()), "expanded")) && redis.xlen(todo) == 0
                && redis.xpending(todo, GROUP).getCount() == 0) {
            String was = Script.CAMPAIGN_MOVE_STATE.run(redis, ScriptOutputType.VALUE, new String[]{key(c.id())}, State.RUNNING.name(), State.COMPLETED.name());
            if (State.RUNNING.name().equals(was)) {
                redis.srem(keys.campaignsActive(), c.id());
                log.info("campaign {}: every message handed to the SMS outbox", c.id());
            }
        }
        return handed;
    }

    /** The chosen language of every number in {@code work}: one MGET (a campaign in one language reads none). */
    private Map<String, String> languages(RedisClusterCommands<String, String> redis, List<StreamMessage<String, String>> work) {
        List<String> numbers = new ArrayList<>();
        for (StreamMessage<String, String> w : work) {
            Map<String, String> body = w.getBody();
            if (body == null || body.get("n") == null) continue;
            for (int i = 0, n = Integer.parseInt(body.get("n")); i < n; i++) numbers.add(body.get("m" + i));
        }
        return PhoneLanguage.ofAll(redis, keys, numbers);
    }

    /** How long counting an audience may read the member list before answering "at least". */
    public static final Duration AUDIENCE_BUDGET = Duration.ofSeconds(5);

    /**
     * How many members {@code target} reaches now: a list, by its numbers; a group, by its members looked up together;
     * other criteria, by reading the member list (stopping after {@code budget}: then "at least").
     */
    public Audience audience(Target target, Duration budget) {
        if (target.isList()) return new Audience(target.msisdns().size(), true);
        LocalDate today = clock.instant().atZone(quiet.zone()).toLocalDate();
        if (target.group().isPresent()) {
            List<String> numbers = new ArrayList<>(connection.get().smembers(keys.groupMembers(Groups.code(target.group().get()))));
            long n = 0;
            for (int from = 0; from < numbers.size(); from += PAGE) {
                List<Msisdn> page = numbers.subList(from, Math.min(numbers.size(), from + PAGE)).stream()
                        .map(Msisdn::new).toList();
                for (Optional<Member> m : Blocking.await(members.findAllByMsisdn(page))) {
                    if (m.isPresent() && target.matches(m.get(), today, true)) n++;
                }
            }
            return new Audience(n, true);
        }
        long deadline = System.nanoTime() + budget.toNanos();
        long n = 0;
        String cursor = null;
        do {
            MembershipService.MemberPage page = Blocking.await(members.members(cursor, PAGE));
            for (Member m : page.members()) if (target.matches(m, today, false)) n++;
            cursor = page.next().orElse(null);
        } while (cursor != null && System.nanoTime() < deadline);
        return new Audience(n, cursor == null);
    }

    /** Counted from the SMS outbox's record of each of the campaign's messages. */
    public Progress progress(String id) {
        RedisClusterCommands<String, String> redis = connection.get();
        String targets = keys.campaign(id, "targets");
        long targeted = redis.scard(targets);
        long queued = 0, submitted = 0, delivered = 0, failed = 0, optedOut = 0;
        ScanArgs chunk = ScanArgs.Builder.limit(1000);
        ValueScanCursor<String> cur = redis.sscan(targets, chunk);
        while (true) {
            List<String> keys = cur.getValues().stream().map(m -> "camp:" + id + ":" + m).toList();
            for (String state : outbox.states(keys).values()) {
                queued++;
                if (state.equals(OutboxSender.OPTED_OUT)) optedOut++;
                else if (state.startsWith("DEAD")) failed++;
                else if (!state.equals("QUEUED")) {
                    submitted++;
                    if (state.equals("DELIVRD")) delivered++;
                    else if (Set.of("UNDELIV", "EXPIRED", "REJECTD", "DELETED").contains(state)) failed++;
                }
            }
            if (cur.isFinished()) break;
            cur = redis.sscan(targets, cur, chunk);
        }
        return new Progress(targeted, queued, submitted, delivered, failed, optedOut);
    }
}
