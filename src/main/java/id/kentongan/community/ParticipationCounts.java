package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participation report's figures, kept as things happen, so the report reads one small hash per row and never the
 * member list. Registrations and members-by-month-paid-through are stocks (a member who changes group, or whose cover
 * is extended, is moved between rows); payments are events (counted in the group of the moment and the month paid).
 *
 * <p>Each member has a record of where they are counted (a hash in their own slot). Every change of it is one step
 * that hands back the record as it was (hash-swap.lua), and the rows are moved from that old state to the new: so a
 * payment and a group move of one member at once, on two instances, still leave every row right.
 *
 * <p>The rows' counters are added up in memory and written once a second ({@link #flush}, one HINCRBY batch per row
 * touched), not 13 commands per registration on the hop: a report read here flushes first, so it sees everything this
 * instance counted; another instance's counts reach it within a second. What a crash loses is the last second's row
 * changes (the members' own records are written at once): the month-paid-through rows are set right again by the
 * morning reading of the member list; registrations and payments of that second are not (written in BENCHMARKS.md).
 */
public final class ParticipationCounts {
    public static final List<String> DIMENSIONS = List.of("group", "agent", "occupation", "district", "month", "channel");
    /**
     * How a member came in, for the report's question (does trust through an agent keep people paying?): by themselves
     * (USSD or SMS), through an agent, through a friend's invitation, or elsewhere (counted in at a first payment).
     */
    public static final List<String> CHANNELS = List.of("self", "agent", "invited", "elsewhere");
    static final String NEVER_PAID = "-";

    private final TtlStore store;

    public ParticipationCounts(TtlStore store) {
        this.store = store;
    }

    /**
     * dimension -> row key of a member's record (the month row: the month they registered), each row twice: for all
     * districts, and within the member's district (a report filtered by district reads those). {@code overrides}
     * replaces a dimension's key in both.
     */
    private static Map<String, String> rows(Map<String, String> record, Map<String, String> overrides) {
        Map<String, String> plain = new HashMap<>(Map.of("group", record.get("g"), "agent", record.get("a"), "occupation", record.get("o"),
                "district", record.get("d"), "month", record.get("m"), "channel", record.getOrDefault("c", "-"), "total", "all"));
        plain.putAll(overrides);
        Map<String, String> all = new HashMap<>(plain);
        plain.forEach((dimension, key) -> {
            if (!dimension.equals("district")) all.put(within(record.get("d"), dimension), key);
        });
        return all;
    }

    private static Map<String, String> rows(Map<String, String> record) {
        return rows(record, Map.of());
    }

    /** The rows of {@code dimension} counting only the members of {@code district} (as the NIK names it: 33.02.14). */
    static String within(String district, String dimension) {
        return "in:" + district + ":" + dimension;
    }

    /**
     * {@code m} is counted in (once, however often this is called): by its agent, its group ({@code group}, or the
     * group it joined before registering), occupation, district and month of registration, and by the month it is paid
     * through.
     */
    public Future<Void> joined(Member m, Optional<String> agent, Optional<String> group, String channel) {
        if (!CHANNELS.contains(channel)) throw new IllegalArgumentException("channel must be one of " + CHANNELS + ", was " + channel);
        Future<String> groupNow = group.isPresent() ? Future.succeededFuture(group.get())
                : store.get(store.keys().groupOf(m.msisdn())).map(g -> g.orElse("-"));
        return groupNow.compose(g -> {
            Map<String, String> record = Map.of("a", agent.orElse("-"), "o", m.occupation().code(), "d", m.nik().district(),
                    "m", m.registeredOn().toString().substring(0, 7), "g", g, "pt", paidThrough(m), "c", channel);
            return store.createHash(store.keys().tally(m.msisdn()), record).compose(created -> created
                    ? addToRows(rows(record), Map.of("reg", 1L, "pt:" + record.get("pt"), 1L)) : Future.succeededFuture());
        });
    }

    /**
     * A payment Kentongan saw (called once per payment reference): counted in the member's rows and the month it was
     * made; the member, as the core system answered after crediting it, is moved to the month it is now paid through.
     * A member who registered elsewhere and pays through Kentongan is counted in at their first payment.
     */
    public Future<Void> paid(Member after, long amount, LocalDate on) {
        String now = paidThrough(after);
        // A known member (the usual case): one step. Someone Kentongan has not counted yet is counted in first.
        return store.changeHash(store.keys().tally(after.msisdn()), Map.of("pt", now))
                .compose(old -> old.isPresent() ? Future.succeededFuture(old)
                        : joined(after, Optional.empty(), Optional.empty(), "elsewhere")
                                .compose(v -> store.changeHash(store.keys().tally(after.msisdn()), Map.of("pt", now))))
                .compose(old -> {
                    if (old.isEmpty()) return Future.succeededFuture();
                    // The payment goes to the month it was made.
                    Map<String, String> paymentRows = rows(old.get(), Map.of("month", on.toString().substring(0, 7)));
                    return addToRows(paymentRows, Map.of("pay", 1L, "amt", amount)).compose(v -> movePaid(old.get(), now));
                });
    }

    /** The core system's word on a member (the morning reading of the member list): known members move to it. */
    public Future<Void> saw(Member m) {
        String now = paidThrough(m);
        return store.changeHash(store.keys().tally(m.msisdn()), Map.of("pt", now))
                .compose(old -> old.isEmpty() ? Future.succeededFuture() : movePaid(old.get(), now));
    }

    /** A member changed group: their registration and cover move with them (their past payments stay where made). */
    public Future<Void> movedGroup(Msisdn worker, String group) {
        return store.changeHash(store.keys().tally(worker), Map.of("g", group)).compose(old -> {
            if (old.isEmpty() || old.get().get("g").equals(group)) return Future.succeededFuture();
            String pt = "pt:" + old.get().get("pt");
            String district = old.get().get("d");
            return addToRows(Map.of("group", old.get().get("g"), within(district, "group"), old.get().get("g")), Map.of("reg", -1L, pt, -1L))
                    .compose(v -> addToRows(Map.of("group", group, within(district, "group"), group), Map.of("reg", 1L, pt, 1L)));
        });
    }

    private Future<Void> movePaid(Map<String, String> old, String now) {
        String was = old.get("pt");
        return was.equals(now) ? Future.succeededFuture() : addToRows(rows(old), Map.of("pt:" + was, -1L, "pt:" + now, 1L));
    }

    /**
     * Counts not yet written: "dimension\nrow key\nfield" -> delta. Taken out with remove (atomic with merge), so a count
     * added while a flush runs is kept for the next one, and rows that stop changing leave the map.
     */
    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();

    /**
     * Rows this instance has named in their dimension's set already (a row is never taken out of it): adding it again
     * would change nothing. Bounded: a rare forgotten row is added again, harmlessly.
     */
    private final Set<String> named = ConcurrentHashMap.newKeySet();
    private static final int NAMED_KEPT = 100_000;

    private Future<Void> addToRows(Map<String, String> rows, Map<String, Long> deltas) {
        rows.forEach((dimension, key) -> deltas.forEach((field, n) -> pending.merge(dimension + "\n" + key + "\n" + field, n, Long::sum)));
        return Future.succeededFuture();
    }

    /**
     * Writes the counts made since the last flush: per row its deltas in one command (and its name in the dimension's
     * set, the first time). A failed write puts its counts back for the next flush.
     */
    public Future<Void> flush() {
        Map<String, Map<String, Long>> byRow = new HashMap<>();
        for (String k : pending.keySet()) {
            Long n = pending.remove(k);
            if (n == null || n == 0) continue;
            int cut = k.lastIndexOf('\n');
            byRow.computeIfAbsent(k.substring(0, cut), x -> new HashMap<>()).merge(k.substring(cut + 1), n, Long::sum);
        }
        List<Future<?>> all = new ArrayList<>();
        byRow.forEach((dimKey, deltas) -> {
            int cut = dimKey.indexOf('\n');
            String dimension = dimKey.substring(0, cut);
            String key = dimKey.substring(cut + 1);
            String row = store.keys().participationRow(dimension, key);
            Future<?> nameIt = named.contains(row) ? Future.succeededFuture()
                    : store.addToSet(store.keys().participationRows(dimension), key).onSuccess(v -> {
                        if (named.size() >= NAMED_KEPT) named.clear();
                        named.add(row);
                    });
            all.add(nameIt.compose(v -> store.addToHash(row, deltas)).recover(e -> {
                LoggerFactory.getLogger(ParticipationCounts.class).warn("participation counts of a {} row kept for the next flush: {}", dimension, e.toString());
                deltas.forEach((field, n) -> pending.merge(dimKey + "\n" + field, n, Long::sum));
                return Future.succeededFuture();
            }));
        });
        return Future.all(all).mapEmpty();
    }

    private static String paidThrough(Member m) {
        return m.paidThrough() == null ? NEVER_PAID : m.paidThrough().toString();
    }

    // ---- reading ----

    /** One row's counters as kept: registrations, payments, amount, and members by month paid through. */
    public record Counters(long registrations, long payments, long amount, Map<String, Long> byPaidThrough) {
        /** Members whose cover runs through this month or later. */
        public long active(YearMonth now) {
            return byPaidThrough.entrySet().stream().filter(e -> !e.getKey().equals(NEVER_PAID) && !YearMonth.parse(e.getKey()).isBefore(now))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        /** Members one to three months behind (MembershipStatus.LAPSED); more than three have ended. */
        public long lapsed(YearMonth now) {
            return byPaidThrough.entrySet().stream().filter(e -> {
                if (e.getKey().equals(NEVER_PAID)) return false;
                YearMonth pt = YearMonth.parse(e.getKey());
                return pt.isBefore(now) && !pt.plusMonths(MembershipStatus.MAX_ARREARS).isBefore(now);
            }).mapToLong(Map.Entry::getValue).sum();
        }

        static Counters of(Map<String, String> h) {
            Map<String, Long> pt = new HashMap<>();
            h.forEach((f, v) -> { if (f.startsWith("pt:")) pt.put(f.substring(3), Long.parseLong(v)); });
            return new Counters(Long.parseLong(h.getOrDefault("reg", "0")), Long.parseLong(h.getOrDefault("pay", "0")),
                    Long.parseLong(h.getOrDefault("amt", "0")), pt);
        }
    }

    /** dimension (and "total") -> row key -> counters: one set and one hash per row, whatever the number of members. */
    public Future<Map<String, Map<String, Counters>>> read() {
        return read(Optional.empty());
    }

    /** {@link #read()}, counting only the members of {@code district} when one is given. */
    public Future<Map<String, Map<String, Counters>>> read(Optional<String> district) {
        return flush().compose(v -> readRows(district));
    }

    private Future<Map<String, Map<String, Counters>>> readRows(Optional<String> district) {
        List<String> dims = new ArrayList<>(DIMENSIONS);
        dims.add("total");
        Map<String, Map<String, Counters>> out = new java.util.TreeMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (String d : dims) {
            Map<String, Counters> rows = new java.util.concurrent.ConcurrentSkipListMap<>();
            out.put(d, rows);
            // Within a district, its own district row is its total.
            String kept = district.map(x -> within(x, d.equals("district") ? "total" : d)).orElse(d);
            all.add(store.members(store.keys().participationRows(kept)).compose(keys -> Future.all(keys.stream()
                    .map(k -> store.hash(store.keys().participationRow(kept, k)).onSuccess(h -> rows.put(d.equals("district") ? district.orElse(k) : k,
                            Counters.of(h)))).toList())));
        }
        return Future.all(all).map(out);
    }
}
