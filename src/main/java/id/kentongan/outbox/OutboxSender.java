package id.kentongan.outbox;

import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SubmitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the outbox into the SMSC. One reader takes batches for this instance's consumer; {@code parallel} workers send
 * them (as many as the binds' windows can carry). A message already sent under its key is only acknowledged; one the
 * SMSC accepted is marked done; one refused for good goes to the dead letters with the reason; one the SMSC would not
 * take within {@code patience} stays pending. Pending entries idle longer than {@code reclaimIdle} — a sender that
 * died, or this one's own giving-up — are reclaimed; entries this sender is still working on are never taken twice.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** The state of a reminder or campaign message not sent because the worker had sent STOP. */
    public static final String OPTED_OUT = "OPTED_OUT";

    private final SmsOutbox outbox;
    private final SmscClient client;
    private final String consumer;
    private final int parallel;
    private final Duration patience;
    private final Duration reclaimIdle;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deferred = new AtomicLong();
    private volatile boolean running = true;
    /** Set once no worker can add to {@code accepted} any more: only then may the flusher stop. */
    private volatile boolean workersDone;
    private final Thread reader;
    /** Accepted messages waiting to be recorded; one flusher records them in batches (one Redis round trip each). */
    private final java.util.concurrent.LinkedBlockingQueue<SmsOutbox.Done> accepted = new java.util.concurrent.LinkedBlockingQueue<>();
    private final Thread flusher;

    private final OptOutCheck optOuts;
    private volatile java.util.function.Consumer<String> events = e -> { };

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
        this.parallel = parallel;
        this.patience = patience;
        this.reclaimIdle = reclaimIdle;
        this.workers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sms-sender");
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(parallel * 2);
        this.reader = new Thread(this::read, "sms-outbox-reader");
        reader.setDaemon(true);
        this.flusher = new Thread(this::flush, "sms-outbox-flusher");
        flusher.setDaemon(true);
    }

    public OutboxSender start() {
        reader.start();
        flusher.start();
        return this;
    }

    private void flush() {
        List<SmsOutbox.Done> batch = new java.util.ArrayList<>();
        while (!workersDone || !accepted.isEmpty()) {
            try {
                SmsOutbox.Done first = accepted.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                accepted.drainTo(batch, 499);
                outbox.doneAll(batch);
            } catch (InterruptedException e) {
                if (workersDone) break;
            } catch (RuntimeException e) {
                // Not recorded: the entries stay pending and are reclaimed; the key check stops a second send.
                log.warn("could not record {} sent messages: {}", batch.size(), e.toString());
            } finally {
                batch.forEach(d -> inFlight.remove(d.taken().entryId()));
                batch.clear();
            }
        }
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
                    dispatch(outbox.reclaim(consumer, reclaimIdle, 200));
                }
                int free = Math.max(1, slots.availablePermits());
                dispatch(outbox.take(consumer, Math.min(free, 200), Duration.ofMillis(500)));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("outbox read failed: {}; retrying", e.toString());
                sleep(500);
            }
        }
    }

    private void dispatch(List<SmsOutbox.Taken> batch) throws InterruptedException {
        if (batch.isEmpty()) return;
        // One read for the whole batch: which of these were sent before (by a sender that died before acking)?
        java.util.Set<String> sentBefore = outbox.sentAmong(batch.stream().map(t -> t.sms().key()).toList());
        // STOP is honoured when the message leaves, not only when it was planned: one read for the batch.
        List<String> askable = batch.stream().filter(t -> t.sms().stoppable()).map(t -> t.sms().to()).distinct().toList();
        java.util.Set<String> stopped = askable.isEmpty() ? java.util.Set.of() : optOuts.optedOut(askable);
        for (SmsOutbox.Taken t : batch) {
            if (!inFlight.add(t.entryId())) continue; // reclaimed while still ours
            if (sentBefore.contains(t.sms().key())) {
                outbox.skip(t);
                inFlight.remove(t.entryId());
                continue;
            }
            if (t.sms().stoppable() && stopped.contains(t.sms().to())) {
                outbox.withheld(t, OPTED_OUT);
                inFlight.remove(t.entryId());
                events.accept("opted_out");
                continue;
            }
            slots.acquire();
            workers.execute(() -> {
                boolean recorded = false;
                try {
                    recorded = send(t);
                } finally {
                    if (!recorded) inFlight.remove(t.entryId()); // recorded ones leave inFlight once flushed
                    slots.release();
                }
            });
        }
    }

    /** Sends one message; true when it was accepted and handed to the flusher to record. */
    private boolean send(SmsOutbox.Taken t) {
        try {
            List<String> ids = client.send(t.sms().key(), t.sms().to(), t.sms().text(), patience);
            accepted.add(new SmsOutbox.Done(t, ids, client.config().receiptIds()));
            sent.incrementAndGet();
            events.accept("submitted");
            return true;
        } catch (SubmitException e) {
            switch (e.kind()) {
                case PERMANENT -> {
                    outbox.dead(t, e.getMessage());
                    events.accept("failed");
                    log.warn("SMS {} refused for good: {}", t.sms().key(), e.getMessage());
                }
                case UNKNOWN -> {
                    if (client.config().keyTlv()) {
                        // The SMSC de-duplicates by key: a later try cannot deliver it twice, so keep it.
                        deferred.incrementAndGet();
                        outbox.later(t);
                        log.warn("SMS {}: no submit_sm_resp twice; tried again later under the same key", t.sms().key());
                    } else {
                        // Resent once and still no answer: sending again could be a duplicate; a person decides.
                        outbox.dead(t, "outcome unknown after one resend");
                        log.error("SMS {}: no submit_sm_resp twice; dead-lettered rather than risk a duplicate", t.sms().key());
                    }
                }
                default -> {
                    deferred.incrementAndGet();
                    outbox.later(t);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.later(t);
        } catch (RuntimeException e) {
            log.warn("SMS {} not sent now: {}", t.sms().key(), e.toString());
            outbox.later(t);
        }
        return false;
    }

    /** Stops taking work and lets the messages in hand finish. */
    @Override
    public void close() {
        running = false;
        reader.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(patience.toMillis() + 2_000, TimeUnit.MILLISECONDS)) workers.shutdownNow();
            reader.join(2_000);
            workersDone = true;
            flusher.join(5_000); // records everything accepted before stopping
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
