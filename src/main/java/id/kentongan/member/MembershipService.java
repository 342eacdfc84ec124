package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * The BPJS Ketenagakerjaan core system as Kentongan sees it (ops/api/core-system.yaml). Two implementations: the
 * HTTP client to the real core system, and the sandbox for demo mode and tests. Both pass MembershipServiceContract.
 * A call that fails (backend down, slow, or breaking the contract) fails its Future; callers bound them in time.
 */
public interface MembershipService {

    Future<Optional<Member>> findByNik(Nik nik);

    Future<Optional<Member>> findByMsisdn(Msisdn msisdn);

    /** Several look-ups at once (reminders check a batch of members before sending); one answer per number, in order. */
    default Future<java.util.List<Optional<Member>>> findAllByMsisdn(java.util.List<Msisdn> msisdns) {
        java.util.List<Future<Optional<Member>>> each = msisdns.stream().map(this::findByMsisdn).toList();
        return Future.all(each).map(all -> each.stream().map(Future::result).toList());
    }

    /** Registers, or returns the member who already has that NIK with {@code created == false}: one card per NIK. */
    Future<Registered> register(Registration registration, String idempotencyKey);

    /** What {@code months} months cost from the first unpaid month. Fails for an unknown KPJ or an ended membership. */
    Future<Bill> bill(String kpj, int months);

    /** Records a paid contribution once per reference; returns the member with paidThrough advanced. */
    Future<Member> credit(Contribution contribution);

    /**
     * Every member, a page at a time, in a stable order: the due list reminders are planned from. {@code after} is the
     * cursor a previous page returned (null for the first page); a page with no {@code next} is the last.
     */
    Future<MemberPage> members(String after, int limit);

    record Registered(Member member, boolean created) {}

    record MemberPage(java.util.List<Member> members, Optional<String> next) {}
}
