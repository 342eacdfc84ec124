package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import id.kentongan.store.Blocking;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import id.kentongan.store.Script;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox on a Redis Stream with one consumer group shared by every instance: {@code Keyspace.outboxStream()} holds queued and
 * unfinished messages; {@code outboxDead()} the refused ones with their reason; per message key a queued marker (SET NX:
 * a key is queued once), the final state, and the receipt ids pointing back to it, each with an expiry.
 */
public final class RedisSmsOutbox implements SmsOutbox {
    static final String GROUP = "senders";
    private static final Duration KEEP = Duration.ofDays(7);
    private static final Duration RECEIPT_IDS = Duration.ofDays(3);
    private static final Duration EARLY_RECEIPTS = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final Redis redis;
    private final Keyspace keys;
    private volatile boolean groupCreated;
    private volatile RedisCommands<String, String> blockingConnection;

    /** On the instance's shared connection; the blocking read gets the one connection of its own. */
    public RedisSmsOutbox(Vertx vertx, Redis redis, Keyspace keys) {
        this.vertx = vertx;
        this.redis = redis;
        this.keys = keys;
    }

    private RedisCommands<String, String> work() {
        if (!groupCreated) {
            synchronized (this) {
                if (!groupCreated) {
                    try {
                        redis.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream(), "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
                    } catch (RedisBusyException alreadyThere) {
                        // another instance created the group
                    }
                    groupCreated = true;
                }
            }
        }
        return redis.sync();
    }

    private RedisCommands<String, String> blocking() {
        work(); // the group exists before anyone reads from it
        synchronized (this) {
            if (blockingConnection == null) blockingConnection = redis.blockingConnection(); // XREADGROUP BLOCK holds its connection
            return blockingConnection;
        }
    }

    private String stream() {
        return keys.outboxStream();
    }

    @Override
    public Future<Boolean> enqueue(OutboundSms sms) {
        // One step (outbox-enqueue.lua): a key is never marked queued without its message.
        var added = redis.async().thenCompose(r -> Script.OUTBOX_ENQUEUE.<Long>runAsync(r, ScriptOutputType.INTEGER,
                        new String[]{keys.smsState(sms.key()), stream()}, Long.toString(KEEP.toSeconds()), sms.key(), sms.to(), sms.text(),
                        sms.stoppable() ? "1" : "0"))
                .thenApply(n -> n != null && n == 1L);
        return Future.fromCompletionStage(added, vertx.getOrCreateContext());
    }

    @Override
    @SuppressWarnings("unchecked") // Lettuce's StreamOffset varargs; one offset, no heap pollution
    public List<Taken> take(String consumer, int max, Duration block) {
        List<StreamMessage<String, String>> got = blocking().xreadgroup(Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(max).block(block), XReadArgs.StreamOffset.lastConsumed(stream()));
        return taken(got);
    }

    @Override
    public List<Taken> reclaim(String consumer, Duration minIdle, int max) {
        var claimed = work().xautoclaim(stream(), XAutoClaimArgs.Builder.<String>xautoclaim(Consumer.from(GROUP, consumer), minIdle, "0-0").count(max));
        return taken(claimed.getMessages());
    }

    private static List<Taken> taken(List<StreamMessage<String, String>> messages) {
        List<Taken> out = new ArrayList<>();
        if (messages == null) return out;
        for (StreamMessage<String, String> m : messages) {
            Map<String, String> b = m.getBody();
            if (b == null || b.get("key") == null) continue; // deleted meanwhile
            out.add(new Taken(m.getId(), new OutboundSms(b.get("key"), b.get("to"), b.get("text"), "1".equals(b.get("stop")))));
        }
        return out;
    }

    @Override
    public void done(Taken t, List<String> messageIds, ReceiptIds.Format idFormat) {
        doneAll(List.of(new Done(t, messageIds, idFormat)));
    }

