package id.kentongan.store;

import id.kentongan.domain.Msisdn;

/**
 * Every key Kentongan writes, in one naming scheme: {@code <root>:<area>:<rest>}, and for what belongs to one phone
 * {@code <root>:{628…}:<what>} — the number as a hash tag, so that a phone's keys share a Redis Cluster slot and a
 * multi-key command or script over them stays legal. {@code root} ({@code redis.namespace}, default {@code kt})
 * separates deployments, or test runs, that share one Redis. No other class spells a key.
 */
public final class Keyspace {
    /** {@code redis.namespace} when none is configured. */
    public static final String DEFAULT_NAMESPACE = "kt";

    private final String root;

    public Keyspace(String root) {
        if (root == null || !root.matches("[A-Za-z0-9_\\-:]{1,48}")) {
            throw new IllegalArgumentException("invalid configuration: redis.namespace must be 1-48 of A-Z a-z 0-9 _ - :, was " + root);
        }
        this.root = root;
    }

    public static Keyspace defaults() {
        return new Keyspace(DEFAULT_NAMESPACE);
    }

    public String root() {
        return root;
    }

    private String phone(Msisdn m, String what) {
        return root + ":{" + m.value() + "}:" + what;
    }

    private String phone(String msisdn, String what) {
        return root + ":{" + msisdn + "}:" + what;
    }

    private String area(String area, String rest) {
        return root + ":" + area + ":" + rest;
    }

    // --- one phone -------------------------------------------------------------------------------------------------

    /** The USSD dialogue in flight (its codec is {@code session.SessionCodec}). */
    public String ussdSession(Msisdn m) {
        return phone(m, "ussd");
    }

    /** The keys of the last messages sent one by one to the phone (the console's look-up). */
    public String smsOf(Msisdn m) {
        return phone(m, "sms");
    }

    /** The language the worker chose. */
    public String language(Msisdn m) {
        return phone(m, "lang");
    }

    /** Present while the number has sent STOP (until MULAI). */
    public String optOut(Msisdn m) {
        return phone(m, "optout");
    }

    /** Present while the number has sent STOP; for a number as the outbox has it (628…). */
    public String optOut(String msisdn) {
        return phone(msisdn, "optout");
    }

    /** A step of a use case done once per idempotency key (the answer kept for a retried hop). */
    public String once(Msisdn m, String action, String idempotencyKey) {
        return phone(m, "once:" + action + ":" + idempotencyKey);
    }

    public String agent(Msisdn m) {
        return phone(m, "agent");
    }

    public String agentPin(Msisdn m) {
        return phone(m, "agent:pin");
    }

    public String agentFailures(Msisdn m) {
        return phone(m, "agent:fails");
    }

    /** A {@link Quota}'s counter for one phone number, or one address (an admin caller's IP). */
    public String quota(String name, String who) {
        return phone(who, "quota:" + name);
    }

    public String agentLock(Msisdn m) {
        return phone(m, "agent:locked");
    }

    public String agentSignedIn(Msisdn m, String sessionId) {
        return phone(m, "agent:session:" + sessionId);
    }

    /** The workers an agent registered. */
    public String agentRegistered(Msisdn m) {
        return phone(m, "agent:registered");
    }

    /** A registration waiting for the worker's YA or TIDAK. */
    public String consent(Msisdn worker) {
        return phone(worker, "consent");
    }

    /** Invitations a worker sent on one day (a cap). */
    public String invitations(Msisdn from, String day) {
        return phone(from, "invites:" + day);
    }

    /** Who invited this number first. */
    public String invitedBy(Msisdn friend) {
        return phone(friend, "invitedBy");
    }

    /** Present when the worker asked for group news (KABAR). */
    public String news(Msisdn worker) {
        return phone(worker, "news");
    }

    /** The worker's group. */
    /** The group a phone coordinates (named by an operator with the group): its code. */
    public String coordinatorOf(Msisdn m) {
        return phone(m, "coordinates");
    }

    /** Set when a group's coordinator sends the group a reminder in {@code week} ("code:2026-W49"): one per group per week. */
    public String groupReminder(String codeAndWeek) {
        return area("group", "reminded:" + codeAndWeek);
    }

