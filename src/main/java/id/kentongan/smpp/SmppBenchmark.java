package id.kentongan.smpp;

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
        Vertx vertx = Vertx.vertx();
        try (SmscSimulator sim = SmscSimulator.start(0)) {
            SmscConfig config = SmscConfig.parse("smpp://bench:sim@127.0.0.1:" + sim.port() + "?binds=" + binds + "&window=" + window
                    + "&rate=" + rate + "&receipts=false&keyTlv=true");
            String ns = "kt:bench:" + UUID.randomUUID().toString().substring(0, 8);
            SmsChannel channel = SmsChannel.open(vertx, redis, Optional.of(config), ns, Duration.ofSeconds(30), Duration.ofSeconds(90),
                    Clock.systemUTC());
            try {
                List<Future<Boolean>> queued = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    queued.add(channel.outbox().enqueue(new OutboundSms("bench-" + i, "628130" + String.format("%07d", i),
                            "Pengingat: iuran BPJS TK Rp16.800 jatuh tempo 30-11-2026. Bayar lewat *567#. #" + i)));
                }
                Future.all(queued).toCompletionStage().toCompletableFuture().join();
                long start = System.nanoTime();
                channel.start(new SmscClient.Inbound() {
                    @Override
                    public void receipt(String messageId, String state) {}

                    @Override
                    public void mo(String from, String to, String text) {}

                    @Override
                    public void ussd(SmscClient.UssdHop hop) {}
                });
                while (sim.received().size() < messages) {
                    Thread.sleep(20);
                    if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
                        out.println("gave up after 5 minutes: " + sim.received().size() + " of " + messages);
                        return 1;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("bench-smpp: %d messages, %d binds, window %d, outbox %s: %.1f s, %.0f submit_sm/s sustained%n",
                        messages, binds, window, redis.isPresent() ? "Redis Streams" : "memory", seconds, messages / seconds);
                return 0;
            } finally {
                channel.close();
            }
        } finally {
            vertx.close();
        }
    }
}
