package id.kentongan.tools;

import id.kentongan.outbox.OptOutCheck;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import id.kentongan.text.Digest;
import id.kentongan.text.Gsm7;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code kentongan loadtest sms}: the SMS path end to end, with the SMSC simulator in a process of its own. Modes:
 * <ul>
 *   <li>campaign (default): the service in its own process on Redis; {@code POST /admin/campaigns} with N numbers; timed
 *       from the POST to the last submit_sm the simulator accepted;</li>
 *   <li>queued ({@code --queued}): N SMS queued in this process's outbox (Redis or memory) and drained to the simulator;
 *       timed from the first enqueue to the last submit_sm accepted.</li>
 * </ul>
 * Reports messages/s, Redis commands per message ({@code INFO commandstats}, the whole server), CPU seconds of service,
 * Redis and simulator, and receipts/s; {@code --baseline} runs a bare jSMPP client (one bind, the same window, the same
 * text) against the same simulator before and after, and prints the ratio to their mean.
 */
public final class SmsLoadTest {
    static final String TEXT = "Yth pekerja, daftar JKK+JKM BPJS Ketenagakerjaan Rp16.800/bln lewat *567#. Info: agen Perisai.";

    public record Options(int messages, boolean queued, boolean memory, String redisUrl, int binds, int window, boolean baseline,
                          boolean receipts, int shards, Optional<Path> serviceJar) {}

    private final Options o;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public SmsLoadTest(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
    }

    public JsonObject run() throws Exception {
        int smpp = freePort();
        int simHttp = freePort();
        Process sim = java(List.of("smsc-sim", "--port", Integer.toString(smpp), "--mo-http", Integer.toString(simHttp), "--show", "0"),
                List.of("-Xmx1g"), java.util.Map.of(), "smsc-sim");
        JsonObject report = new JsonObject().put("messages", o.messages());
        try {
            URI stats = URI.create("http://127.0.0.1:" + simHttp + "/stats");
            waitFor(() -> get(stats).isPresent(), Duration.ofSeconds(30), "the simulator's HTTP side");
            double before = 0;
            if (o.baseline()) {
                before = bare(smpp, stats);
                out.printf("baseline (bare jSMPP client, 1 bind, window %d): %,.0f submit_sm/s%n", o.window(), before);
            }
            JsonObject path = o.queued() ? queued(smpp, stats, sim.pid()) : campaign(smpp, stats, sim.pid());
            report.put("path", path);
            if (o.baseline()) {
                double after = bare(smpp, stats);
                out.printf("baseline again: %,.0f submit_sm/s%n", after);
                double mean = (before + after) / 2;
                double ratio = path.getDouble("messagesPerSecond") / mean;
                report.put("baseline", new JsonObject().put("before", before).put("after", after).put("ratio", ratio));
                out.printf("ratio to the bare client: %.2f (%.0f%% of %,.0f submit_sm/s)%n", ratio, 100 * ratio, mean);
            }
            return report;
        } finally {
            sim.destroy();
            sim.waitFor();
        }
    }

    // ---- the real path ----

