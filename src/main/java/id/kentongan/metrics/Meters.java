package id.kentongan.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's meters, scraped at {@code /metrics} in Prometheus format. Labels are closed sets chosen here — menu
 * name, screen kind, backend, outcome, event — never a phone number, NIK or name (a test reads every label to check).
 */
public final class Meters {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Meters looked up once per label set: building and registering a meter on every hop costs more than recording.
    /** menu -> screen kind -> {con, end}: looked up on every hop without building a key. */
    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.ConcurrentMap<String, Timer[]>> hopTimers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();
    private final Timer redisTimer = Timer.builder("kentongan.redis.command").publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(50_000)).maximumExpectedValue(Duration.ofSeconds(2)).register(registry);

    /**
     * "Sessions now": dialogues begun on this instance in the last 3 minutes (the session TTL) minus those that ended in
     * that time, from two rings of per-second counts — constant memory, however many phones (a set of session ids
     * would hold ~900,000 entries at 5,000 new dialogues a second).
     */
    private static final int WINDOW = 180;
    private final java.util.concurrent.atomic.AtomicLongArray begun = new java.util.concurrent.atomic.AtomicLongArray(WINDOW);
    private final java.util.concurrent.atomic.AtomicLongArray ended = new java.util.concurrent.atomic.AtomicLongArray(WINDOW);
    private final java.util.concurrent.atomic.AtomicLongArray slotSecond = new java.util.concurrent.atomic.AtomicLongArray(WINDOW);

    public Meters() {
        Gauge.builder("kentongan.ussd.sessions.active", this::sessionsNow)
                .description("dialogues begun on this instance in the last 3 minutes, less those that ended").register(registry);
    }

    /** A dialogue began ({@code begin}) or ended on this instance. */
    public void dialogue(boolean begin, boolean end) {
        if (!begin && !end) return;
        int slot = slot(System.currentTimeMillis() / 1000);
        if (begin) begun.incrementAndGet(slot);
        if (end) ended.incrementAndGet(slot);
    }

    private int slot(long second) {
        int i = (int) (second % WINDOW);
        long was = slotSecond.get(i);
        if (was != second && slotSecond.compareAndSet(i, was, second)) { // a new second in this slot: forget the old one
            begun.set(i, 0);
            ended.set(i, 0);
        }
        return i;
    }

    long sessionsNow() {
        long now = System.currentTimeMillis() / 1000;
        long sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            if (now - slotSecond.get(i) < WINDOW) sum += begun.get(i) - ended.get(i);
        }
        return Math.max(0, sum);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    /** One USSD hop: the menu, the kind of screen answered (menu, input, message, retry, resume, busy…), CON or END. */
    public void hop(String menu, String screenKind, boolean end, long nanos) {
        var kinds = hopTimers.get(menu);
        if (kinds == null) kinds = hopTimers.computeIfAbsent(menu, m -> new java.util.concurrent.ConcurrentHashMap<>());
        Timer[] timers = kinds.get(screenKind);
        if (timers == null) timers = kinds.computeIfAbsent(screenKind, kind -> new Timer[2]);
        Timer t = timers[end ? 1 : 0];
        // Made on first use (a registry hands back the same timer to a second, racing maker).
        if (t == null) timers[end ? 1 : 0] = t = hopTimer(menu, screenKind, end);
        t.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private Timer hopTimer(String menu, String kind, boolean end) {
        return Timer.builder("kentongan.ussd.hop")
                .description("USSD hops and their latency inside the service")
                .tags("menu", menu, "kind", kind, "reply", end ? "end" : "con")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** started, completed, abandoned (dropped mid-journey), resumed. */
    public void session(String event) {
        counters.computeIfAbsent("session|" + event, k -> Counter.builder("kentongan.ussd.sessions").tag("event", event).register(registry)).increment();
    }

    /** A call to the core system or the payment provider: ok, error, circuit_open; and its latency. */
    public void backend(String backend, String outcome, long nanos) {
        Timer.builder("kentongan.backend.call").tags("backend", backend, "outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** queued, submitted, failed, delivered, undelivered, opted_out. */
    public void sms(String event) {
        sms(event, 1);
    }

    public void sms(String event, long n) {
        counters.computeIfAbsent("sms|" + event, k -> Counter.builder("kentongan.sms").tag("event", event).register(registry)).increment(n);
    }

    /** A Redis command's latency as the service sees it. */
    public void redis(long nanos) {
        redisTimer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void gauge(String name, String tagKey, String tagValue, Supplier<Number> value) {
        Gauge.builder(name, value).tag(tagKey, tagValue).register(registry);
    }

    /** The live counters the console shows (totals since start; the console turns them into rates). */
    public java.util.Map<String, Number> snapshot() {
        java.util.Map<String, Number> m = new java.util.LinkedHashMap<>();
        m.put("sessions_now", sessionsNow());
        m.put("hops", registry.find("kentongan.ussd.hop").timers().stream().mapToLong(Timer::count).sum());
        m.put("busy", registry.find("kentongan.ussd.hop").tag("kind", "busy").timers().stream().mapToLong(Timer::count).sum());
        m.put("shed", registry.find("kentongan.ussd.hop").tag("kind", "shed").timers().stream().mapToLong(Timer::count).sum());
        Gauge inFlight = registry.find("kentongan.ussd.hops.in_flight").gauge();
        m.put("hops_in_flight", inFlight == null ? 0 : inFlight.value());
        Gauge lag = registry.find("kentongan.ussd.loop_lag_ms").gauge();
        m.put("loop_lag_ms", lag == null ? 0 : lag.value());
        Gauge late = registry.find("kentongan.ussd.loop_late").gauge();
        m.put("loop_late", late == null ? 0 : late.value());
        for (String e : java.util.List.of("started", "completed", "abandoned", "resumed")) {
            m.put("sessions_" + e, registry.find("kentongan.ussd.sessions").tag("event", e).counters().stream().mapToDouble(Counter::count).sum());
        }
        for (String e : java.util.List.of("queued", "submitted", "failed", "delivered", "opted_out")) {
            m.put("sms_" + e, registry.find("kentongan.sms").tag("event", e).counters().stream().mapToDouble(Counter::count).sum());
        }
        Gauge backlog = registry.find("kentongan.sms.outbox.backlog").gauge();
        m.put("sms_backlog", backlog == null ? 0 : backlog.value());
        Gauge binds = registry.find("kentongan.smsc.binds.up").gauge();
        m.put("smsc_binds_up", binds == null ? 0 : binds.value());
        m.put("allocated_bytes", allocatedBytes());
        return m;
    }

    /**
     * Bytes the process's live threads have allocated so far (the benchmark's allocation per hop: read before and after
     * a run); -1 where the JVM cannot tell. Threads that ended take their share with them.
     */
    public static long allocatedBytes() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(threads instanceof com.sun.management.ThreadMXBean t) || !t.isThreadAllocatedMemorySupported()) return -1;
        long sum = 0;
        for (long b : t.getThreadAllocatedBytes(t.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }
}
