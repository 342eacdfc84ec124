package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import id.kentongan.store.Utf8Codec;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisURI;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox on a Redis Stream with one consumer group shared by every instance: {@code <ns>:outbox} holds queued and
 * unfinished messages; {@code <ns>:dead} the refused ones with their reason; per message key a queued marker (SET NX:
 * a key is queued once), the final state, and the receipt ids pointing back to it, each with an expiry.
 */
public final class RedisSmsOutbox implements SmsOutbox {
    static final String GROUP = "senders";
    private static final Duration KEEP = Duration.ofDays(7);
    private static final Duration RECEIPT_IDS = Duration.ofDays(3);
    private static final Duration EARLY_RECEIPTS = Duration.ofMinutes(10);

    private final Vertx vertx;
    private final String ns;
    private final RedisClient client;
    private final RedisURI uri;
    // Connected on first use, so that the service starts (and answers "busy") while Redis is down.
    private volatile java.util.concurrent.CompletableFuture<StatefulRedisConnection<String, String>> eventLoopConnection;
    private volatile StatefulRedisConnection<String, String> workConnection;
    private volatile StatefulRedisConnection<String, String> blockingConnection;

    public RedisSmsOutbox(Vertx vertx, String redisUrl, String namespace) {
        this.vertx = vertx;
        this.ns = namespace;
        this.uri = RedisURI.create(redisUrl);
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
    }

    private synchronized java.util.concurrent.CompletionStage<StatefulRedisConnection<String, String>> async() {
        var c = eventLoopConnection;
        if (c == null || c.isCompletedExceptionally()) {
            c = client.connectAsync(Utf8Codec.INSTANCE, uri).toCompletableFuture();
            eventLoopConnection = c;
        }
        return c;
    }

    private synchronized RedisCommands<String, String> work() {
        if (workConnection == null) {
            StatefulRedisConnection<String, String> c = client.connect(uri);
            try {
                c.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream(), "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException alreadyThere) {
                // another instance created the group
            }
            workConnection = c;
        }
        return workConnection.sync();
    }

    private RedisCommands<String, String> blocking() {
        work(); // the group exists before anyone reads from it
        synchronized (this) {
            if (blockingConnection == null) blockingConnection = client.connect(uri); // XREADGROUP BLOCK holds its connection
            return blockingConnection.sync();
        }
    }

    private String stream() {
        return ns + ":outbox";
    }

    /**
     * Marks the key queued and adds the message in one step: a process killed between the two would otherwise leave
     * a key marked queued with no message behind it, and every later attempt would think it queued already (found by
     * killing an instance mid-campaign: one message of 5,000 was never sent).
     */
    private static final String ENQUEUE = """
            if redis.call('SET', KEYS[1], 'QUEUED', 'NX', 'EX', ARGV[1]) then
              redis.call('XADD', KEYS[2], '*', 'key', ARGV[2], 'to', ARGV[3], 'text', ARGV[4])
              return 1
            end
            return 0""";

    @Override
    public Future<Boolean> enqueue(OutboundSms sms) {
        var added = async().thenCompose(conn -> conn.async().<Long>eval(ENQUEUE, io.lettuce.core.ScriptOutputType.INTEGER,
                new String[]{ns + ":state:" + sms.key(), stream()}, Long.toString(KEEP.toSeconds()), sms.key(), sms.to(), sms.text())
                .thenApply(n -> n != null && n == 1L));
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
            out.add(new Taken(m.getId(), new OutboundSms(b.get("key"), b.get("to"), b.get("text"))));
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
        work(); // connected, group created
        // Issued together on one connection, executed in this order, awaited once: one round trip per batch.
        // SENT goes first so that a receipt applied meanwhile is never overwritten; ids are written before we look
        // for receipts that came early, and receipt() looks again after parking one: one side always sees the other.
        var r = workConnection.async();
        List<java.util.concurrent.CompletableFuture<?>> writes = new ArrayList<>();
        Map<String, java.util.concurrent.CompletableFuture<String>> early = new java.util.LinkedHashMap<>();
        List<String> entryIds = new ArrayList<>();
        for (Done d : done) {
            String key = d.taken().sms().key();
            writes.add(r.setex(ns + ":state:" + key, KEEP.toSeconds(), "SENT").toCompletableFuture());
            for (String id : d.messageIds()) {
                for (String form : ReceiptIds.forms(id, d.idFormat())) {
                    writes.add(r.setex(ns + ":receipt:" + form, RECEIPT_IDS.toSeconds(), key).toCompletableFuture());
                    early.put(form + "\n" + key, r.getdel(ns + ":early-receipt:" + form).toCompletableFuture());
                }
            }
            entryIds.add(d.taken().entryId());
        }
        String[] ids = entryIds.toArray(new String[0]);
        writes.add(r.xack(stream(), GROUP, ids).toCompletableFuture());
        writes.add(r.xdel(stream(), ids).toCompletableFuture());
        java.util.concurrent.CompletableFuture.allOf(writes.toArray(java.util.concurrent.CompletableFuture<?>[]::new)).join();
        early.forEach((formAndKey, state) -> {
            String s = state.join();
            if (s != null) {
                String key = formAndKey.substring(formAndKey.indexOf('\n') + 1);
                r.setex(ns + ":state:" + key, KEEP.toSeconds(), s).toCompletableFuture().join();
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
        r.setex(ns + ":state:" + t.sms().key(), KEEP.toSeconds(), state);
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
        r.xadd(ns + ":dead", Map.of("key", t.sms().key(), "to", t.sms().to(), "text", t.sms().text(), "reason", reason));
        r.setex(ns + ":state:" + t.sms().key(), KEEP.toSeconds(), "DEAD: " + reason);
        r.xack(stream(), GROUP, t.entryId());
        r.xdel(stream(), t.entryId());
    }

    @Override
    public boolean receipt(String messageId, String state) {
        RedisCommands<String, String> r = work();
        String id = ReceiptIds.normalise(messageId);
        String key = r.get(ns + ":receipt:" + id);
        if (key == null) {
            // A fast SMSC's receipt may beat our recording of the submit_sm_resp: park it for done() to pick up,
            // then look once more in case done() recorded the id in between.
            r.setex(ns + ":early-receipt:" + id, EARLY_RECEIPTS.toSeconds(), state);
            key = r.get(ns + ":receipt:" + id);
            if (key == null) return false;
            r.del(ns + ":early-receipt:" + id);
        }
        r.setex(ns + ":state:" + key, KEEP.toSeconds(), state);
        return true;
    }

    @Override
    public Future<Optional<String>> state(String key) {
        return Future.fromCompletionStage(async().thenCompose(c -> c.async().get(ns + ":state:" + key)), vertx.getOrCreateContext())
                .map(Optional::ofNullable);
    }

    @Override
    public Map<String, String> states(List<String> keys) {
        Map<String, String> out = new java.util.HashMap<>();
        if (keys.isEmpty()) return out;
        var values = work().mget(keys.stream().map(k -> ns + ":state:" + k).toArray(String[]::new));
        for (int i = 0; i < keys.size(); i++) if (values.get(i).hasValue()) out.put(keys.get(i), values.get(i).getValue());
        return out;
    }

    @Override
    public long deadLetters() {
        return work().xlen(ns + ":dead");
    }

    @Override
    public long backlog() {
        return work().xlen(stream());
    }

    @Override
    public void close() {
        client.shutdown(); // closes every connection it made
    }
}
