package id.kentongan.ussd;

import id.kentongan.Eventually;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Overload: past {@code limits.hopsInFlight} hops being worked on, a hop is answered the busy screen at once rather than
 * queued behind the work already under way. Redis is paused for a moment ({@code CLIENT PAUSE}) so that four hops wait
 * in it, holding every place, deterministically; hops waiting on a slow core system hold none.
 */
class OverloadTest {
    private static final String BUSY = "END Layanan sedang sibuk, silakan coba lagi.\nService is busy, please try again.";

    @Test
    @Tag("redis")
    void pastTheCapHopsGetTheBusyScreenAtOnceAndACutDialogueResumesOnTheRedial() throws Exception {
        try (Instances instances = new Instances()) {
            KentonganConfig r = Instances.isolated();
            // Commands may wait 5 s (the pause below is 1.5 s): the held hops are served whole once Redis answers.
            KentonganConfig c = new KentonganConfig(r.httpHost(), r.httpPort(), r.redisUrl(), Duration.ofSeconds(5), r.sessionTtl(),
                    r.resumeWindow(), r.backendTimeout(), r.sandboxDelay(), r.menusDir(), r.menuPollInterval(), r.zone(), r.backends(),
                    r.sms(), r.outreach(), r.redisNamespace(), r.limits().withHopsInFlight(4), r.dataKey());
            Kentongan k = instances.start(c);
            // A worker half-way into registering before the rush.
            String workerPhone = Instances.newPhone();
            Call worker = new Call("ov-worker", workerPhone, k.port());
            assertTrue(worker.dial().con());
            assertTrue(worker.press("1").screen().contains("NIK"));
            List<Call> four = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Call call = new Call("ov-held-" + i, Instances.newPhone(), k.port());
                assertTrue(call.dial().con());
                four.add(call);
            }

            ExecutorService pool = Executors.newFixedThreadPool(24);
            try {
                // Redis stops answering for 1.5 s: the four phones' next hops wait in it, holding the four places.
                pauseRedis(1_500);
                List<Future<Answer>> held = new ArrayList<>();
                for (Call call : four) held.add(pool.submit(() -> call.press("5")));
                Eventually.until("four hops in flight", Duration.ofSeconds(1), () -> k.meters().snapshot().get("hops_in_flight").intValue() == 4);

                // Twenty new dialogues and the worker's next hop, all at once, while the four are still held.
                List<Future<Answer>> rush = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    Call call = new Call("ov-rush-" + i, Instances.newPhone(), k.port());
                    rush.add(pool.submit(call::dial));
                }
                Answer cut = worker.press(Instances.nik(31_500));
                for (Future<Answer> f : rush) assertEquals(new Answer(200, BUSY), f.get());
                assertEquals(new Answer(200, BUSY), cut);
                assertFalse(held.stream().anyMatch(Future::isDone), "the busy answers came while Redis still held the four");

                for (Future<Answer> f : held) {
                    Answer a = f.get();
                    assertTrue(a.status() == 200 && a.body().startsWith("CON Kentongan: BPJS"), "the held hops were served whole: " + a);
                }
                assertEquals(21L, k.meters().snapshot().get("shed").longValue(), "every hop over the cap counted as shed");
                assertEquals(0, k.meters().snapshot().get("hops_in_flight").intValue(), "every place given back");

                // Room again: the cut worker redials and is offered to go on where the busy screen cut them off.
                Call again = new Call("ov-worker-2", workerPhone, k.port());
                assertEquals("CON Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal", again.dial().body());
                assertTrue(again.press("1").screen().contains("NIK"), "back on the NIK screen, nothing lost");
                assertTrue(new Call("ov-after", Instances.newPhone(), k.port()).dial().screen().startsWith("Kentongan BPJS Ketenagakerjaan"));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** CLIENT PAUSE on the test Redis: on the local cluster, on each of its six nodes (connections opened first). */
    private static void pauseRedis(long millis) {
        if (!Instances.REDIS.startsWith("redis-cluster://")) {
            Instances.redis().sync().clientPause(millis);
            return;
        }
        List<io.lettuce.core.RedisClient> clients = new ArrayList<>();
        List<io.lettuce.core.api.StatefulRedisConnection<String, String>> nodes = new ArrayList<>();
        try {
            for (int port = 7000; port <= 7005; port++) {
                io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create("redis://127.0.0.1:" + port);
                clients.add(client);
                nodes.add(client.connect());
            }
            for (var node : nodes) node.sync().clientPause(millis);
        } finally {
            nodes.forEach(n -> n.closeAsync());
            clients.forEach(c -> c.shutdownAsync());
        }
    }

    @Test
    void hopsWaitingOnASlowCoreSystemHoldNoPlace() throws Exception {
        try (Instances instances = new Instances()) {
            // The core system takes 2 s a call; four places only.
            KentonganConfig c = Instances.config(Optional.empty(), Path.of("menus"), Duration.ofSeconds(2), Duration.ofSeconds(8));
            Kentongan k = instances.start(c.with(c.limits().withHopsInFlight(4)));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Answer>> slow = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    Call call = new Call("ov-slow-" + i, Instances.newPhone(), k.port());
                    assertTrue(call.dial().con());
                    slow.add(pool.submit(() -> call.press("2"))); // a status check: waits on the core system
                }
                Thread.sleep(300);
                assertFalse(slow.stream().anyMatch(Future::isDone), "the six still wait on the core system");
                assertEquals(0, k.meters().snapshot().get("hops_in_flight").intValue(), "waiting on the core holds no place");
                assertTrue(new Call("ov-browse", Instances.newPhone(), k.port()).dial().screen().startsWith("Kentongan BPJS Ketenagakerjaan"),
                        "a worker who only dials is served meanwhile");
                for (Future<Answer> f : slow) {
                    Answer a = f.get();
                    assertTrue(a.status() == 200 && a.body().contains("belum terdaftar"), "and the six get the core system's answer: " + a);
                }
                assertEquals(0L, k.meters().snapshot().get("shed").longValue());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void whileTheEventLoopsRunLateNewDialoguesAreTurnedAwayAndThoseUnderWayGoOn() throws Exception {
        try (Instances instances = new Instances()) {
            KentonganConfig c = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(8));
            Kentongan k = instances.start(c.with(c.limits().withLoopLag(Duration.ofMillis(40))));
            String workerPhone = Instances.newPhone();
            Call worker = new Call("lag-worker", workerPhone, k.port());
            assertTrue(worker.dial().con());
            assertTrue(worker.press("1").screen().contains("NIK"));

            // Every event loop kept busy: a 150 ms task each millisecond or so, in more verticles than there are loops (each
            // instance is given the next loop in turn), so the loops read requests only between them, late.
            java.util.concurrent.atomic.AtomicBoolean rushHour = new java.util.concurrent.atomic.AtomicBoolean(true);
            Instances.await(instances.vertx().deployVerticle(() -> new io.vertx.core.VerticleBase() {
                @Override
                public io.vertx.core.Future<?> start() {
                    context.runOnContext(new io.vertx.core.Handler<Void>() {
                        @Override
                        public void handle(Void v) {
                            long until = System.nanoTime() + 150_000_000L;
                            while (System.nanoTime() < until) Thread.onSpinWait();
                            if (rushHour.get()) vertx.setTimer(1, t -> handle(null)); // a timer: the loop reads its sockets in between
                        }
                    });
                    return io.vertx.core.Future.succeededFuture();
                }
            }, new io.vertx.core.DeploymentOptions().setInstances(8)));
            try {
                Eventually.until("the loops seen running late", Duration.ofSeconds(10), () -> k.meters().snapshot().get("loop_late").intValue() == 1);
                assertTrue(k.meters().snapshot().get("loop_lag_ms").longValue() > 40, "the gauge says how late");
                long shedBefore = k.meters().snapshot().get("shed").longValue();
                assertEquals(new Answer(200, BUSY), new Call("lag-new", Instances.newPhone(), k.port()).dial(), "a new dialogue is turned away");
                assertTrue(worker.press(Instances.nik(31_501)).screen().contains("Nama"), "the dialogue under way goes on");
                assertEquals(shedBefore + 1, k.meters().snapshot().get("shed").longValue(), "the turned-away dial counted as shed");
            } finally {
                rushHour.set(false);
            }
            Eventually.until("the loops on time again", Duration.ofSeconds(10), () -> k.meters().snapshot().get("loop_late").intValue() == 0);
            assertTrue(new Call("lag-after", Instances.newPhone(), k.port()).dial().screen().startsWith("Kentongan BPJS Ketenagakerjaan"),
                    "new dialogues are served again");
            assertTrue(worker.press("PEKERJA LAG").screen().contains("Pekerjaan"), "and the worker's dialogue is still whole");
        }
    }
}
