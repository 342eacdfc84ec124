package id.kentongan.outbox;

import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SubmitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the outbox into the SMSC. One reader takes entries (batches of messages) for this instance's consumer;
 * {@code parallel} workers send their messages (as many as the binds' windows carry: jSMPP's submit blocks its thread
 * until the answer, so the pool is sized to the windows). Every message's outcome goes to one recorder, which writes
 * them in batches and takes an entry off the queue once all its messages are finished: accepted, withheld (STOP),
 * dead (refused for good), or found sent before. An entry with a message the SMSC would not take within {@code
 * patience} stays pending and is reclaimed after {@code reclaimIdle} — by this sender or another — and its sent
 * messages skipped. Entries this sender is still working on are never taken twice.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** The state of a reminder or campaign message not sent because the worker had sent STOP. */
    public static final String OPTED_OUT = "OPTED_OUT";
    /** Messages recorded per round trip at most. */
    private static final int RECORD_BATCH = 5_000;

    private final SmsOutbox outbox;
    private final SmscClient client;
    private final String consumer;
    private final Duration patience;
    private final Duration reclaimIdle;
    private final ExecutorService workers;
    /** Messages in hand (taken, not yet recorded): the reader waits when this many are out. */
    private final Semaphore inHand;
    private final int maxInHand;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private volatile boolean running = true;
    /** Set once no worker can add an outcome any more: only then may the recorder stop. */
    private volatile boolean workersDone;
    private final Thread reader;
    private final LinkedBlockingQueue<SmsOutbox.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Thread recorder;

    private final OptOutCheck optOuts;
    private volatile java.util.function.Consumer<String> events = e -> { };

    /** An entry being worked on: how many of its messages have no recorded outcome yet, and whether one was left for later. */
    private static final class Work {
        final AtomicInteger open;
        volatile boolean later;

        Work(int size) {
            open = new AtomicInteger(size);
        }
    }

    /** Entries in hand, by {@link SmsOutbox.Entry#ref()}: one is never taken twice while it is here. */
    private final ConcurrentHashMap<String, Work> work = new ConcurrentHashMap<>();

    /** Told "submitted", "failed" or "opted_out" for each message (the SMS meter). */
    public void countingWith(java.util.function.Consumer<String> events) {
        this.events = events;
    }

    public OutboxSender(SmsOutbox outbox, SmscClient client, String consumer, int parallel, Duration patience, Duration reclaimIdle,
                        OptOutCheck optOuts) {
        this.optOuts = optOuts;
        if (reclaimIdle.compareTo(patience.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("reclaimIdle must be at least twice the patience, or a slow send could be taken twice");
        }
        this.outbox = outbox;
        this.client = client;
        this.consumer = consumer;
        this.patience = patience;
        this.reclaimIdle = reclaimIdle;
        this.workers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sms-sender");
            t.setDaemon(true);
            return t;
        });
        this.maxInHand = Math.max(parallel * 4, 2_000);
        this.inHand = new Semaphore(maxInHand);
        this.reader = new Thread(this::read, "sms-outbox-reader");
        reader.setDaemon(true);
        this.recorder = new Thread(this::recordLoop, "sms-outbox-recorder");
        recorder.setDaemon(true);
    }

    public OutboxSender start() {
        reader.start();
        recorder.start();
        return this;
    }

    public long sent() {
        return sent.get();
    }

    public long deferred() {
        return deferred.get();
    }

    private void read() {
        long lastReclaim = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - lastReclaim > reclaimIdle.toNanos() / 2) {
                    lastReclaim = System.nanoTime();
                    dispatch(outbox.reclaim(consumer, reclaimIdle, 20));
                }
                // Take more once half the hand is free, while the workers are busy with the rest (waits, no polling).
                inHand.acquire(maxInHand / 2);
                inHand.release(maxInHand / 2);
                dispatch(outbox.take(consumer, inHand.availablePermits(), Duration.ofMillis(500)));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("outbox read failed: {}; retrying", e.toString());
                sleep(500);
            }
        }
    }

    private void dispatch(List<SmsOutbox.Entry> entries) throws InterruptedException {
        if (entries.isEmpty()) return;
        // STOP is honoured when the message leaves, not only when it was planned: one read for the whole take.
        List<String> askable = entries.stream().flatMap(e -> e.messages().stream()).filter(OutboundSms::stoppable)
                .map(OutboundSms::to).distinct().toList();
        Set<String> stopped = askable.isEmpty() ? Set.of() : optOuts.optedOut(askable);
        for (SmsOutbox.Entry e : entries) {
            if (work.putIfAbsent(e.ref(), new Work(e.messages().size())) != null) continue; // reclaimed while still ours
            // Taken before by a sender that died (or gave up for now): what it finished is not sent again.
            Set<String> finished = e.again() ? outbox.finishedAmong(e) : Set.of();
            for (OutboundSms sms : e.messages()) {
                inHand.acquire();
                if (finished.contains(sms.key())) {
                    outcomes.add(SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.SKIPPED, ""));
                } else if (sms.stoppable() && stopped.contains(sms.to())) {
                    outcomes.add(SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.WITHHELD, OPTED_OUT));
                    events.accept("opted_out");
                } else {
                    workers.execute(() -> outcomes.add(send(e, sms)));
                }
            }
        }
    }

    /** Sends one message; its outcome. */
    private SmsOutbox.Outcome send(SmsOutbox.Entry e, OutboundSms sms) {
        try {
            List<String> ids = client.send(sms.key(), sms.to(), sms.text(), patience);
            sent.incrementAndGet();
            events.accept("submitted");
            // No receipts asked for: no ids to remember (nothing will quote them).
            return SmsOutbox.Outcome.sent(e, sms, client.config().requestReceipts() ? ids : List.of(), client.config().receiptIds());
        } catch (SubmitException ex) {
            switch (ex.kind()) {
                case PERMANENT -> {
                    events.accept("failed");
                    log.warn("SMS {} refused for good: {}", sms.key(), ex.getMessage());
                    return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.DEAD, ex.getMessage());
                }
                case UNKNOWN -> {
                    if (client.config().keyTlv()) {
                        // The SMSC de-duplicates by key: a later try cannot deliver it twice, so keep it.
                        deferred.incrementAndGet();
                        log.warn("SMS {}: no submit_sm_resp twice; tried again later under the same key", sms.key());
                        return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.LATER, "");
                    }
                    // Resent once and still no answer: sending again could be a duplicate; a person decides.
                    events.accept("failed");
                    log.error("SMS {}: no submit_sm_resp twice; dead-lettered rather than risk a duplicate", sms.key());
                    return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.DEAD, "outcome unknown after one resend");
                }
                default -> {
                    deferred.incrementAndGet();
                    return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.LATER, "");
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.LATER, "");
        } catch (RuntimeException ex) {
            log.warn("SMS {} not sent now: {}", sms.key(), ex.toString());
            return SmsOutbox.Outcome.of(e, sms, SmsOutbox.Kind.LATER, "");
        }
    }

    /** Writes outcomes in batches; an entry leaves the queue with the batch that holds its last outcome. */
    private void recordLoop() {
        List<SmsOutbox.Outcome> batch = new ArrayList<>();
        while (!workersDone || !outcomes.isEmpty()) {
            List<SmsOutbox.Entry> finished = new ArrayList<>();
            List<SmsOutbox.Entry> unfinished = new ArrayList<>();
            try {
                SmsOutbox.Outcome first = outcomes.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                for (SmsOutbox.Outcome o : batch) {
                    Work w = work.get(o.entry().ref());
                    if (o.kind() == SmsOutbox.Kind.LATER) w.later = true;
                    if (w.open.decrementAndGet() == 0) (w.later ? unfinished : finished).add(o.entry());
                }
                outbox.record(batch, finished, unfinished);
            } catch (InterruptedException e) {
                if (workersDone) break;
            } catch (RuntimeException e) {
                // Not recorded: the entries stay pending and are reclaimed; what was sent is recognised by the SMSC's key.
                log.warn("could not record {} SMS outcomes: {}", batch.size(), e.toString());
                unfinished.addAll(finished);
                finished.clear();
            } finally {
                for (SmsOutbox.Entry e : finished) forget(e);
                for (SmsOutbox.Entry e : unfinished) forget(e);
                inHand.release(batch.size());
                batch.clear();
            }
        }
    }

    private void forget(SmsOutbox.Entry e) {
        work.remove(e.ref());
    }

    /** Stops taking work and lets the messages in hand finish and be recorded. */
    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            reader.join(2_000);
            workers.shutdown();
            if (!workers.awaitTermination(patience.toMillis() + 2_000, TimeUnit.MILLISECONDS)) workers.shutdownNow();
            workersDone = true;
            recorder.join(5_000); // records everything accepted before stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