    public String groupOf(Msisdn worker) {
        return phone(worker, "group");
    }

    // --- community, payments, admin ---------------------------------------------------------------------------------

    public String agents() {
        return root + ":agents";
    }

    public String groups() {
        return root + ":groups";
    }

    public String group(String code) {
        return area("group", code);
    }

    public String groupMembers(String code) {
        return area("group", code + ":members");
    }

    /** A benefit recorded once (solidarity notices go out once). */
    public String benefit(String kpj, String kind) {
        return area("benefit", kpj + ":" + kind);
    }

    public String joined(String kpj) {
        return area("ledger", "joined:" + kpj);
    }

    /**
     * Where the participation figures count one member (a hash: agent, occupation, district, month registered, and the
     * two that change, group and month paid through).
     */
    public String tally(Msisdn m) {
        return phone(m, "tally");
    }

    /**
     * One row of the participation report: a hash of counters (registrations, payments, amount, members by month paid
     * through). Each row its own hash tag, so a cluster spreads the rows (and their writes) over its masters.
     */
    public String participationRow(String dimension, String key) {
        return root + ":{part:" + dimension + ":" + key + "}";
    }

    /** The keys of one dimension's rows (a set): the report reads these, never the member list. */
    public String participationRows(String dimension) {
        return root + ":part:rows:" + dimension;
    }

    public String paymentReference(String reference) {
        return area("ledger", "paidref:" + reference);
    }

    public String payments(String kpj) {
        return area("ledger", "paid:" + kpj);
    }

    public String paymentOrder(String code) {
        return area("payment", "order:" + code);
    }

    /** Our reference (the provider's order id) -> the payment code: Midtrans and DOKU notify by order. */
    public String paymentOrderByReference(String reference) {
        return area("payment", "ref:" + reference);
    }

    public String paymentCallback(String provider, String code) {
        return area("payment", "callback:" + provider + ":" + code);
    }

    public String adminAudit() {
        return area("admin", "audit");
    }

    /** How many keys the readiness check reads: one in each sixteenth of the cluster's slots. */
    public static final int READINESS_PROBES = 16;
    private static final String[] PROBE_TAGS = spreadOverSlots(READINESS_PROBES);

    /**
     * Read by the readiness check; probe {@code i} (0-15) lies in the {@code i}-th sixteenth of the slots. One key
     * alone would live on one master: its failover would take every instance out of the load balancer at once, while
     * the other masters' workers could still be served (and the failing master's would rather see the busy screen).
     */
    public String readinessProbe(int i) {
        return root + ":{" + PROBE_TAGS[i] + "}";
    }

    private static String[] spreadOverSlots(int n) {
        String[] tags = new String[n];
        int found = 0;
        for (int k = 0; found < n; k++) {
            int bucket = io.lettuce.core.cluster.SlotHash.getSlot("ready" + k) * n / io.lettuce.core.cluster.SlotHash.SLOT_COUNT;
            if (tags[bucket] == null) {
                tags[bucket] = "ready" + k;
                found++;
            }
        }
        return tags;
    }

    // --- menu versions ---------------------------------------------------------------------------------------------

    public String menuCodes() {
        return area("menu", "codes");
    }

    /** {@code part}: live, file, versions, or v:&lt;version&gt; (one published text). */
    public String menu(String code, String part) {
        return area("menu", code + ":" + part);
    }

    // --- SMS outbox ------------------------------------------------------------------------------------------------

    /**
     * The outbox is sharded: shard {@code i}'s keys share the hash tag {@code {sms<i>}}, so a Redis Cluster spreads the
     * shards over its nodes while one shard's stream, counter and state hashes stay in one slot (its scripts need that).
     */
    private String shard(int shard, String what) {
        if (shard < 0 || shard > 255) throw new IllegalArgumentException("outbox shard " + shard);
        return root + ":{sms" + shard + "}:" + what;
    }

    /** Shard {@code i}'s stream of queued messages (entries of one or more messages), one consumer group. */
    public String outboxStream(int shard) {
        return shard(shard, "outbox");
    }

    /** Messages queued in shard {@code i} and not yet finished (a counter kept by the enqueue and finish scripts). */
    public String outboxBacklog(int shard) {
        return shard(shard, "backlog");
    }

