package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The core system for demo mode and tests, keeping its data in the configured store (memory, or Redis so that
 * several instances share it). It obeys the same contract as the real one: one card per NIK, 11-digit KPJ numbers,
 * bills from the first unpaid month, a contribution recorded once per reference, and an optional delay to rehearse a
 * slow backend. One demo member is seeded (phone 081200000001) so that "check status" shows something at once.
 */
public final class SandboxMembershipService implements MembershipService {
    public static final String DEMO_MSISDN = "6281200000001";
    public static final String DEMO_NIK = "3302145507900001";
    /** Sandbox data outlives any session; ten years is "for good" in a demo. */
    private static final Duration KEEP = Duration.ofDays(3650);

    private final Vertx vertx;
    private final TtlStore store;
    private final Clock clock;
    private final Duration delay;
    private final Member demo;
    /** Set once the demo member is in the store; seeding waits for a reachable store, never blocks start-up. */
    private volatile boolean seeded;

    private SandboxMembershipService(Vertx vertx, TtlStore store, Clock clock, Duration delay) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.delay = delay;
        LocalDate today = LocalDate.now(clock);
        this.demo = new Member("26000000001", new Nik(DEMO_NIK), "SITI AMINAH", new Msisdn(DEMO_MSISDN),
                Occupation.PEDAGANG_KAKI_LIMA, new ContributionPlan(1_000_000), today.minusMonths(6),
                YearMonth.from(today).plusMonths(1));
    }

    /** A sandbox with the demo member in it (seeded once per store, so instances sharing Redis agree). */
    public static Future<SandboxMembershipService> open(Vertx vertx, TtlStore store, Clock clock, Duration delay) {
        SandboxMembershipService s = new SandboxMembershipService(vertx, store, clock, delay);
        return s.seed().otherwise((Void) null).map(s); // a store that is down now is seeded on first use
    }

    private Future<Void> seed() {
        if (seeded) return Future.succeededFuture();
        return store.putIfAbsent(store.keys().sandboxMember(DEMO_NIK), MemberJson.encode(demo).encode(), KEEP)
                .compose(fresh -> fresh ? index(demo) : Future.succeededFuture())
                .onSuccess(v -> seeded = true);
    }

    /** Puts a member in the sandbox as they are (demo data, test fixtures). */
    public Future<Void> put(Member m) {
        return store.put(store.keys().sandboxMember(m.nik().value()), MemberJson.encode(m).encode(), KEEP).compose(v -> index(m));
    }

    @Override
    public Future<Optional<Member>> findByNik(Nik nik) {
        return later(() -> member(nik.value()));
    }

    @Override
    public Future<Optional<Member>> findByMsisdn(Msisdn msisdn) {
        return later(() -> store.get(store.keys().sandboxByMsisdn(msisdn))
                .compose(nik -> nik.isPresent() ? member(nik.get()) : Future.succeededFuture(Optional.empty())));
    }

    @Override
    public Future<java.util.List<Optional<Member>>> findAllByMsisdn(java.util.List<Msisdn> msisdns) {
        // Two reads for the whole batch: number -> NIK, then NIK -> member.
        return later(() -> store.getAll(msisdns.stream().map(m -> store.keys().sandboxByMsisdn(m)).toList()).compose(niks -> {
            java.util.List<String> memberKeys = niks.stream().filter(Optional::isPresent).map(n -> store.keys().sandboxMember(n.get())).toList();
            return store.getAll(memberKeys).map(found -> {
                java.util.List<Optional<Member>> out = new java.util.ArrayList<>(niks.size());
                int next = 0;
                for (Optional<String> nik : niks) {
                    out.add(nik.isEmpty() ? Optional.empty() : found.get(next++).map(json -> MemberJson.decode(new JsonObject(json))));
                }
                return out;
            });
        }));
    }

    @Override
    public Future<Registered> register(Registration r, String idempotencyKey) {
        // Two calls: the next slot of the member feed (its number is the KPJ's too), then the member with its indexes and
        // its feed slot in one step. A NIK registered already leaves that slot empty (the feed's reader skips it).
        return later(() -> store.increment(store.keys().sandboxFeedLength()).compose(n -> {
            Member m = new Member(Long.toString(26_000_000_001L + n), r.nik(), r.name(), r.msisdn(), r.occupation(), r.plan(),
                    LocalDate.now(clock), null);
            String nik = r.nik().value();
            Map<String, String> indexes = new LinkedHashMap<>();
            indexes.put(store.keys().sandboxByMsisdn(m.msisdn()), nik);
            indexes.put(store.keys().sandboxByKpj(m.kpj()), nik);
            indexes.put(store.keys().sandboxInFeed(nik), "1");
            indexes.put(store.keys().sandboxFeed(n), nik);
            // The NIK key is the card: whoever sets it first registers, everyone else finds that member.
            return store.putIfAbsentWith(store.keys().sandboxMember(nik), MemberJson.encode(m).encode(), indexes, KEEP)
                    .compose(created -> created ? Future.succeededFuture(new Registered(m, true))
                            : member(nik).map(existing -> new Registered(existing.orElseThrow(), false)));
        }));
    }

    @Override
    public Future<Bill> bill(String kpj, int months) {
        return later(() -> byKpj(kpj).map(m -> {
            if (m.status(LocalDate.now(clock)).state() == MembershipStatus.State.ENDED) {
                throw new IllegalStateException("membership " + kpj + " has ended");
            }
            return Bill.forMember(m, months);
        }));
    }

    @Override
    public Future<Member> credit(Contribution c) {
        return later(() -> byKpj(c.kpj()).compose(m -> store.putIfAbsent(store.keys().sandboxCredit(c.reference()), c.kpj(), KEEP)
                .compose(first -> {
                    if (!first) return Future.succeededFuture(m); // recorded before: once per reference
                    YearMonth from = Bill.forMember(m, c.months()).from();
                    Member paid = new Member(m.kpj(), m.nik(), m.name(), m.msisdn(), m.occupation(), m.plan(),
                            m.registeredOn(), from.plusMonths(c.months() - 1L));
                    return store.put(store.keys().sandboxMember(m.nik().value()), MemberJson.encode(paid).encode(), KEEP).map(paid);
                })));
    }

    private Future<Member> byKpj(String kpj) {
        return store.get(store.keys().sandboxByKpj(kpj)).compose(nik -> nik.isPresent() ? member(nik.get())
                        : Future.succeededFuture(Optional.<Member>empty()))
                .map(m -> m.orElseThrow(() -> new IllegalArgumentException("no member with KPJ " + kpj)));
    }

    private Future<Optional<Member>> member(String nik) {
        return store.get(store.keys().sandboxMember(nik)).map(v -> v.map(json -> MemberJson.decode(new JsonObject(json))));
    }

    private Future<Void> index(Member m) {
        return Future.all(store.put(store.keys().sandboxByMsisdn(m.msisdn()), m.nik().value(), KEEP),
                store.put(store.keys().sandboxByKpj(m.kpj()), m.nik().value(), KEEP), inFeed(m.nik().value())).mapEmpty();
    }

    /** Gives a new member the next slot of the feed ({@code feed:<n>} -> NIK), once per NIK. */
    private Future<Void> inFeed(String nik) {
        return store.putIfAbsent(store.keys().sandboxInFeed(nik), "1", KEEP).compose(fresh -> !fresh ? Future.succeededFuture()
                : store.increment(store.keys().sandboxFeedLength()).compose(n -> store.put(store.keys().sandboxFeed(n), nik, KEEP)));
    }

    @Override
    public Future<MemberPage> members(String after, int limit) {
        long from = after == null ? 0 : Long.parseLong(after);
        return later(() -> store.get(store.keys().sandboxFeedLength()).compose(total -> {
            long last = total.map(Long::parseLong).orElse(0L);
            long to = Math.min(last, from + limit);
            if (to <= from) return Future.succeededFuture(new MemberPage(java.util.List.of(), Optional.empty()));
            java.util.List<String> slots = new java.util.ArrayList<>();
            for (long n = from + 1; n <= to; n++) slots.add(store.keys().sandboxFeed(n));
            return store.getAll(slots).compose(niks -> {
                java.util.List<String> keys = niks.stream().flatMap(Optional::stream).map(nik -> store.keys().sandboxMember(nik)).toList();
                return keys.isEmpty() ? Future.succeededFuture(java.util.List.<Optional<String>>of()) : store.getAll(keys);
            }).map(json -> new MemberPage(json.stream().flatMap(Optional::stream).map(j -> MemberJson.decode(new JsonObject(j))).toList(),
                    to < last ? Optional.of(Long.toString(to)) : Optional.empty()));
        }));
    }

    private <T> Future<T> later(Supplier<Future<T>> work) {
        if (delay.isZero()) return seed().compose(v -> work.get());
        Promise<T> p = Promise.promise();
        vertx.setTimer(delay.toMillis(), id -> seed().compose(v -> work.get()).onComplete(p));
        return p.future();
    }
}
