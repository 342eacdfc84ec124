package id.kentongan.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays complete USSD dialogues (Africa's Talking convention) against {@code url}: {@code concurrency} virtual phones,
 * each dialling one flow after another — registration (every hop), status, or pay — with its own session id, and its
 * own MSISDN for each registration. Every answer is checked against the screen the flow expects; a wrong screen, an
 * HTTP error or a time-out is an error, by kind. Non-blocking (Vert.x HTTP client) so the generator is not the
 * bottleneck; it reports its own CPU share.
 */
public final class UssdLoadTest {

    public record Options(URI url, int concurrency, Duration duration, long sessions, Map<String, Integer> mix,
                          Duration rampUp, String serviceCode) {}

    /** One hop: what to type, and how the answer must begin. */
    private record Hop(String input, String expect) {}

    private final Options o;
    private final Vertx vertx;
    private final HttpClient http;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong hops = new AtomicLong();
    private final AtomicLong sessionsDone = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
    private final AtomicLong serial = new AtomicLong();
    private final int run = new Random().nextInt(99 * 99);
    private final List<String> flows = new ArrayList<>();
    private final String host;
    private final int port;
    private volatile boolean stopping;
    private long startNanos;

    public UssdLoadTest(Options o) {
        this.o = o;
        this.host = o.url().getHost();
        this.port = o.url().getPort() > 0 ? o.url().getPort() : 80;
        this.vertx = Vertx.vertx();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setConnectTimeout(5_000).setIdleTimeout(30), new PoolOptions().setHttp1MaxSize(o.concurrency()));
        o.mix().forEach((flow, weight) -> {
            for (int i = 0; i < weight; i++) flows.add(flow);
        });
        if (flows.isEmpty()) throw new IllegalArgumentException("the flow mix is empty");
    }

    public JsonObject run(PrintStream out) throws InterruptedException {
        long cpuBefore = processCpuNanos();
        startNanos = System.nanoTime();
        CountDownLatch done = new CountDownLatch(o.concurrency());
        for (int i = 0; i < o.concurrency(); i++) {
            long delay = o.concurrency() <= 1 ? 0 : o.rampUp().toMillis() * i / o.concurrency();
            int phone = i;
            vertx.setTimer(Math.max(1, delay), t -> loop(phone, done));
        }
        vertx.setTimer(Math.max(1, o.duration().toMillis()), t -> stopping = true);
        // A phone whose request never completes must not hang the report: wait for the others a bounded time.
        long limit = (o.sessions() > 0 ? Duration.ofHours(1) : o.duration().plus(o.rampUp()).plusSeconds(30)).toMillis();
        if (!done.await(limit, java.util.concurrent.TimeUnit.MILLISECONDS)) error("phone still waiting at the end");
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        JsonObject report = report(seconds, cpu);
        print(out, report);
        http.close();
        vertx.close();
        return report;
    }

    private void loop(int phone, CountDownLatch done) {
        if (stopping || (o.sessions() > 0 && serial.get() >= o.sessions())) {
            done.countDown();
            return;
        }
        serial.incrementAndGet();
        String flow = flows.get(Math.floorMod(serial.get() * 31 + phone, flows.size()));
        String msisdn;
        List<Hop> script;
        if (flow.equals("browse")) {
            // Menus only, no backend: what the gateway itself costs per hop (one session read and write).
            msisdn = String.format("0818%08d", (run * 1_000_000L + serial.incrementAndGet()) % 100_000_000L);
            script = List.of(new Hop("", "CON Kentongan"), new Hop("4", "CON Pilih bahasa"), new Hop("0", "CON Kentongan"),
                    new Hop("5", "CON Kentongan: BPJS"), new Hop("00", "CON Kentongan"));
        } else if (flow.equals("register") || registered.size() < 2) {
            long n = serial.incrementAndGet();
            msisdn = String.format("0819%08d", (run * 1_000_000L + n) % 100_000_000L);
            String name = "PEKERJA " + letters(n);
            script = List.of(new Hop("", "CON Kentongan"), new Hop("1", "CON Masukkan NIK"), new Hop(nik(n), "CON Nama"),
                    new Hop(name, "CON Pekerjaan"), new Hop("1", "CON Penghasilan"), new Hop("1", "CON " + name),
                    new Hop("1", "END Selamat"));
        } else {
            msisdn = registered.poll(); // held by this phone until its dialogue ends: one dialogue per number at a time
            script = flow.equals("status")
                    ? List.of(new Hop("", "CON Kentongan"), new Hop("2", "END Status"))
                    : List.of(new Hop("", "CON Kentongan"), new Hop("3", "CON Iuran"), new Hop("1", "CON Bayar 1 bulan"),
                            new Hop("1", "END Kode iuran"));
        }
        String sessionId = "lt" + run + "-" + phone + "-" + serial.get();
        play(sessionId, msisdn, script, 0, new StringBuilder()).onComplete(ar -> {
            if (ar.succeeded()) sessionsDone.incrementAndGet();
            if (!flow.equals("browse") && (ar.succeeded() || script.size() != 7)) registered.add(msisdn); // back once its dialogue ends
            loop(phone, done);
        });
    }

    private Future<Void> play(String sessionId, String msisdn, List<Hop> script, int at, StringBuilder text) {
        if (at == script.size()) return Future.succeededFuture();
        Hop hop = script.get(at);
        if (at > 0) {
            if (text.length() > 0 || at > 1) text.append('*');
            text.append(hop.input());
        }
        String body = "sessionId=" + enc(sessionId) + "&serviceCode=" + enc(o.serviceCode()) + "&phoneNumber=" + enc(msisdn)
                + "&networkCode=51010&text=" + enc(text.toString());
        long t0 = System.nanoTime();
        Promise<Void> p = Promise.promise();
        http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port).setURI("/ussd/at")
                        .putHeader("Content-Type", "application/x-www-form-urlencoded"))
                .compose(req -> req.idleTimeout(15_000).send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))
                .onComplete(ar -> {
                    latency.record((System.nanoTime() - t0) / 1_000);
                    hops.incrementAndGet();
                    if (ar.failed()) {
                        error(ar.cause() instanceof java.util.concurrent.TimeoutException ? "timeout" : "io: " + ar.cause().getClass().getSimpleName());
                        p.fail(ar.cause());
                        return;
                    }
                    String r = ar.result();
                    if (!r.startsWith("200 ")) {
                        error("http " + r.substring(0, 3));
                        p.fail("http");
                    } else if (!r.substring(4).startsWith(hop.expect())) {
                        error("wrong screen after '" + (at == 0 ? "dial" : hop.input().length() > 10 ? "input" : hop.input()) + "'");
                        p.fail("screen");
                    } else {
                        play(sessionId, msisdn, script, at + 1, text).onComplete(p);
                    }
                });
        return p.future();
    }

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private String nik(long n) {
        int day = 1 + (int) (n % 28);
        int month = 1 + (int) ((n / 28) % 12);
        return String.format("33%02d%02d%02d%02d90%04d", 1 + run % 99, 1 + (run / 99) % 99, day, month, 1 + (n / 336) % 9999);
    }

    private static String letters(long n) {
        StringBuilder b = new StringBuilder();
        do {
            b.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private JsonObject report(double seconds, double cpuSeconds) {
        JsonObject e = new JsonObject();
        long errorCount = 0;
        for (var entry : errors.entrySet()) {
            e.put(entry.getKey(), entry.getValue().get());
            errorCount += entry.getValue().get();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long[] bands = latency.bands(1_000, 2_000, 5_000, 10_000, 15_000, 50_000, 100_000, 1_000_000);
        return new JsonObject()
                .put("url", o.url().toString()).put("concurrency", o.concurrency()).put("seconds", round(seconds))
                .put("sessions", sessionsDone.get()).put("sessionsPerSecond", round(sessionsDone.get() / seconds))
                .put("hops", hops.get()).put("hopsPerSecond", round(hops.get() / seconds))
                .put("latencyMs", new JsonObject().put("p50", latency.percentile(0.50) / 1000.0).put("p95", latency.percentile(0.95) / 1000.0)
                        .put("p99", latency.percentile(0.99) / 1000.0).put("max", latency.max() / 1000.0))
                .put("histogram", new JsonObject().put("<=1ms", bands[0]).put("1-2ms", bands[1]).put("2-5ms", bands[2])
                        .put("5-10ms", bands[3]).put("10-15ms", bands[4]).put("15-50ms", bands[5]).put("50-100ms", bands[6])
                        .put("100ms-1s", bands[7]).put(">1s", bands[8]))
                .put("errors", errorCount).put("errorsByKind", e)
                .put("generatorCpuShare", round(cpuSeconds / (seconds * cores))).put("cores", cores);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void print(PrintStream out, JsonObject r) {
        JsonObject l = r.getJsonObject("latencyMs");
        out.printf("loadtest %s, %d concurrent phones, %.1f s%n", r.getString("url"), r.getInteger("concurrency"), r.getDouble("seconds"));
        out.printf("  sessions: %d (%.0f/s)   hops: %d (%.0f/s)%n", r.getLong("sessions"), r.getDouble("sessionsPerSecond"),
                r.getLong("hops"), r.getDouble("hopsPerSecond"));
        out.printf("  hop latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", l.getDouble("p50"), l.getDouble("p95"),
                l.getDouble("p99"), l.getDouble("max"));
        out.println("  histogram: " + r.getJsonObject("histogram").encode());
        out.println("  errors: " + r.getLong("errors") + " " + r.getJsonObject("errorsByKind").encode());
        out.printf("  generator CPU: %.0f%% of %d cores%n", r.getDouble("generatorCpuShare") * 100, r.getInteger("cores"));
    }
}
