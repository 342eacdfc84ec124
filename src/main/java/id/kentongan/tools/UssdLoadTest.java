package id.kentongan.tools;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * Plays complete USSD dialogues (Africa's Talking convention) against {@code url}: {@code concurrency} virtual phones,
 * each dialling one flow after another — registration (every hop), status, or pay — with its own session id, and its
 * own MSISDN for each registration. Every answer is checked against the screen the flow expects; a wrong screen, an
 * HTTP error or a time-out is an error, by kind. One thread drives every phone over its own keep-alive connection
 * ({@link LoopHttp}), so the generator stays a small share of the machine; it reports that share.
 */
public final class UssdLoadTest {

    public record Options(URI url, int concurrency, Duration duration, long sessions, Map<String, Integer> mix,
                          Duration rampUp, String serviceCode) {}

    public static final java.util.Set<String> FLOWS = java.util.Set.of("register", "status", "pay", "browse", "bare");

    /** "register=1,status=2,pay=1" -> the flow weights; {@link IllegalArgumentException} naming the flows otherwise. */
    public static Map<String, Integer> mix(String spec) {
        Map<String, Integer> flows = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2 || !FLOWS.contains(kv[0].strip()) || !kv[1].strip().matches("\\d{1,4}")) {
                throw new IllegalArgumentException("flows are register, status, pay, browse and bare (the bare-server baseline), each with a weight: register=1,status=2");
            }
            flows.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
        }
        return flows;
    }

    /** One hop: what to type, and how the answer must begin. */
    private record Hop(String input, String expect) {}

    private final Options o;
    private final LoopHttp http;
    private final LatencyHistogram latency = new LatencyHistogram();
    /** Hops answered with a screen of the dialogue (not the busy screen): what a served worker waited. */
    private final LatencyHistogram served = new LatencyHistogram();
    /** A phone that got the busy screen waits this long before dialling again, as a worker who reads "coba lagi". */
    private static final long REDIAL_AFTER_BUSY_MS = 1_000;
    // Touched only by the loop thread (and read after it has ended), so plain fields.
    private long hops;
    private long sessionsDone;
    private long serial;
    private long sessionsStarted;
    private int phonesDone;
    private boolean stopping;
    private final Map<String, Long> errors = new TreeMap<>();
    private final ArrayDeque<String> registered = new ArrayDeque<>();
    private final int run = new Random().nextInt(99 * 99);
    /** Where this run's phone numbers start: a random 8-digit offset, so runs on one Redis do not reuse each other's numbers. */
    private final long numbers = new Random().nextLong(100_000_000L);
    private final List<String> flows = new ArrayList<>();
    private final String serviceCode;

    public UssdLoadTest(Options o) throws IOException {
        this.o = o;
        int port = o.url().getPort() > 0 ? o.url().getPort() : 80;
        this.http = new LoopHttp(new InetSocketAddress(o.url().getHost(), port), "/ussd/at", "application/x-www-form-urlencoded", 15_000);
        this.serviceCode = enc(o.serviceCode());
        o.mix().forEach((flow, weight) -> {
            for (int i = 0; i < weight; i++) flows.add(flow);
        });
        if (flows.isEmpty()) throw new IllegalArgumentException("the flow mix is empty");
    }

    public JsonObject run(PrintStream out) throws InterruptedException {
        long cpuBefore = processCpuNanos();
        long startNanos = System.nanoTime();
        for (int i = 0; i < o.concurrency(); i++) {
            long delay = o.concurrency() <= 1 ? 0 : o.rampUp().toMillis() * i / o.concurrency();
            int phone = i;
            http.later(delay, () -> loop(phone, http.connection()));
        }
        http.later(o.duration().toMillis(), () -> stopping = true);
        Thread loop = new Thread(http::run, "loadtest-loop");
        loop.start();
        // A phone whose request never completes must not hang the report: wait for the others a bounded time.
        long limit = (o.sessions() > 0 ? Duration.ofHours(1) : o.duration().plus(o.rampUp()).plusSeconds(30)).toMillis();
        loop.join(limit);
        if (loop.isAlive()) {
            http.stop();
            loop.join();
            error("phone still waiting at the end");
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        JsonObject report = report(seconds, cpu);
        print(out, report);
        return report;
    }

    private void loop(int phone, LoopHttp.Conn conn) {
        if (stopping || (o.sessions() > 0 && sessionsStarted >= o.sessions())) {
            if (++phonesDone == o.concurrency()) http.stop();
            return;
        }
        sessionsStarted++;
        serial++;
        String flow = flows.get((int) Math.floorMod(serial * 31 + phone, (long) flows.size()));
        String msisdn;
        List<Hop> script;
        if (flow.equals("browse") || flow.equals("bare")) {
            // Menus only, no backend: what the gateway itself costs per hop (one session read and write); or the same
            // five hops against the bare baseline server, which answers CON to each.
            msisdn = String.format("0818%08d", (numbers + ++serial) % 100_000_000L);
            script = flow.equals("bare") ? BARE : BROWSE;
        } else if (flow.equals("register") || registered.size() < 2) {
            long n = ++serial;
            msisdn = String.format("0819%08d", (numbers + n) % 100_000_000L);
            String name = "PEKERJA " + letters(n);
            script = List.of(new Hop("", "CON Kentongan"), new Hop("1", "CON Masukkan NIK"), new Hop(nik(n), "CON Nama"),
                    new Hop(name, "CON Pekerjaan"), new Hop("1", "CON Penghasilan"), new Hop("1", "CON " + name),
                    new Hop("1", "END Selamat"));
        } else {
            msisdn = registered.poll(); // held by this phone until its dialogue ends: one dialogue per number at a time
            script = flow.equals("status") ? STATUS : PAY;
        }
        String prefix = "sessionId=lt" + run + "-" + phone + "-" + serial + "&serviceCode=" + serviceCode + "&phoneNumber="
                + enc(msisdn) + "&networkCode=51010&text=";
        play(conn, prefix, script, 0, new StringBuilder(), end -> {
            boolean ok = end == End.DONE;
            if (ok) sessionsDone++;
            if (!flow.equals("browse") && !flow.equals("bare") && (ok || script.size() != 7)) registered.add(msisdn); // back once its dialogue ends
            // A failed dialogue may fail at once (the service is down): the next one goes through the loop's queue, or
            // the failures would recurse until the stack overflows.
            if (ok) loop(phone, conn);
            else http.later(end == End.BUSY ? REDIAL_AFTER_BUSY_MS : 1, () -> loop(phone, conn));
        });
    }

    private static final List<Hop> BROWSE = List.of(new Hop("", "CON Kentongan"), new Hop("4", "CON Pilih bahasa"),
            new Hop("0", "CON Kentongan"), new Hop("5", "CON Kentongan: BPJS"), new Hop("00", "CON Kentongan"));
    private static final List<Hop> BARE = List.of(new Hop("", "CON "), new Hop("4", "CON "), new Hop("0", "CON "), new Hop("5", "CON "),
            new Hop("00", "CON "));
    private static final List<Hop> STATUS = List.of(new Hop("", "CON Kentongan"), new Hop("2", "END Status"));
    private static final List<Hop> PAY = List.of(new Hop("", "CON Kentongan"), new Hop("3", "CON Iuran"),
            new Hop("1", "CON Bayar 1 bulan"), new Hop("1", "END Kode iuran"));

    /** Plays {@code script} from hop {@code at}; {@code then} learns how the dialogue ended. */
    private void play(LoopHttp.Conn conn, String prefix, List<Hop> script, int at, StringBuilder text,
                      java.util.function.Consumer<End> then) {
        if (at == script.size()) {
            then.accept(End.DONE);
            return;
        }
        Hop hop = script.get(at);
        if (at > 0) {
            if (text.length() > 0 || at > 1) text.append('*');
            text.append(hop.input());
        }
        long t0 = System.nanoTime();
        conn.post(prefix + enc(text.toString()), (status, body, failure) -> {
            long micros = (System.nanoTime() - t0) / 1_000;
            latency.record(micros);
            hops++;
            boolean shed = failure == null && status == 200 && body.startsWith("END Layanan sedang sibuk");
            if (!shed) served.record(micros);
            if (failure != null) {
                error(failure instanceof TimeoutException ? "timeout" : "io: " + failure.getClass().getSimpleName());
                then.accept(End.FAILED);
            } else if (status != 200) {
                error("http " + status);
                then.accept(End.FAILED);
            } else if (at == 0 && body.startsWith(RESUME_OFFER)) {
                // This number's last dialogue dropped (a busy screen, a failover): as a worker would, take it up again.
                conn.post(prefix + "1", (s2, b2, f2) -> {
                    latency.record((System.nanoTime() - t0) / 1_000);
                    hops++;
                    if (f2 == null && s2 == 200 && b2.startsWith("CON ") && !b2.startsWith(RESUME_OFFER)) resumed++;
                    else error("resume refused");
                    then.accept(End.FAILED); // not this flow's dialogue: the number's state is unknown now
                });
            } else if (shed) {
                // The service said so itself (overload, Redis failing over): a worker's busy screen, not a wrong one.
                busy++;
                then.accept(End.BUSY);
            } else if (!body.startsWith(hop.expect())) {
                error("wrong screen after '" + (at == 0 ? "dial" : hop.input().length() > 10 ? "input" : hop.input()) + "'");
                then.accept(End.FAILED);
            } else {
                play(conn, prefix, script, at + 1, text, then);
            }
        });
    }

    static final String RESUME_OFFER = "CON Menu tadi terputus";
    private long resumed;
    private long busy;
    /** How a dialogue ended: every screen as expected, something else, or the service's busy screen. */
    private enum End { DONE, FAILED, BUSY }

    private void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
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
            e.put(entry.getKey(), entry.getValue());
            errorCount += entry.getValue();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long[] bands = latency.bands(1_000, 2_000, 5_000, 10_000, 15_000, 50_000, 100_000, 1_000_000);
        return new JsonObject()
                .put("url", o.url().toString()).put("concurrency", o.concurrency()).put("seconds", round(seconds))
                .put("sessions", sessionsDone).put("sessionsPerSecond", round(sessionsDone / seconds))
                .put("hops", hops).put("hopsPerSecond", round(hops / seconds))
                .put("latencyMs", new JsonObject().put("p50", latency.percentile(0.50) / 1000.0).put("p95", latency.percentile(0.95) / 1000.0)
                        .put("p99", latency.percentile(0.99) / 1000.0).put("max", latency.max() / 1000.0))
                .put("servedLatencyMs", new JsonObject().put("p50", served.percentile(0.50) / 1000.0)
                        .put("p99", served.percentile(0.99) / 1000.0).put("max", served.max() / 1000.0))
                .put("busyRate", hops == 0 ? 0 : Math.round(busy * 10_000.0 / hops) / 10_000.0)
                .put("histogram", new JsonObject().put("<=1ms", bands[0]).put("1-2ms", bands[1]).put("2-5ms", bands[2])
                        .put("5-10ms", bands[3]).put("10-15ms", bands[4]).put("15-50ms", bands[5]).put("50-100ms", bands[6])
                        .put("100ms-1s", bands[7]).put(">1s", bands[8]))
                .put("errors", errorCount).put("errorsByKind", e).put("busy", busy).put("resumed", resumed)
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
        if (r.getLong("busy", 0L) > 0) {
            JsonObject s = r.getJsonObject("servedLatencyMs");
            out.printf("  busy screens: %d hops (%.1f%%) answered 'Layanan sedang sibuk' (each phone redials %d ms later); hops served: p50 %.2f  p99 %.2f  max %.2f ms%n",
                    r.getLong("busy"), r.getDouble("busyRate") * 100, REDIAL_AFTER_BUSY_MS, s.getDouble("p50"), s.getDouble("p99"), s.getDouble("max"));
        }
        if (r.getLong("resumed", 0L) > 0) out.println("  resumed: " + r.getLong("resumed") + " dialogues offered '1. Lanjutkan' and taken up");
        out.printf("  generator CPU: %.0f%% of %d cores%n", r.getDouble("generatorCpuShare") * 100, r.getInteger("cores"));
    }
}
