package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import id.kentongan.store.Blocking;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Embedded mode's outbox: the same contract in memory, for one instance; it does not survive a restart. */
public final class MemorySmsOutbox implements SmsOutbox {
    private final BlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, String> receiptIds = new ConcurrentHashMap<>();
    private final Map<String, String> earlyReceipts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong dead = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();

    @Override
    public Future<List<Boolean>> enqueueAll(List<OutboundSms> batch) {
        List<Boolean> flags = new ArrayList<>(batch.size());
        List<OutboundSms> fresh = new ArrayList<>();
        for (OutboundSms sms : batch) {
            boolean isNew = states.putIfAbsent(sms.key(), "QUEUED") == null;
            flags.add(isNew);
            if (isNew) fresh.add(sms);
        }
        if (!fresh.isEmpty()) {
            backlog.addAndGet(fresh.size());
            queue.add(new Entry(0, Long.toString(ids.incrementAndGet()), 0, List.copyOf(fresh), false));
        }
        return Future.succeededFuture(flags);
    }

    @Override
    public List<Entry> take(String consumer, int maxMessages, Duration block) throws InterruptedException {
        List<Entry> out = new ArrayList<>();
        Entry first = queue.poll(block.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) return out;
        out.add(first);
        int messages = first.messages().size();
        while (messages < maxMessages) {
            Entry next = queue.poll();
            if (next == null) break;
            out.add(next);
            messages += next.messages().size();
        }
        return out;
    }

    @Override
    public List<Entry> reclaim(String consumer, Duration minIdle, int maxEntries) {
        return List.of(); // one process: nothing is left behind by another sender
    }

    @Override
    public Set<String> finishedAmong(Entry e) {
        Set<String> out = new HashSet<>();
        for (OutboundSms sms : e.messages()) {
            String s = states.get(sms.key());
            if (s != null && !s.equals("QUEUED")) out.add(sms.key());
        }
        return out;
    }

    @Override
    public synchronized void record(List<Outcome> outcomes, List<Entry> finished, List<Entry> unfinished) {
        for (Outcome o : outcomes) {
            switch (o.kind()) {
                case SENT -> {
                    String state = "SENT";
                    for (String id : o.messageIds()) {
                        receiptIds.put(ReceiptIds.normalise(id), o.sms().key());
                        for (String form : ReceiptIds.forms(id, o.idFormat())) {
                            String early = earlyReceipts.remove(form);
                            if (early != null) state = early;
                        }
                    }
                    states.put(o.sms().key(), state);
                }
                case WITHHELD -> states.put(o.sms().key(), o.detail());
                case DEAD -> {
                    states.put(o.sms().key(), "DEAD: " + o.detail());
                    dead.incrementAndGet();
                    synchronized (deadList) {
                        deadList.addFirst(new DeadLetter(Long.toString(deadIds.incrementAndGet()), o.sms().key(), o.sms().to(), o.sms().text(), o.detail()));
                        while (deadList.size() > 10_000) deadList.removeLast();
                    }
                }
                default -> { } // SKIPPED, LATER
            }
        }
        for (Entry e : finished) backlog.addAndGet(-e.messages().size());
        // No other sender to reclaim them: put back, marked as taken before (what was sent in them is skipped).
        // Under a new id: the sender still holds the old one until this returns, and would skip it as its own.
        for (Entry e : unfinished) queue.add(new Entry(e.shard(), Long.toString(ids.incrementAndGet()), e.day(), e.messages(), true));
    }

    @Override
    public synchronized boolean receipt(String messageId, String state) {
        for (String form : ReceiptIds.forms(messageId, ReceiptIds.Format.AUTO)) {
            String key = receiptIds.get(form);
            if (key != null) {
                states.put(key, state);
                return true;
            }
        }
        earlyReceipts.put(ReceiptIds.normalise(messageId), state); // may beat the submit_sm_resp's bookkeeping
        return false;
    }

    @Override
    public Future<Optional<String>> state(String key) {
        return Future.succeededFuture(Optional.ofNullable(states.get(key)));
    }

    @Override
    public Map<String, String> states(List<String> keys) {
        Map<String, String> out = new HashMap<>();
        for (String k : keys) {
            String s = states.get(k);
            if (s != null) out.put(k, s);
        }
        return out;
    }

    @Override
    public long backlog() {
        return backlog.get();
    }

    @Override
    public long deadLetters() {
        return dead.get();
    }

    /** The newest first; at most 10,000 kept (embedded mode). */
    private final java.util.ArrayDeque<DeadLetter> deadList = new java.util.ArrayDeque<>();
    private final AtomicLong deadIds = new AtomicLong();

    @Override
    public List<DeadLetter> deadList(int max) {
        synchronized (deadList) {
            return deadList.stream().limit(max).toList();
        }
    }

    @Override
    public Optional<String> sendAgain(String deadId) {
        DeadLetter d;
        synchronized (deadList) {
            d = deadList.stream().filter(x -> x.id().equals(deadId)).findFirst().orElse(null);
            if (d != null) deadList.remove(d);
        }
        if (d == null) return Optional.empty();
        String again = d.key() + ":again:" + System.currentTimeMillis();
        Blocking.await(enqueueAll(List.of(new OutboundSms(again, d.to(), d.text(), false))));
        return Optional.of(again);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