    private JsonObject campaign(int smpp, URI stats, long simPid) throws Exception {
        if (o.memory()) throw new IllegalArgumentException("campaigns are scheduled in Redis: use --queued for the memory outbox");
        String namespace = "lt" + UUID.randomUUID().toString().substring(0, 6);
        String token = UUID.randomUUID().toString();
        int port = freePort();
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("KENTONGAN_REDIS_URL", o.redisUrl());
        env.put("KENTONGAN_REDIS_NAMESPACE", namespace);
        env.put("KENTONGAN_HTTP_PORT", Integer.toString(port));
        env.put("KENTONGAN_LOG_LEVEL", "WARN");
        env.put("KENTONGAN_SMSC", smscUrl(smpp));
        env.put("KENTONGAN_SMS_SHARDS", Integer.toString(o.shards()));
        env.put("KENTONGAN_ADMIN_TOKEN_SHA256", Digest.sha256Hex(token, 32));
        env.put("KENTONGAN_QUIET_FROM", "00:00");
        env.put("KENTONGAN_QUIET_UNTIL", "00:00");
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
        String extra = System.getenv("KENTONGAN_LOADTEST_SERVICE_JVM"); // e.g. a flight recording of the service
        if (extra != null && !extra.isBlank()) jvm.addAll(List.of(extra.trim().split("\\s+")));
        if (o.serviceJar().isPresent()) { // another build's service (e.g. before a change), same simulator, same Redis
            jvm.add("-jar");
            jvm.add(o.serviceJar().get().toString());
        }
        Process service = java(List.of("serve"), jvm, env, "service");
        try (RedisClient client = RedisClient.create(o.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            RedisCommands<String, String> redis = c.sync();
            URI base = URI.create("http://127.0.0.1:" + port);
            waitFor(() -> get(base.resolve("/ready")).isPresent(), Duration.ofSeconds(60), "the service's /ready");
            List<String> bodies = new ArrayList<>();
            for (int from = 0; from < o.messages(); from += 100_000) {
                JsonArray numbers = new JsonArray();
                for (int i = from; i < Math.min(o.messages(), from + 100_000); i++) numbers.add(Long.toString(6281300000000L + i));
                bodies.add(new JsonObject().put("name", "loadtest " + from).put("text", TEXT.replace("*567#", "{ussd}"))
                        .put("target", new JsonObject().put("msisdns", numbers)).encode());
            }
            Measure m = Measure.start(redis, stats, service.pid(), simPid, this);
            for (String body : bodies) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/admin/campaigns")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201 && r.statusCode() != 200) throw new IllegalStateException("POST /admin/campaigns: " + r.statusCode() + " " + r.body());
            }
            JsonObject result = m.finish("campaign of " + o.messages() + " numbers, service " + o.serviceJar().map(j -> "(" + j + ") ").orElse("")
                    + "in its own process, Redis outbox");
            clean(redis, namespace);
            return result;
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private JsonObject queued(int smpp, URI stats, long simPid) throws Exception {
        Vertx vertx = Vertx.vertx();
        String namespace = "lt" + UUID.randomUUID().toString().substring(0, 6);
        Keyspace keys = new Keyspace(namespace);
        Optional<Redis> redis = o.memory() ? Optional.empty() : Optional.of(new Redis(o.redisUrl(), Duration.ofSeconds(10)));
        SmscConfig config = SmscConfig.parse(smscUrl(smpp));
        SmsChannel channel = SmsChannel.open(vertx, redis, keys, Optional.of(config), Duration.ofSeconds(30), Duration.ofSeconds(90),
                Clock.systemUTC(), OptOutCheck.NONE, EmbeddedSmsc.Factory.NONE, o.shards());
        try (RedisClient client = RedisClient.create(o.redisUrl()); StatefulRedisConnection<String, String> c = client.connect()) {
            channel.start(new SmscClient.Inbound() {
                @Override
                public void receipt(String messageId, String state) {
                    channel.outbox().receipt(messageId, state);
                }

                @Override
                public void mo(String from, String to, String text) {}

                @Override
                public void ussd(SmscClient.UssdHop hop) {}
            });
            waitFor(() -> channel.client().anyBound(), Duration.ofSeconds(10), "the bind");
            Measure m = Measure.start(c.sync(), stats, ProcessHandle.current().pid(), simPid, this);
            List<OutboundSms> batch = new ArrayList<>();
            List<Future<?>> queued = new ArrayList<>();
            for (int i = 0; i < o.messages(); i++) {
                batch.add(new OutboundSms("lt:" + namespace + ":" + i, Long.toString(6281300000000L + i), TEXT, true));
                if (batch.size() == 500 || i == o.messages() - 1) {
                    queued.add(channel.outbox().enqueueAll(List.copyOf(batch)));
                    batch.clear();
                }
            }
            Future.all(queued).toCompletionStage().toCompletableFuture().get();
            JsonObject result = m.finish(o.messages() + " SMS queued in this process, " + (o.memory() ? "memory" : "Redis") + " outbox");
            if (!o.memory()) clean(c.sync(), namespace);
            return result;
        } finally {
            channel.close();
            redis.ifPresent(Redis::close);
            vertx.close();
        }
    }

    private String smscUrl(int smpp) {
        return "smpp://kentongan:sim@127.0.0.1:" + smpp + "?binds=" + o.binds() + "&window=" + o.window()
                + "&rate=10000000&receipts=" + o.receipts() + "&keyTlv=true";
    }

    /** CPU, Redis commands and the simulator's counts from the start of a run to the last submit_sm. */
    private record Measure(RedisCommands<String, String> redis, URI stats, long servicePid, long simPid, SmsLoadTest t,
                           long startMillis, long commandsBefore, double redisCpuBefore, double serviceCpu, double simCpu, long accepted,
                           long receipts) {
        static Measure start(RedisCommands<String, String> redis, URI stats, long servicePid, long simPid, SmsLoadTest t) {
            JsonObject s = t.get(stats).orElseThrow();
            return new Measure(redis, stats, servicePid, simPid, t, System.currentTimeMillis(), SmsLoadTest.commands(redis), SmsLoadTest.redisCpu(redis),
                    cpu(servicePid), cpu(simPid), s.getLong("accepted"), s.getLong("receiptsDelivered"));
        }

        JsonObject finish(String what) throws InterruptedException {
            int n = t.o.messages();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            JsonObject s;
            while (true) {
                s = t.get(stats).orElseThrow();
                if (s.getLong("accepted") - accepted >= n) break;
                if (System.nanoTime() > deadline) throw new IllegalStateException("gave up after 10 minutes: " + (s.getLong("accepted") - accepted) + " of " + n);
                Thread.sleep(50);
            }
            double seconds = (s.getLong("lastAcceptedAt") - startMillis) / 1000.0;
            long cmds = SmsLoadTest.commands(redis) - commandsBefore;
            double rCpu = SmsLoadTest.redisCpu(redis) - redisCpuBefore;
            double svcCpu = cpu(servicePid) - serviceCpu;
            double sCpu = cpu(simPid) - simCpu;
            long dups = s.getLong("duplicates");
            JsonObject r = new JsonObject().put("what", what).put("seconds", seconds).put("messagesPerSecond", n / seconds)
                    .put("redisCommandsPerMessage", (double) cmds / n).put("cpuSeconds", new JsonObject().put("service", svcCpu)
                            .put("redis", rCpu).put("simulator", sCpu)).put("duplicatesAtSmsc", dups);
            t.out.printf("%s: %,d messages in %.2f s = %,.0f messages/s; Redis %.2f commands/message; CPU s: service %.1f, Redis %.1f, "
                    + "simulator %.1f (service %.0f µs per message)%n", what, n, seconds, n / seconds, (double) cmds / n, svcCpu, rCpu, sCpu,
                    1e6 * svcCpu / n);
            if (t.o.receipts()) {
                long last = -1;
                long got = 0;
                while (got < n && got != last) { // until they are all in, or stop coming
                    last = got;
                    Thread.sleep(1_000);
                    got = t.get(stats).orElseThrow().getLong("receiptsDelivered") - receipts;
                }
                double all = (System.currentTimeMillis() - startMillis) / 1000.0 - (got < n ? 1 : 0);
                long withReceipts = SmsLoadTest.commands(redis) - commandsBefore;
                r.put("receipts", got).put("receiptsPerSecond", got / all).put("redisCommandsPerMessageWithReceipts", (double) withReceipts / n);
                t.out.printf("  delivery receipts acknowledged: %,d of %,d (%,.0f/s from the start); Redis %.2f commands/message with them%n",
                        got, n, got / all, (double) withReceipts / n);
            }
            return r;
        }
    }

    // ---- the bare client: what the SMPP stack alone does against the same simulator ----

    private double bare(int smpp, URI stats) throws Exception {
        int n = Math.min(o.messages(), 200_000);
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(10_000);
        s.connectAndBind("127.0.0.1", smpp, new BindParameter(BindType.BIND_TX, "bare", "sim", "", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null), 10_000);
        byte[] payload = Gsm7.encode(TEXT);
        String run = UUID.randomUUID().toString().substring(0, 6);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long accepted = get(stats).orElseThrow().getLong("accepted");
        double cpu0 = cpu(ProcessHandle.current().pid());
        long t0 = System.currentTimeMillis();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < o.window(); w++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    try {
                        s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "567", TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN, Long.toString(6281300000000L + i), new ESMClass(0), (byte) 0, (byte) 1, null, null,
                                new RegisteredDelivery(0), (byte) 0, DataCodings.newInstance((byte) 0), (byte) 0, payload,
                                new OptionalParameter.OctetString(SmscClient.KEY_TLV, "bare-" + run + "-" + i + ":1"));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "bare-smpp");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) t.join();
        s.unbindAndClose();
        JsonObject after = get(stats).orElseThrow();
        if (failed.get() > 0 || after.getLong("accepted") - accepted < n) {
            out.printf("  (bare client: %d submits failed)%n", failed.get());
        }
        double rate = n / ((after.getLong("lastAcceptedAt") - t0) / 1000.0);
        out.printf("  bare client: %.0f µs of CPU per message in its process%n", 1e6 * (cpu(ProcessHandle.current().pid()) - cpu0) / n);
        return rate;
    }

