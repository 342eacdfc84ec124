package id.kentongan.member;

import id.kentongan.Instances;
import id.kentongan.VertxTest;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What any core system behind Kentongan must do, as seen through MembershipService. Runs against the sandbox and
 * against the HTTP client talking to WireMock playing the core system of ops/api/core-system.yaml.
 */
abstract class MembershipServiceContract extends VertxTest {
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    abstract MembershipService service();

    /** The core system knows this member (look-ups, bills and contributions for them answer accordingly). */
    abstract void given(Member m);

    /** The core system will register this worker as a new member with this KPJ (the sandbox picks its own). */
    abstract void givenNewRegistration(Registration r, String kpj);

    static Member member(int i, YearMonth paidThrough) {
        return new Member(Long.toString(27_000_000_000L + Math.abs(UUID.randomUUID().hashCode() % 999_999_999)),
                new Nik(Instances.nik(20_000 + i)), "RUKMINI", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.PENDERES, new ContributionPlan(2_000_000), TODAY.minusMonths(4), paidThrough);
    }

    @Test
    void aKnownMemberIsFoundByNikAndByPhone() {
        Member m = member(1, YearMonth.from(TODAY));
        given(m);
        assertEquals(Optional.of(m), await(service().findByNik(m.nik())));
        assertEquals(Optional.of(m), await(service().findByMsisdn(m.msisdn())));
    }

    @Test
    void anUnknownNikOrPhoneIsNotFound() {
        assertEquals(Optional.empty(), await(service().findByNik(new Nik(Instances.nik(29_999)))));
        assertEquals(Optional.empty(), await(service().findByMsisdn(Msisdn.parse(Instances.newPhone()).orElseThrow())));
    }

    @Test
    void aNewWorkerGetsACardNumberAndIsNotYetPaid() {
        Registration r = new Registration(new Nik(Instances.nik(20_002)), "SLAMET", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.OJEK, new ContributionPlan(1_500_000));
        givenNewRegistration(r, "27100000002");
        MembershipService.Registered done = await(service().register(r, "sess-1:reg_submit"));
        assertTrue(done.created());
        Member m = done.member();
        assertTrue(m.kpj().matches("\\d{11}"), m.kpj());
        assertEquals(r.nik(), m.nik());
        assertEquals("SLAMET", m.name());
        assertEquals(r.msisdn(), m.msisdn());
        assertEquals(21_800, m.plan().monthly());
        assertEquals(TODAY, m.registeredOn());
        assertNull(m.paidThrough());
    }

    @Test
    void aNikThatIsAlreadyRegisteredGetsTheExistingCardNotASecondOne() {
        Member existing = member(3, YearMonth.from(TODAY));
        given(existing);
        Registration again = new Registration(existing.nik(), "RUKMINI", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.PENDERES, new ContributionPlan(2_000_000));
        MembershipService.Registered done = await(service().register(again, "sess-2:reg_submit"));
        assertFalse(done.created());
        assertEquals(existing.kpj(), done.member().kpj());
    }

    @Test
    void aBillStartsAtTheFirstUnpaidMonth() {
        YearMonth paid = YearMonth.from(TODAY).minusMonths(1);
        Member m = member(4, paid);
        given(m);
        Bill bill = await(service().bill(m.kpj(), 3));
        assertEquals(new Bill(m.kpj(), 3, 3 * 26_800, paid.plusMonths(1), paid.plusMonths(3)), bill);
    }

    @Test
    void aContributionAdvancesPaidThroughByTheMonthsPaid() {
        YearMonth paid = YearMonth.from(TODAY);
        Member m = member(5, paid);
        given(m);
        Member after = await(service().credit(new Contribution(m.kpj(), 6, 6 * 26_800, "KT-" + m.kpj() + "-6-abc")));
        assertEquals(paid.plusMonths(6), after.paidThrough());
        assertEquals(MembershipStatus.State.ACTIVE, after.status(TODAY).state());
    }
}
