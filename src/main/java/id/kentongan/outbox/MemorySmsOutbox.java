package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Embedded mode's outbox: the same contract in memory, for one instance; it does not survive a restart. */
public final class MemorySmsOutbox implements SmsOutbox {
    private final BlockingQueue<Taken> queue = new LinkedBlockingQueue<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, String> receiptIds = new ConcurrentHashMap<>();
    private final Map<String, String> earlyReceipts = new ConcurrentHashMap<>();
    private final Map<String, Taken> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();

    @Override
    public Future<Boolean> enqueue(OutboundSms sms) {
        if (states.putIfAbsent(sms.key(), "QUEUED") != null) return Future.succeededFuture(false);
        queue.add(new Taken(Long.toString(ids.incrementAndGet()), sms));
        return Future.succeededFuture(true);
    }

    @Override
    public List<Taken> take(String consumer, int max, Duration block) throws InterruptedException {
        List<Taken> out = new ArrayList<>();
        Taken first = queue.poll(block.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) return out;
        out.add(first);
        queue.drainTo(out, max - 1);
        out.forEach(t -> inFlight.put(t.entryId(), t));
        return out;
    }

    @Override
    public List<Taken> reclaim(String consumer, Duration minIdle, int max) {
        return List.of(); // one process: nothing is left behind by another sender
    }

    @Override
    public synchronized void done(Taken t, List<String> messageIds, ReceiptIds.Format idFormat) {
        String state = "SENT";
        for (String id : messageIds) {
            for (String form : ReceiptIds.forms(id, idFormat)) {
                receiptIds.put(form, t.sms().key());
                String early = earlyReceipts.remove(form);
                if (early != null) state = early;
            }
        }
        states.put(t.sms().key(), state);
        inFlight.remove(t.entryId());
    }

    @Override
    public void skip(Taken t) {
        inFlight.remove(t.entryId());
    }

    @Override
    public void withheld(Taken t, String state) {
        states.put(t.sms().key(), state);
        inFlight.remove(t.entryId());
    }

    @Override
    public void later(Taken t) {
        putBack(t);
    }

    @Override
    public void dead(Taken t, String reason) {
        states.put(t.sms().key(), "DEAD: " + reason);
        inFlight.remove(t.entryId());
        dead.incrementAndGet();
    }

    @Override
    public synchronized boolean receipt(String messageId, String state) {
        String key = receiptIds.get(ReceiptIds.normalise(messageId));
        if (key == null) {
            earlyReceipts.put(ReceiptIds.normalise(messageId), state); // may beat the submit_sm_resp's bookkeeping
            return false;
        }
        states.put(key, state);
        return true;
    }

    @Override
    public Future<Optional<String>> state(String key) {
        return Future.succeededFuture(Optional.ofNullable(states.get(key)));
    }

    @Override
    public Map<String, String> states(List<String> keys) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String k : keys) {
            String s = states.get(k);
            if (s != null) out.put(k, s);
        }
        return out;
    }

    @Override
    public long backlog() {
        return queue.size() + inFlight.size();
    }

    @Override
    public long deadLetters() {
        return dead.get();
    }

    /** Puts back what a stopping sender took but did not finish (memory has no reclaim). */
    void putBack(Taken t) {
        if (inFlight.remove(t.entryId()) != null) queue.add(t);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