    /** The state of each message key of shard {@code i} queued on {@code epochDay} (UTC): a hash, gone after 9 days. */
    public String outboxStates(int shard, long epochDay) {
        return shard(shard, "state:" + epochDay);
    }

    /** SMSC message id -> {@code <day>|<key>} for the ids recorded on {@code epochDay}, in shard {@code i} (by id). */
    public String outboxReceiptIds(int shard, long epochDay) {
        return shard(shard, "receipt-ids:" + epochDay);
    }

    /** Receipts that came before their submit_sm_resp was recorded: id -> state, minutes only. */
    public String outboxEarlyReceipts(int shard) {
        return shard(shard, "early-receipts");
    }

    public String outboxDead() {
        return area("sms", "dead");
    }

    // --- reminders -------------------------------------------------------------------------------------------------

    /**
     * The reminder schedule's keys share the hash tag {@code {rem}}: its claim and reclaim scripts move members between
     * the due and claimed sets in one step, which a cluster allows only within one slot.
     */
    private String reminders(String what) {
        return root + ":{rem}:" + what;
    }

    public String remindersDue() {
        return reminders("due");
    }

    public String remindersClaimed() {
        return reminders("claimed");
    }

    /** Reminders sent in {@code month} (yyyy-MM): a hash, reminder key -> when; kept 150 days after the month. */
    public String remindersDone(String month) {
        return reminders("done:" + month);
    }

    /** The texts of the reminders due soon, as the reading of the member list begun at {@code startedMillis} wrote them. */
    public String remindersSaid(long startedMillis) {
        return reminders("said:" + startedMillis);
    }

    public String reminderScan(String part) {
        return reminders("scan:" + part);
    }

    // --- campaigns -------------------------------------------------------------------------------------------------

    public String campaignIds() {
        return area("camp", "ids");
    }

    public String campaignsActive() {
        return area("camp", "active");
    }

    /**
     * The funnel counters of one menu (service code) for one day: a hash of {@code version|language|screen|event} -> count.
     * One hash tag per menu: its days live together, written once a second per instance.
     */
    public String funnel(String serviceCode, java.time.LocalDate day) {
        return root + ":{funnel:" + serviceCode + "}:" + day;
    }

    /**
     * The campaign's hash. One campaign's keys share the hash tag {@code {c:<id>}} (its scripts add targets and work in
     * one step); different campaigns fall in different slots, so their work spreads over a cluster's masters.
     */
    public String campaign(String id) {
        return root + ":{c:" + id + "}:camp";
    }

    /** {@code part}: targets, todo (the work stream), cursor, expander (the lock). */
    public String campaign(String id, String part) {
        return root + ":{c:" + id + "}:" + part;
    }

    // --- the sandbox core system and payment provider (stand-ins for remote systems) -------------------------------
    // All under one hash tag, {sandbox}: a registration sets the member and its indexes in one script (one slot).

    private String sandbox(String rest) {
        return root + ":{sandbox}:" + rest;
    }

    public String sandboxMember(String nik) {
        return sandbox("core:nik:" + nik);
    }

    /** The NIK of the member with this number. */
    public String sandboxByMsisdn(Msisdn m) {
        return sandbox("core:msisdn:" + m.value());
    }

    /** The NIK of the member with this KPJ. */
    public String sandboxByKpj(String kpj) {
        return sandbox("core:kpj:" + kpj);
    }

    /** A contribution credited once per reference. */
    public String sandboxCredit(String reference) {
        return sandbox("core:credit:" + reference);
    }

    /** Present once the NIK is in the member list feed. */
    public String sandboxInFeed(String nik) {
        return sandbox("core:infeed:" + nik);
    }

    /** How many slots the feed has given out (a registration's slot number is its KPJ's too). */
    public String sandboxFeedLength() {
        return sandbox("core:feed");
    }

    /** The NIK at position {@code n} of the member list feed. */
    public String sandboxFeed(long n) {
        return sandbox("core:feed:" + n);
    }

    public String sandboxPayment(String code) {
        return sandbox("pay:code:" + code);
    }

    /** The payment code made for one idempotency key. */
    public String sandboxPaymentRequest(String idempotencyKey) {
        return sandbox("pay:key:" + idempotencyKey);
    }
}