    @Override
    public void doneAll(List<Done> done) {
        if (done.isEmpty()) return;
        // Issued together on one connection, executed in this order, awaited once: one round trip per batch.
        // SENT goes first so that a receipt applied meanwhile is never overwritten; ids are written before we look
        // for receipts that came early, and receipt() looks again after parking one: one side always sees the other.
        var r = Blocking.join(redis.async());
        List<java.util.concurrent.CompletableFuture<?>> writes = new ArrayList<>();
        Map<String, java.util.concurrent.CompletableFuture<String>> early = new java.util.LinkedHashMap<>();
        List<String> entryIds = new ArrayList<>();
        for (Done d : done) {
            String key = d.taken().sms().key();
            writes.add(r.setex(keys.smsState(key), KEEP.toSeconds(), "SENT").toCompletableFuture());
            for (String id : d.messageIds()) {
                for (String form : ReceiptIds.forms(id, d.idFormat())) {
                    writes.add(r.setex(keys.receipt(form), RECEIPT_IDS.toSeconds(), key).toCompletableFuture());
                    early.put(form + "\n" + key, r.getdel(keys.earlyReceipt(form)).toCompletableFuture());
                }
            }
            entryIds.add(d.taken().entryId());
        }
        String[] ids = entryIds.toArray(new String[0]);
        writes.add(r.xack(stream(), GROUP, ids).toCompletableFuture());
        writes.add(r.xdel(stream(), ids).toCompletableFuture());
        Blocking.join(java.util.concurrent.CompletableFuture.allOf(writes.toArray(java.util.concurrent.CompletableFuture<?>[]::new)));
        early.forEach((formAndKey, state) -> {
            String s = Blocking.join(state);
            if (s != null) {
                String key = formAndKey.substring(formAndKey.indexOf('\n') + 1);
                Blocking.join(r.setex(keys.smsState(key), KEEP.toSeconds(), s));
            }
        });
    }

    @Override
    public void skip(Taken t) {
        work().xack(stream(), GROUP, t.entryId());
        work().xdel(stream(), t.entryId());
    }

    @Override
    public void withheld(Taken t, String state) {
        RedisCommands<String, String> r = work();
        r.setex(keys.smsState(t.sms().key()), KEEP.toSeconds(), state);
        r.xack(stream(), GROUP, t.entryId());
        r.xdel(stream(), t.entryId());
    }

    @Override
    public void later(Taken t) {
        // Left pending in the group: reclaimed after the idle time by whichever sender looks first.
    }

    @Override
    public void dead(Taken t, String reason) {
        RedisCommands<String, String> r = work();
        r.xadd(keys.outboxDead(), Map.of("key", t.sms().key(), "to", t.sms().to(), "text", t.sms().text(), "reason", reason));
        r.setex(keys.smsState(t.sms().key()), KEEP.toSeconds(), "DEAD: " + reason);
        r.xack(stream(), GROUP, t.entryId());
        r.xdel(stream(), t.entryId());
    }

    @Override
    public boolean receipt(String messageId, String state) {
        RedisCommands<String, String> r = work();
        String id = ReceiptIds.normalise(messageId);
        String key = r.get(keys.receipt(id));
        if (key == null) {
            // A fast SMSC's receipt may beat our recording of the submit_sm_resp: park it for done() to pick up,
            // then look once more in case done() recorded the id in between.
            r.setex(keys.earlyReceipt(id), EARLY_RECEIPTS.toSeconds(), state);
            key = r.get(keys.receipt(id));
            if (key == null) return false;
            r.del(keys.earlyReceipt(id));
        }
        r.setex(keys.smsState(key), KEEP.toSeconds(), state);
        return true;
    }

    @Override
    public Future<Optional<String>> state(String key) {
        return Future.fromCompletionStage(redis.async().thenCompose(r -> r.get(keys.smsState(key))), vertx.getOrCreateContext())
                .map(Optional::ofNullable);
    }

    @Override
    public Map<String, String> states(List<String> keys) {
        Map<String, String> out = new java.util.HashMap<>();
        if (keys.isEmpty()) return out;
        var values = work().mget(keys.stream().map(this.keys::smsState).toArray(String[]::new));
        for (int i = 0; i < keys.size(); i++) if (values.get(i).hasValue()) out.put(keys.get(i), values.get(i).getValue());
        return out;
    }

    @Override
    public long deadLetters() {
        return work().xlen(keys.outboxDead());
    }

    @Override
    public long backlog() {
        return work().xlen(stream());
    }

    @Override
    public void close() {
        // The connections are the instance's (store.Redis), closed by whoever opened it.
    }
}
