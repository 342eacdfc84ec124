package id.kentongan.member;

import id.kentongan.Instances;
import id.kentongan.session.RedisTtlStore;
import id.kentongan.session.TtlStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox keeps its data in Redis here, as two instances sharing Redis would. */
class SandboxMembershipServiceTest extends MembershipServiceContract {
    private TtlStore store;
    private SandboxMembershipService sandbox;

    @BeforeEach
    void open() {
        store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(2));
        sandbox = await(SandboxMembershipService.open(vertx, store, Clock.system(ZoneId.of("Asia/Jakarta")), Duration.ZERO));
    }

    @AfterEach
    void close() {
        await(store.close());
    }

    @Override
    MembershipService service() {
        return sandbox;
    }

    @Override
    void given(Member m) {
        await(sandbox.put(m));
    }

    @Override
    void givenNewRegistration(Registration r, String kpj) {
        // The sandbox numbers cards itself.
    }

    @Test
    void aContributionIsRecordedOncePerReference() {
        Member m = member(6, YearMonth.from(TODAY));
        given(m);
        Contribution c = new Contribution(m.kpj(), 3, 3 * 26_800, "KT-" + m.kpj() + "-3-once");
        assertEquals(m.paidThrough().plusMonths(3), await(sandbox.credit(c)).paidThrough());
        assertEquals(m.paidThrough().plusMonths(3), await(sandbox.credit(c)).paidThrough(), "a replay changes nothing");
    }

    @Test
    void twoRegistrationsOfOneNikAtOnceMakeOneCard() {
        Registration r = new Registration(new Nik(Instances.nik(20_007)), "SUMARNI", id.kentongan.member.Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.BURUH_HARIAN, new ContributionPlan(1_000_000));
        var a = sandbox.register(r, "a");
        var b = sandbox.register(r, "b");
        MembershipService.Registered ra = await(a);
        MembershipService.Registered rb = await(b);
        assertEquals(ra.member().kpj(), rb.member().kpj());
        assertTrue(ra.created() ^ rb.created(), "exactly one of them created the card");
    }
}
