package id.kentongan.member;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * The BPJS Ketenagakerjaan core system as Kentongan sees it. The sandbox serves demo mode and tests; the HTTP
 * client to the real core system is the other implementation. Calls may be slow: callers bound them with a timeout.
 */
public interface MembershipService {

    Future<Optional<Member>> findByNik(Nik nik);

    Future<Optional<Member>> findByMsisdn(Msisdn msisdn);

    /** Registers, or returns the existing member for that NIK with {@code created == false}: never two cards for one NIK. */
    Future<Registered> register(Registration registration);

    record Registered(Member member, boolean created) {}
}
