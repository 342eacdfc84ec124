package id.kentongan.member;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory core system for demo mode and tests. It behaves like the real one where the worker can tell: one card
 * per NIK, KPJ numbers of 11 digits, and an optional delay to rehearse a slow backend. One demo member is seeded
 * (phone 081200000001) so that "check status" shows something at once.
 */
public final class SandboxMembershipService implements MembershipService {
    public static final String DEMO_MSISDN = "6281200000001";
    public static final String DEMO_NIK = "3302145507900001";

    private final Vertx vertx;
    private final Clock clock;
    private final Duration delay;
    private final Map<String, Member> byNik = new ConcurrentHashMap<>();
    private final Map<String, Member> byMsisdn = new ConcurrentHashMap<>();
    private final AtomicLong nextKpj = new AtomicLong(26_000_000_001L);

    public SandboxMembershipService(Vertx vertx, Clock clock, Duration delay) {
        this.vertx = vertx;
        this.clock = clock;
        this.delay = delay;
        LocalDate today = LocalDate.now(clock);
        Member demo = new Member(kpj(), new Nik(DEMO_NIK), "SITI AMINAH", new Msisdn(DEMO_MSISDN),
                Occupation.PEDAGANG_KAKI_LIMA, new ContributionPlan(1_000_000), today.minusMonths(6),
                YearMonth.from(today).plusMonths(1));
        store(demo);
    }

    @Override
    public Future<Optional<Member>> findByNik(Nik nik) {
        return later(() -> Optional.ofNullable(byNik.get(nik.value())));
    }

    @Override
    public Future<Optional<Member>> findByMsisdn(Msisdn msisdn) {
        return later(() -> Optional.ofNullable(byMsisdn.get(msisdn.value())));
    }

    @Override
    public Future<Registered> register(Registration r) {
        return later(() -> {
            Member fresh = new Member(null, r.nik(), r.name(), r.msisdn(), r.occupation(), r.plan(),
                    LocalDate.now(clock), null);
            Member existing = byNik.putIfAbsent(r.nik().value(), fresh);
            if (existing != null) return new Registered(existing, false);
            Member member = new Member(kpj(), r.nik(), r.name(), r.msisdn(), r.occupation(), r.plan(),
                    fresh.registeredOn(), null);
            store(member);
            return new Registered(member, true);
        });
    }

    private void store(Member m) {
        byNik.put(m.nik().value(), m);
        byMsisdn.put(m.msisdn().value(), m);
    }

    private String kpj() {
        return Long.toString(nextKpj.getAndIncrement());
    }

    private <T> Future<T> later(java.util.function.Supplier<T> work) {
        if (delay.isZero()) return Future.succeededFuture(work.get());
        Promise<T> p = Promise.promise();
        vertx.setTimer(delay.toMillis(), id -> p.complete(work.get()));
        return p.future();
    }
}
