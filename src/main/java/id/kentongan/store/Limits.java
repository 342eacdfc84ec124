package id.kentongan.store;

import java.time.Duration;

/**
 * The quotas the service enforces, and the HTTP server's bounds (README, "Security and privacy"); {@code limits.*}
 * in the configuration.
 *
 * @param httpConnections open HTTP connections at most (the process may open 20,000 files; Redis, SMPP and the
 *                        logs need some): one more is closed at once
 * @param httpHeaderTimeout a new connection must have sent a whole request head by then (half a request line, held
 *                          open, is how a few machines pin thousands of connections)
 * @param httpIdleTimeout a connection that neither sends nor receives for this long is closed
 * @param hopsInFlight USSD hops being worked on at once, at most (this instance, every transport; a hop's time waiting
 *                     on the core system or the payment provider not counted): one more is answered the busy screen at
 *                     once, without touching Redis — under overload a worker waits milliseconds for "try again" (and
 *                     the redial offers to resume) rather than seconds in a queue that the gateway gives up on
 *                     (BENCHMARKS.md, issue 18: the knee)
 * @param loopLag while the event loops run this late, a new dialogue is answered the busy screen at once (dialogues
 *                under way go on): past the in-flight cap the wait is in the sockets and the loops' queue, before any
 *                hop is admitted, and turning new dialogues away is what shortens it
 * @param eventLoops Vert.x's event loops, each serving HTTP, with the Redis connections' I/O on them too (one per core
 *                   by default; on a machine shared with Redis, fewer loops can do more: BENCHMARKS.md, issue 18)
 */
public record Limits(Quota hops, Quota nikLookups, Quota agentNikLookups, Quota moSms, Quota adminSignIns,
                     int httpConnections, Duration httpHeaderTimeout, Duration httpIdleTimeout, int hopsInFlight,
                     Duration loopLag, int eventLoops) {
    public Limits {
        if (eventLoops < 1) throw new IllegalArgumentException("invalid configuration: limits.eventLoops must be at least 1");
        if (loopLag.isNegative() || loopLag.isZero()) throw new IllegalArgumentException("invalid configuration: limits.loopLag must be positive");
        if (httpConnections < 1) throw new IllegalArgumentException("invalid configuration: limits.httpConnections must be at least 1");
        if (hopsInFlight < 1) throw new IllegalArgumentException("invalid configuration: limits.hopsInFlight must be at least 1");
        if (httpHeaderTimeout.isNegative() || httpHeaderTimeout.isZero() || httpIdleTimeout.isNegative() || httpIdleTimeout.isZero()) {
            throw new IllegalArgumentException("invalid configuration: limits.httpHeaderTimeout and limits.httpIdleTimeout must be positive");
        }
    }

    /**
     * 128 per core: enough to keep the cores busy while hops wait on Redis; more only queues in Redis's pipeline, fewer
     * turns workers away before the machine is full (BENCHMARKS.md, issue 18, 2 cores: at 1,024 phones p99 85-109 ms
     * with 512, 44 ms with 128; but with 128, 256 phones already saw 0.7 % busy screens and ~20 % less throughput).
     */
    static final int HOPS_IN_FLIGHT = 128 * Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Well above a loaded loop's usual lateness (a few ms at 256 dialogues), well below a gateway's patience. */
    static final Duration LOOP_LAG = Duration.ofMillis(100);
    static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

    public static Limits defaults() {
        return new Limits(
                // A person reads a screen and types: 30 hops a minute is a gateway retrying in a loop, or a script.
                new Quota("hops", 30, Duration.ofMinutes(1)),
                // A worker registers once; ten registered-NIK look-ups a day from one number is someone testing NIKs.
                new Quota("nik", 10, Duration.ofDays(1)),
                // An agent registers a market's workers, not a city's.
                new Quota("nik-agent", 150, Duration.ofDays(1)),
                // A worker's commands, not a modem's.
                new Quota("mo", 10, Duration.ofMinutes(1)),
                // Failed admin sign-ins from one address: tokens are long, but a probe should end quickly.
                new Quota("admin-auth", 20, Duration.ofMinutes(15)),
                8_000, Duration.ofSeconds(10), Duration.ofSeconds(60), HOPS_IN_FLIGHT, LOOP_LAG, EVENT_LOOPS);
    }

    public Limits withHttp(int connections, Duration headerTimeout, Duration idleTimeout) {
        return new Limits(hops, nikLookups, agentNikLookups, moSms, adminSignIns, connections, headerTimeout, idleTimeout, hopsInFlight, loopLag, eventLoops);
    }

    public Limits withHopsInFlight(int n) {
        return new Limits(hops, nikLookups, agentNikLookups, moSms, adminSignIns, httpConnections, httpHeaderTimeout, httpIdleTimeout, n, loopLag, eventLoops);
    }

    public Limits withLoopLag(Duration lag) {
        return new Limits(hops, nikLookups, agentNikLookups, moSms, adminSignIns, httpConnections, httpHeaderTimeout, httpIdleTimeout, hopsInFlight, lag, eventLoops);
    }

    public Limits withEventLoops(int n) {
        return new Limits(hops, nikLookups, agentNikLookups, moSms, adminSignIns, httpConnections, httpHeaderTimeout, httpIdleTimeout, hopsInFlight, loopLag, n);
    }

    /** {@code limits.hopsPerMinute} etc.: the counts only; the windows are part of what each limit means. */
    public Limits with(int hopsPerMinute, int nikPerDay, int agentNikPerDay, int moPerMinute, int adminFailures) {
        return new Limits(new Quota(hops.name(), hopsPerMinute, hops.window()), new Quota(nikLookups.name(), nikPerDay, nikLookups.window()),
                new Quota(agentNikLookups.name(), agentNikPerDay, agentNikLookups.window()), new Quota(moSms.name(), moPerMinute, moSms.window()),
                new Quota(adminSignIns.name(), adminFailures, adminSignIns.window()), httpConnections, httpHeaderTimeout, httpIdleTimeout, hopsInFlight, loopLag, eventLoops);
    }
}
