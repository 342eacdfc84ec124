package id.kentongan.smpp;

import id.kentongan.domain.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts long MO messages back together before their keywords are read: parts carry a reference, a total and a
 * sequence, from a UDH (8- or 16-bit reference) or from SAR TLVs. Parts may arrive in any order and twice; a message
 * whose parts do not all arrive within {@code timeout} is dropped and reported by {@link #expire}.
 */
public final class MoReassembler {
    public record Part(String from, int reference, int total, int sequence, byte dataCoding, byte[] body) {}

    public record Incomplete(String from, int reference, int received, int total) {}

    private record Pending(Instant first, int total, byte dataCoding, TreeMap<Integer, byte[]> parts) {}

    /** Incomplete messages kept at most, in all and per sender (a worker's long SMS is one or two at a time). */
    static final int MAX_PENDING = 10_000;
    static final int MAX_PENDING_PER_SENDER = 8;
    private static final Logger log = LoggerFactory.getLogger(MoReassembler.class);
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Pending> pending = new HashMap<>();

    public MoReassembler(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The whole text once every part is in; empty while parts are missing. */
    public synchronized Optional<String> add(Part p) {
        if (p.total() <= 1) return Optional.of(SmsSegments.decode(p.dataCoding(), p.body()));
        String key = p.from() + ":" + p.reference() + ":" + p.total();
        if (!pending.containsKey(key) && (pending.size() >= MAX_PENDING || open(p.from()) >= MAX_PENDING_PER_SENDER)) {
            // A flood of first parts that never complete must not grow this map without end: set aside, and said.
            log.warn("MO part from {} set aside: {} messages already incomplete", Masking.msisdn(p.from()), pending.size());
            return Optional.empty();
        }
        Pending m = pending.computeIfAbsent(key, k -> new Pending(clock.instant(), p.total(), p.dataCoding(), new TreeMap<>()));
        if (p.sequence() >= 1 && p.sequence() <= p.total()) m.parts().put(p.sequence(), p.body());
        if (m.parts().size() < m.total()) return Optional.empty();
        pending.remove(key);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        m.parts().values().forEach(all::writeBytes);
        return Optional.of(SmsSegments.decode(m.dataCoding(), all.toByteArray()));
    }

    /** Incomplete messages waiting for parts. */
    public synchronized int pending() {
        return pending.size();
    }

    private int open(String from) {
        String prefix = from + ":";
        int n = 0;
        for (String k : pending.keySet()) if (k.startsWith(prefix)) n++;
        return n;
    }

    /** Drops messages still incomplete after the timeout. */
    public synchronized List<Incomplete> expire() {
        List<Incomplete> dropped = new ArrayList<>();
        Instant limit = clock.instant().minus(timeout);
        for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Pending> e = it.next();
            if (e.getValue().first().isBefore(limit)) {
                String[] k = e.getKey().split(":");
                dropped.add(new Incomplete(k[0], Integer.parseInt(k[1]), e.getValue().parts().size(), e.getValue().total()));
                it.remove();
            }
        }
        return dropped;
    }
}
