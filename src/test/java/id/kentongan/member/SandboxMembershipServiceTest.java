package id.kentongan.member;

import id.kentongan.Instances;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.store.MemoryTtlStore;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.TtlStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox keeps its data in Redis here, as two instances sharing Redis would. */
@Tag("redis")
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
    void theMemberListIsWalkedPageByPageEachMemberOnce() {
        // A store of its own: the shared test Redis holds the members of every earlier run.
        TtlStore own = new MemoryTtlStore();
        SandboxMembershipService fresh = await(SandboxMembershipService.open(vertx, own, Clock.system(ZoneId.of("Asia/Jakarta")), Duration.ZERO));
        java.util.Set<String> expected = new java.util.HashSet<>(java.util.List.of("26000000001")); // the demo member
        for (int i = 0; i < 5; i++) {
            Member m = member(40 + i, YearMonth.now());
            await(fresh.put(m));
            await(fresh.put(m)); // put again (an update): still one entry in the list
            expected.add(m.kpj());
        }
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MembershipService.MemberPage page = await(fresh.members(cursor, 2));
            assertTrue(page.members().size() <= 2);
            page.members().forEach(m -> seen.add(m.kpj()));
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(6, seen.size());
        assertEquals(expected, new java.util.HashSet<>(seen));
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
        Registration r = new Registration(new Nik(Instances.nik(20_007)), "SUMARNI", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.BURUH_HARIAN, new ContributionPlan(1_000_000));
        var a = sandbox.register(r, "a");
        var b = sandbox.register(r, "b");
        MembershipService.Registered ra = await(a);
        MembershipService.Registered rb = await(b);
        assertEquals(ra.member().kpj(), rb.member().kpj());
        assertTrue(ra.created() ^ rb.created(), "exactly one of them created the card");
    }

    @Test
    void fortyRegistrationsOfOneNikAtOnceMakeOneCardFoundByEveryIndexAndListedOnce() {
        // A namespace of its own, so the member list holds only this test's members.
        TtlStore own = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(2), new id.kentongan.store.Keyspace(Instances.newNamespace()));
        try {
            SandboxMembershipService fresh = await(SandboxMembershipService.open(vertx, own, Clock.system(ZoneId.of("Asia/Jakarta")), Duration.ZERO));
            Msisdn phone = Msisdn.parse(Instances.newPhone()).orElseThrow();
            Registration r = new Registration(new Nik(Instances.nik(20_008)), "WARSINI", phone, Occupation.PENDERES, new ContributionPlan(1_000_000));
            java.util.List<io.vertx.core.Future<MembershipService.Registered>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) all.add(fresh.register(r, "k" + i));
            await(io.vertx.core.Future.all(all));
            java.util.Set<String> kpjs = new java.util.HashSet<>();
            int created = 0;
            for (var f : all) {
                kpjs.add(f.result().member().kpj());
                if (f.result().created()) created++;
            }
            assertEquals(1, created, "exactly one of the forty created the card");
            assertEquals(1, kpjs.size(), "all forty were given the same card: " + kpjs);
            String kpj = kpjs.iterator().next();
            assertEquals(kpj, await(fresh.findByNik(r.nik())).orElseThrow().kpj());
            assertEquals(kpj, await(fresh.findByMsisdn(phone)).orElseThrow().kpj());
            assertEquals(kpj, await(fresh.bill(kpj, 1)).kpj(), "found by its KPJ");
            // The member list: the demo member and this one, each once, across the 39 slots the others left empty.
            java.util.List<String> listed = new java.util.ArrayList<>();
            String cursor = null;
            do {
                MembershipService.MemberPage page = await(fresh.members(cursor, 7));
                page.members().forEach(m -> listed.add(m.kpj()));
                cursor = page.next().orElse(null);
            } while (cursor != null);
            assertEquals(java.util.List.of("26000000001", kpj), listed.stream().sorted().toList());
        } finally {
            await(own.close());
        }
    }
}
