package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import id.kentongan.store.Blocking;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import id.kentongan.store.Script;
import io.lettuce.core.Consumer;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The outbox on Redis Streams, in {@code shards} shards (a message's shard: its key's hash), each a stream with one
 * consumer group shared by every instance, a backlog counter, and a state hash per day (key -> QUEUED, SENT, a
 * receipt's state, DEAD: reason), all under the shard's hash tag. A batch is queued by one script call per shard (one
 * stream entry), and finished by one per shard; outcomes and receipt ids are written a hash at a time, receipts looked
 * up a batch at a time — so a message costs a fraction of a Redis command in bulk. One canonical receipt-id form is
 * stored (the id as the SMSC answered it); a receipt is looked up under every form it may quote.
 */
public final class RedisSmsOutbox implements SmsOutbox {
    private static final Logger log = LoggerFactory.getLogger(RedisSmsOutbox.class);
    static final String GROUP = "senders";
    /** A key is queued once within this many days (and its state kept one day longer). */
    static final int DEDUP_DAYS = 8;
    private static final int RECEIPT_DAYS = 4;
    private static final Duration EARLY_RECEIPTS = Duration.ofMinutes(10);
    /** Shards by default (sms.outboxShards): enough for a small Redis Cluster to spread them; one Redis serves them all as well. */
    public static final int DEFAULT_SHARDS = 4;
    /** Messages per script call: the Lua stack takes about 8,000 arguments, and a message is 4. */
    static final int CHUNK = 500;

    private final Vertx vertx;
    private final Redis redis;
    private final Keyspace keys;
    private final int shards;
    private volatile boolean groupsCreated;
    private volatile RedisClusterCommands<String, String> blockingConnection;
    private int nextBlockingShard;
    private final Receipts receipts = new Receipts();

    /** On the instance's shared connection; the blocking read gets the one connection of its own. */
    public RedisSmsOutbox(Vertx vertx, Redis redis, Keyspace keys, int shards) {
        if (shards < 1 || shards > 256) throw new IllegalArgumentException("sms.outboxShards must be 1..256");
        this.vertx = vertx;
        this.redis = redis;
        this.keys = keys;
        this.shards = shards;
    }

    public int shards() {
        return shards;
    }

    int shardOf(String key) {
        return Math.floorMod(key.hashCode(), shards);
    }

    static long today() {
        return Math.floorDiv(System.currentTimeMillis(), 86_400_000L);
    }

    private RedisClusterCommands<String, String> work() {
        if (!groupsCreated) {
            synchronized (this) {
                if (!groupsCreated) {
                    for (int i = 0; i < shards; i++) {
                        try {
                            redis.sync().xgroupCreate(XReadArgs.StreamOffset.from(keys.outboxStream(i), "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
                        } catch (RedisBusyException alreadyThere) {
                            // another instance created the group
                        }
                    }
                    groupsCreated = true;
                }
            }
        }
        return redis.sync();
    }

    private RedisClusterAsyncCommands<String, String> async() {
        return Blocking.join(redis.async());
    }

    // ---- queueing ----

    @Override
    public Future<List<Boolean>> enqueueAll(List<OutboundSms> batch) {
        if (batch.isEmpty()) return Future.succeededFuture(List.of());
        long today = today();
        Map<Integer, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) byShard.computeIfAbsent(shardOf(batch.get(i).key()), s -> new ArrayList<>()).add(i);
        Boolean[] flags = new Boolean[batch.size()];
        CompletionStage<RedisClusterAsyncCommands<String, String>> conn = redis.async();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        byShard.forEach((shard, indices) -> {
            for (int from = 0; from < indices.size(); from += CHUNK) {
                List<Integer> chunk = indices.subList(from, Math.min(indices.size(), from + CHUNK));
                String[] k = new String[2 + DEDUP_DAYS];
                k[0] = keys.outboxStream(shard);
                k[1] = keys.outboxBacklog(shard);
                for (int d = 0; d < DEDUP_DAYS; d++) k[2 + d] = keys.outboxStates(shard, today - d);
                String[] a = new String[3 + 4 * chunk.size()];
                a[0] = Long.toString((today + DEDUP_DAYS + 1) * 86_400L);
                a[1] = Long.toString(today);
                a[2] = Integer.toString(chunk.size());
                for (int j = 0; j < chunk.size(); j++) {
                    OutboundSms sms = batch.get(chunk.get(j));
                    a[3 + 4 * j] = sms.key();
                    a[4 + 4 * j] = sms.to();
                    a[5 + 4 * j] = sms.stoppable() ? "1" : "0";
                    a[6 + 4 * j] = sms.text();
                }
                calls.add(conn.thenCompose(r -> Script.OUTBOX_ENQUEUE.<List<Long>>runAsync(r, ScriptOutputType.MULTI, k, a))
                        .thenAccept(result -> {
                            for (int j = 0; j < chunk.size(); j++) flags[chunk.get(j)] = result.get(j) == 1L;
                        }).toCompletableFuture());
            }
        });
        CompletableFuture<List<Boolean>> all = CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(v -> List.of(flags));
        return Future.fromCompletionStage(all, vertx.getOrCreateContext());
    }

    // ---- taking ----

    @Override
    @SuppressWarnings("unchecked") // Lettuce's StreamOffset varargs; one offset per call
    public List<Entry> take(String consumer, int maxMessages, Duration block) {
        work();
        int count = Math.max(1, Math.min(8, maxMessages / 250));
        RedisClusterAsyncCommands<String, String> r = async();
        List<CompletableFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            reads.add(r.xreadgroup(Consumer.from(GROUP, consumer), XReadArgs.Builder.count(count),
                    XReadArgs.StreamOffset.lastConsumed(keys.outboxStream(i))).toCompletableFuture());
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) out.addAll(entries(i, Blocking.join(reads.get(i)), false));
        if (!out.isEmpty()) return out;
        // Nothing anywhere: wait on one shard (in turn) for a short while; the others are read again right after.
        int shard = nextBlockingShard++ % shards;
        List<StreamMessage<String, String>> got = blocking().xreadgroup(Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(count).block(Duration.ofMillis(Math.min(block.toMillis(), 100))),
                XReadArgs.StreamOffset.lastConsumed(keys.outboxStream(shard)));
        return entries(shard, got, false);
    }

    private RedisClusterCommands<String, String> blocking() {
        synchronized (this) {
            if (blockingConnection == null) blockingConnection = redis.blockingConnection(); // XREADGROUP BLOCK holds its connection
            return blockingConnection;
        }
    }

    @Override
    public List<Entry> reclaim(String consumer, Duration minIdle, int maxEntries) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            var claimed = work().xautoclaim(keys.outboxStream(i),
                    XAutoClaimArgs.Builder.<String>xautoclaim(Consumer.from(GROUP, consumer), minIdle, "0-0").count(maxEntries));
            out.addAll(entries(i, claimed.getMessages(), true));
        }
        return out;
    }

    private static List<Entry> entries(int shard, List<StreamMessage<String, String>> messages, boolean again) {
        List<Entry> out = new ArrayList<>();
        if (messages == null) return out;
        for (StreamMessage<String, String> m : messages) {
            Map<String, String> b = m.getBody();
            if (b == null || b.get("n") == null) continue; // deleted meanwhile
            int n = Integer.parseInt(b.get("n"));
            List<OutboundSms> sms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) sms.add(new OutboundSms(b.get("k" + i), b.get("t" + i), b.get("x" + i), "1".equals(b.get("s" + i))));
            out.add(new Entry(shard, m.getId(), Long.parseLong(b.get("d")), List.copyOf(sms), again));
        }
        return out;
    }

    @Override
    public Set<String> finishedAmong(Entry e) {
        List<String> ks = e.messages().stream().map(OutboundSms::key).toList();
        List<KeyValue<String, String>> values = work().hmget(keys.outboxStates(e.shard(), e.day()), ks.toArray(new String[0]));
        Set<String> out = new HashSet<>();
        for (KeyValue<String, String> v : values) if (v.hasValue() && !"QUEUED".equals(v.getValue())) out.add(v.getKey());
        return out;
    }

    // ---- recording ----

    @Override
    public void record(List<Outcome> outcomes, List<Entry> finished, List<Entry> unfinished) {
        RedisClusterAsyncCommands<String, String> r = async();
        long today = today();
        List<CompletableFuture<?>> writes = new ArrayList<>();
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        Map<Integer, Map<String, String>> receiptIds = new LinkedHashMap<>();
        Map<Integer, List<String>> earlyForms = new LinkedHashMap<>();
        Map<String, String[]> formToState = new HashMap<>(); // form -> {state hash, key}
        for (Outcome o : outcomes) {
            Entry e = o.entry();
            String stateKey = keys.outboxStates(e.shard(), e.day());
            switch (o.kind()) {
                case SENT -> {
                    states.computeIfAbsent(stateKey, x -> new LinkedHashMap<>()).put(o.sms().key(), "SENT");
                    for (String id : o.messageIds()) {
                        String canonical = ReceiptIds.normalise(id);
                        receiptIds.computeIfAbsent(shardOf(canonical), x -> new LinkedHashMap<>()).put(canonical, e.day() + "|" + o.sms().key());
                        for (String form : ReceiptIds.forms(id, o.idFormat())) {
                            earlyForms.computeIfAbsent(shardOf(form), x -> new ArrayList<>()).add(form);
                            formToState.put(form, new String[]{stateKey, o.sms().key()});
                        }
                    }
                }
                case WITHHELD -> states.computeIfAbsent(stateKey, x -> new LinkedHashMap<>()).put(o.sms().key(), o.detail());
                case DEAD -> {
                    states.computeIfAbsent(stateKey, x -> new LinkedHashMap<>()).put(o.sms().key(), "DEAD: " + o.detail());
                    writes.add(r.xadd(keys.outboxDead(), Map.of("key", o.sms().key(), "to", o.sms().to(), "text", o.sms().text(),
                            "reason", o.detail())).toCompletableFuture());
                }
                default -> { } // SKIPPED, LATER: nothing to write
            }
        }
        // In this order on one connection: states, then receipt ids, then the early-receipt look-up, then the finish.
        states.forEach((key, fields) -> writes.add(r.hset(key, fields).toCompletableFuture()));
        receiptIds.forEach((shard, fields) -> {
            writes.add(r.hset(keys.outboxReceiptIds(shard, today), fields).toCompletableFuture());
            writes.add(r.expireat(keys.outboxReceiptIds(shard, today), (today + RECEIPT_DAYS + 1) * 86_400L).toCompletableFuture());
        });
        Map<Integer, CompletableFuture<List<KeyValue<String, String>>>> early = new LinkedHashMap<>();
        earlyForms.forEach((shard, forms) -> early.put(shard, r.hmget(keys.outboxEarlyReceipts(shard), forms.toArray(new String[0])).toCompletableFuture()));
        Map<Integer, List<String>> finish = new LinkedHashMap<>();
        for (Entry e : finished) {
            List<String> args = finish.computeIfAbsent(e.shard(), x -> new ArrayList<>(List.of(GROUP)));
            args.add(e.id());
            args.add(Integer.toString(e.messages().size()));
        }
        finish.forEach((shard, args) -> writes.add(Script.OUTBOX_FINISH.<Long>runAsync(r, ScriptOutputType.INTEGER,
                new String[]{keys.outboxStream(shard), keys.outboxBacklog(shard)}, args.toArray(new String[0])).toCompletableFuture()));
        writes.addAll(early.values());
        Blocking.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
        // A fast SMSC's receipt may have beaten this record: it was parked; apply it now.
        List<CompletableFuture<?>> late = new ArrayList<>();
        early.forEach((shard, found) -> {
            for (KeyValue<String, String> kv : Blocking.join(found)) {
                if (!kv.hasValue()) continue;
                String[] target = formToState.get(kv.getKey());
                late.add(r.hset(target[0], target[1], kv.getValue()).toCompletableFuture());
                late.add(r.hdel(keys.outboxEarlyReceipts(shard), kv.getKey()).toCompletableFuture());
            }
        });
        if (!late.isEmpty()) Blocking.join(CompletableFuture.allOf(late.toArray(CompletableFuture[]::new)));
        // unfinished entries stay pending in their group: reclaimed after the idle time by whichever sender looks first
    }

    // ---- receipts ----

    @Override
    public boolean receipt(String messageId, String state) {
        return receipts.apply(messageId, state);
    }

    /**
     * Receipts come one per deliver_sm on jSMPP's threads; each waits (its deliver_sm_resp is sent only once the state
     * is written) while one thread looks up and writes whatever has gathered, a hash at a time.
     */
    private final class Receipts {
        /** {@code forms}: the id as quoted first, then its other forms (hex / decimal), worked out once. */
        private record Pending(String id, String state, List<String> forms, CompletableFuture<Boolean> known) {}

        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private Thread thread;

        boolean apply(String messageId, String state) {
            Pending p = new Pending(messageId, state, List.copyOf(ReceiptIds.forms(messageId, ReceiptIds.Format.AUTO)), new CompletableFuture<>());
            synchronized (this) {
                if (thread == null) {
                    thread = new Thread(this::run, "sms-receipts");
                    thread.setDaemon(true);
                    thread.start();
                }
            }
            queue.add(p);
            return Blocking.join(p.known()); // always completed by the receipts thread, with the outcome or the failure
        }

        synchronized void close() {
            if (thread != null) thread.interrupt();
        }

        private void run() {
            List<Pending> batch = new ArrayList<>();
            while (true) {
                try {
                    Pending first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) continue;
                    batch.add(first);
                    queue.drainTo(batch, 999);
                    Map<Pending, Boolean> known = lookUpAndApply(batch);
                    for (Pending p : batch) p.known().complete(known.getOrDefault(p, false));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("could not record {} receipts: {}", batch.size(), e.toString());
                    for (Pending p : batch) p.known().completeExceptionally(e);
                } finally {
                    batch.clear();
                }
            }
        }

        private Map<Pending, Boolean> lookUpAndApply(List<Pending> batch) {
            RedisClusterAsyncCommands<String, String> r = async();
            long today = today();
            Map<Pending, String> found = new HashMap<>(); // -> "<day>|<key>"
            List<Pending> open = new ArrayList<>(batch);
            for (int d = 0; d < RECEIPT_DAYS && !open.isEmpty(); d++) {
                lookUp(r, open, today - d, found);
                open.removeIf(found::containsKey);
            }
            if (!open.isEmpty()) {
                // Not known (yet): parked for record() to apply, then looked up once more — one side sees the other.
                Map<Integer, Map<String, String>> park = new LinkedHashMap<>();
                for (Pending p : open) park.computeIfAbsent(shardOf(p.forms().get(0)), x -> new LinkedHashMap<>()).put(p.forms().get(0), p.state());
                List<CompletableFuture<?>> parked = new ArrayList<>();
                park.forEach((shard, fields) -> {
                    parked.add(r.hset(keys.outboxEarlyReceipts(shard), fields).toCompletableFuture());
                    parked.add(r.expire(keys.outboxEarlyReceipts(shard), EARLY_RECEIPTS.toSeconds()).toCompletableFuture());
                });
                Blocking.join(CompletableFuture.allOf(parked.toArray(CompletableFuture[]::new)));
                lookUp(r, open, today, found);
                List<CompletableFuture<?>> unpark = new ArrayList<>();
                for (Pending p : open) {
                    if (found.containsKey(p)) unpark.add(r.hdel(keys.outboxEarlyReceipts(shardOf(p.forms().get(0))), p.forms().get(0)).toCompletableFuture());
                }
                Blocking.join(CompletableFuture.allOf(unpark.toArray(CompletableFuture[]::new)));
            }
            Map<String, Map<String, String>> states = new LinkedHashMap<>();
            Map<Pending, Boolean> known = new HashMap<>();
            found.forEach((p, dayAndKey) -> {
                int bar = dayAndKey.indexOf('|');
                String key = dayAndKey.substring(bar + 1);
                states.computeIfAbsent(keys.outboxStates(shardOf(key), Long.parseLong(dayAndKey.substring(0, bar))), x -> new LinkedHashMap<>())
                        .put(key, p.state());
                known.put(p, true);
            });
            List<CompletableFuture<?>> writes = new ArrayList<>();
            states.forEach((hash, fields) -> writes.add(r.hset(hash, fields).toCompletableFuture()));
            Blocking.join(CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)));
            return known;
        }

        /** Looks each receipt's forms up in the ids recorded on {@code day}; the form quoted as-is wins. */
        private void lookUp(RedisClusterAsyncCommands<String, String> r, List<Pending> open, long day, Map<Pending, String> found) {
            Map<Integer, Set<String>> byShard = new LinkedHashMap<>();
            for (Pending p : open) {
                for (String form : p.forms()) byShard.computeIfAbsent(shardOf(form), x -> new java.util.LinkedHashSet<>()).add(form);
            }
            Map<String, String> values = new HashMap<>();
            Map<Integer, CompletableFuture<List<KeyValue<String, String>>>> reads = new LinkedHashMap<>();
            byShard.forEach((shard, forms) -> reads.put(shard, r.hmget(keys.outboxReceiptIds(shard, day), forms.toArray(new String[0])).toCompletableFuture()));
            reads.values().forEach(f -> Blocking.join(f).forEach(kv -> {
                if (kv.hasValue()) values.put(kv.getKey(), kv.getValue());
            }));
            for (Pending p : open) {
                for (String form : p.forms()) { // as-is first
                    String v = values.get(form);
                    if (v != null) {
                        found.put(p, v);
                        break;
                    }
                }
            }
        }
    }

    // ---- reading ----

    @Override
    public Future<Optional<String>> state(String key) {
        return Future.fromCompletionStage(statesAsync(List.of(key)), vertx.getOrCreateContext()).map(m -> Optional.ofNullable(m.get(key)));
    }

    @Override
    public Map<String, String> states(List<String> keys) {
        return Blocking.join(statesAsync(keys));
    }

    /** A key's state is in the hash of the day it was queued: the newest of the days a state can still be kept. */
    private CompletableFuture<Map<String, String>> statesAsync(List<String> wanted) {
        if (wanted.isEmpty()) return CompletableFuture.completedFuture(Map.of());
        long today = today();
        Map<Integer, List<String>> byShard = new LinkedHashMap<>();
        for (String k : new java.util.LinkedHashSet<>(wanted)) byShard.computeIfAbsent(shardOf(k), x -> new ArrayList<>()).add(k);
        return redis.async().toCompletableFuture().thenCompose(r -> {
            List<CompletableFuture<List<KeyValue<String, String>>>> reads = new ArrayList<>();
            byShard.forEach((shard, ks) -> {
                for (int d = DEDUP_DAYS; d >= 0; d--) reads.add(r.hmget(keys.outboxStates(shard, today - d), ks.toArray(new String[0])).toCompletableFuture());
            });
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
                Map<String, String> out = new HashMap<>();
                for (CompletableFuture<List<KeyValue<String, String>>> f : reads) { // oldest day first: the newest wins
                    for (KeyValue<String, String> kv : f.getNow(List.of())) if (kv.hasValue()) out.put(kv.getKey(), kv.getValue());
                }
                return out;
            });
        });
    }

    @Override
    public long deadLetters() {
        return work().xlen(keys.outboxDead());
    }

    @Override
    public List<DeadLetter> deadList(int max) {
        return work().xrevrange(keys.outboxDead(), io.lettuce.core.Range.create("-", "+"), io.lettuce.core.Limit.from(max)).stream()
                .map(m -> new DeadLetter(m.getId(), m.getBody().get("key"), m.getBody().get("to"), m.getBody().get("text"), m.getBody().get("reason")))
                .toList();
    }

    @Override
    public Optional<String> sendAgain(String deadId) {
        List<io.lettuce.core.StreamMessage<String, String>> found = work().xrange(keys.outboxDead(), io.lettuce.core.Range.create(deadId, deadId));
        if (found.isEmpty()) return Optional.empty();
        Map<String, String> b = found.get(0).getBody();
        String again = b.get("key") + ":again:" + System.currentTimeMillis();
        Blocking.await(enqueueAll(List.of(new OutboundSms(again, b.get("to"), b.get("text"), false))));
        work().xdel(keys.outboxDead(), deadId);
        return Optional.of(again);
    }

    @Override
    public long backlog() {
        RedisClusterAsyncCommands<String, String> r = async();
        List<CompletableFuture<String>> counts = new ArrayList<>();
        for (int i = 0; i < shards; i++) counts.add(r.get(keys.outboxBacklog(i)).toCompletableFuture());
        long sum = 0;
        for (CompletableFuture<String> c : counts) {
            String v = Blocking.join(c);
            if (v != null) sum += Long.parseLong(v);
        }
        return sum;
    }

    @Override
    public void close() {
        receipts.close();
        // The connections are the instance's (store.Redis), closed by whoever opened it.
    }
}