    // ---- plumbing ----

    /** Commands the Redis server has run in all, from {@code INFO commandstats} (scripts' own commands included). */
    static long commands(RedisCommands<String, String> redis) {
        long sum = 0;
        for (String line : redis.info("commandstats").split("\r?\n")) {
            int i = line.indexOf("calls=");
            if (line.startsWith("cmdstat_") && i > 0) sum += Long.parseLong(line.substring(i + 6, line.indexOf(',', i)));
        }
        return sum;
    }

    private static double redisCpu(RedisCommands<String, String> redis) {
        double sum = 0;
        for (String line : redis.info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) sum += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
        }
        return sum;
    }

    /** User + system CPU seconds of a process, from /proc (Linux). */
    static double cpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return pid == ProcessHandle.current().pid()
                    ? ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9 : -1;
        }
    }

    private static void clean(RedisCommands<String, String> redis, String namespace) {
        KeyScanCursor<String> cur = redis.scan(ScanArgs.Builder.matches(namespace + ":*").limit(1000));
        while (true) {
            if (!cur.getKeys().isEmpty()) redis.unlink(cur.getKeys().toArray(new String[0]));
            if (cur.isFinished()) break;
            cur = redis.scan(cur, ScanArgs.Builder.matches(namespace + ":*").limit(1000));
        }
    }

    private Optional<JsonObject> get(URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(new JsonObject(r.body())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ok, Duration max, String what) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(what + " did not come up within " + max);
            Thread.sleep(100);
        }
    }

    private static Process java(List<String> args, List<String> jvm, java.util.Map<String, String> env, String name) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(jvm);
        if (!jvm.contains("-jar")) {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("id.kentongan.Main");
        }
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("kentongan-" + name, ".log").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
