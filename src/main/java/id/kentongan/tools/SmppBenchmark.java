package id.kentongan.tools;

import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code kentongan bench-smpp}: queues N reminder-sized SMS, then measures how fast the sender drains them into the
 * simulator over real TCP — outbox, windowed submits, submit_sm_resp, bookkeeping — with the window kept full.
 */
public final class SmppBenchmark {
    private SmppBenchmark() {}

    public static int run(int messages, int binds, int window, int rate, Optional<String> redis, PrintStream out) throws Exception {
        return run(messages, binds, window, rate, redis, false, out);
    }

    /** With {@code receipts}, the simulator sends a delivery receipt for each message and their rate is reported too. */
    public static int run(int messages, int binds, int window, int rate, Optional<String> redis, boolean receipts, PrintStream out)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            SmscConfig config = SmscConfig.parse("smpp://bench:sim@127.0.0.1:" + sim.port() + "?binds=" + binds + "&window=" + window
                    + "&rate=" + rate + "&receipts=" + receipts + "&keyTlv=true");
            Keyspace keys = new Keyspace("kt-bench-" + UUID.randomUUID().toString().substring(0, 8));
            Optional<Redis> client = redis.map(url -> new Redis(url, Duration.ofSeconds(5)));
            SmsChannel channel = SmsChannel.open(vertx, client, keys, Optional.of(config), Duration.ofSeconds(30), Duration.ofSeconds(90),
                    Clock.systemUTC());
            try {
                List<Future<Boolean>> queued = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    queued.add(channel.outbox().enqueue(new OutboundSms("bench-" + i, "628130" + String.format("%07d", i),
                            "Pengingat: iuran BPJS TK Rp16.800 jatuh tempo 30-11-2026. Bayar lewat *567#. #" + i)));
                }
                Future.all(queued).toCompletionStage().toCompletableFuture().join();
                long start = System.nanoTime();
                java.util.concurrent.atomic.AtomicLong receiptsIn = new java.util.concurrent.atomic.AtomicLong();
                channel.start(new SmscClient.Inbound() {
                    @Override
                    public void receipt(String messageId, String state) {
                        channel.outbox().receipt(messageId, state);
                        receiptsIn.incrementAndGet();
                    }

                    @Override
                    public void mo(String from, String to, String text) {}

                    @Override
                    public void ussd(SmscClient.UssdHop hop) {}
                });
                double occupancySum = 0;
                long samples = 0;
                while (sim.receivedCount() < messages) {
                    Thread.sleep(20);
                    occupancySum += channel.client().windowOccupancy();
                    samples++;
                    if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                        out.println("gave up after 5 minutes: " + sim.receivedCount() + " of " + messages);
                        return 1;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("bench-smpp: %d messages, %d binds, window %d, outbox %s: %.1f s, %.0f submit_sm/s sustained, "
                                + "window %.0f%% full on average%n",
                        messages, binds, window, redis.isPresent() ? "Redis Streams" : "memory", seconds, messages / seconds,
                        samples == 0 ? 0 : 100 * occupancySum / samples);
                if (receipts) {
                    long sentAt = System.nanoTime();
                    long last = -1;
                    while (receiptsIn.get() < messages && receiptsIn.get() != last) { // until they stop coming
                        last = receiptsIn.get();
                        Thread.sleep(2_000);
                    }
                    double all = (System.nanoTime() - start) / 1e9 - (receiptsIn.get() < messages ? (System.nanoTime() - sentAt) / 1e9 : 0);
                    out.printf("  delivery receipts: %d of %d (%.0f/s); deliver_sm attempts not acknowledged (retried): %d%n",
                            receiptsIn.get(), messages, receiptsIn.get() / Math.max(all, 0.001), sim.deliverFailures());
                }
                return 0;
            } finally {
                channel.close();
                client.ifPresent(Redis::close);
            }
        } finally {
            vertx.close();
        }
    }
}
