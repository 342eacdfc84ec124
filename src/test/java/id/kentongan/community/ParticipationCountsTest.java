package id.kentongan.community;

import id.kentongan.Instances;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.store.Keyspace;
import id.kentongan.store.MemoryTtlStore;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The participation counters under what really happens: many members paying, some twice with the same reference, some
 * changing group, all at once, on Redis (standalone or the cluster) and in memory; each row must equal a plain count of
 * where every member ended up.
 */
class ParticipationCountsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    @Tag("redis")
    void onRedisManyPaymentsAndGroupChangesAtOnceLeaveEveryRowEqualToACount() {
        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), new Keyspace(Instances.newNamespace()));
        try {
            everyRowEqualsACount(store);
            aReadingOfTheMemberListMovesAMemberWhoPaidElsewhere(store);
        } finally {
            Instances.await(store.close());
            Instances.await(vertx.close());
        }
    }

    @Test
    void inMemoryTheSame() {
        MemoryTtlStore store = new MemoryTtlStore().named(new Keyspace(Instances.newNamespace()));
        everyRowEqualsACount(store);
        aReadingOfTheMemberListMovesAMemberWhoPaidElsewhere(store);
    }

    private static Member member(int i, Random random, YearMonth paidThrough) {
        String district = i % 3 == 0 ? "330214" : "330215";
        return new Member(Long.toString(24_000_000_000L + i), new Nik(district + Instances.nik(90_000 + i).substring(6)), "PESERTA " + i,
                Msisdn.parse(Instances.newPhone()).orElseThrow(), Occupation.values()[random.nextInt(Occupation.values().length)],
                new ContributionPlan(1_000_000), TODAY.minusMonths(random.nextInt(4)), paidThrough);
    }

    private static Member paidThrough(Member m, YearMonth pt) {
        return new Member(m.kpj(), m.nik(), m.name(), m.msisdn(), m.occupation(), m.plan(), m.registeredOn(), pt);
    }

    private static void everyRowEqualsACount(TtlStore store) {
        Ledger ledger = new Ledger(store);
        Groups groups = new Groups(store, ledger.counts());
        Random random = new Random(7);
        List<Member> joined = new ArrayList<>();
        Map<String, String> agentOf = new HashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            YearMonth pt = switch (i % 4) {
                case 0 -> null;
                case 1 -> YearMonth.from(TODAY);
                case 2 -> YearMonth.from(TODAY).minusMonths(2);
                default -> YearMonth.from(TODAY).minusMonths(6);
            };
            Member m = member(i, random, pt);
            Optional<Msisdn> agent = i % 2 == 0 ? Optional.of(new Msisdn("6281200000" + (i % 3))) : Optional.empty();
            Optional<String> group = i % 5 == 0 ? Optional.empty() : Optional.of("g" + (i % 3));
            if (group.isPresent()) Instances.await(groups.join(m.msisdn(), group.get()));
            Instances.await(ledger.joined(m, agent.isPresent() ? "agent" : "ussd", agent, group, m.registeredOn()));
            Instances.await(ledger.joined(m, "ussd", Optional.empty(), Optional.empty(), m.registeredOn())); // again: counted once
            joined.add(m);
            agentOf.put(m.kpj(), agent.map(Msisdn::value).orElse("-"));
            groupOf.put(m.kpj(), group.orElse("-"));
        }

        // At once: each member pays twice (months in order, each reference delivered twice at the same moment), and
        // every third member moves to another group while paying.
        Map<String, Member> finalState = new HashMap<>();
        Map<String, List<Ledger.Paid>> paidOf = new HashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (Member m : joined) {
            YearMonth start = m.paidThrough() == null ? YearMonth.from(TODAY).minusMonths(1) : m.paidThrough();
            Ledger.Paid first = new Ledger.Paid("P1-" + m.kpj(), m.kpj(), 1, 16_800, TODAY, "code", Optional.empty());
            Ledger.Paid second = new Ledger.Paid("P2-" + m.kpj(), m.kpj(), 2, 33_600, TODAY.minusMonths(1), "cash", Optional.empty());
            Member afterFirst = paidThrough(m, start.plusMonths(1));
            Member afterSecond = paidThrough(m, start.plusMonths(3));
            all.add(Future.all(ledger.paid(first, afterFirst), ledger.paid(first, afterFirst))
                    .compose(v -> Future.all(ledger.paid(second, afterSecond), ledger.paid(second, afterSecond))));
            finalState.put(m.kpj(), afterSecond);
            paidOf.put(m.kpj(), List.of(first, second));
            if (Integer.parseInt(m.kpj().substring(9)) % 3 == 0) {
                all.add(groups.join(m.msisdn(), "moved"));
                groupOf.put(m.kpj(), "moved");
            }
            if (all.size() % 10 == 0) all.add(ledger.counts().flush()); // the rows written while counts are still being made
        }
        Instances.await(Future.all(all));
        Instances.await(ledger.counts().flush());

        Map<String, Map<String, long[]>> want = new TreeMap<>(); // registrations, active, lapsed, payments, amount
        for (Member m : joined) {
            Member now = finalState.get(m.kpj());
            MembershipStatus.State s = now.status(TODAY).state();
            Map<String, String> rows = Map.of("group", groupOf.get(m.kpj()), "agent", agentOf.get(m.kpj()), "occupation", m.occupation().code(),
                    "district", m.nik().district(), "month", m.registeredOn().toString().substring(0, 7), "total", "all");
            rows.forEach((d, k) -> {
                long[] w = want.computeIfAbsent(d, x -> new TreeMap<>()).computeIfAbsent(k, x -> new long[5]);
                w[0]++;
                if (s == MembershipStatus.State.ACTIVE) w[1]++;
                if (s == MembershipStatus.State.LAPSED) w[2]++;
            });
            for (Ledger.Paid p : paidOf.get(m.kpj())) {
                Map<String, String> at = new HashMap<>(rows);
                at.put("month", p.on().toString().substring(0, 7));
                // payments stay in the group they were made in: made at once with the move, so either; see below
                at.forEach((d, k) -> {
                    if (d.equals("group")) return;
                    long[] w = want.computeIfAbsent(d, x -> new TreeMap<>()).computeIfAbsent(k, x -> new long[5]);
                    w[3]++;
                    w[4] += p.amount();
                });
            }
        }

        // Read by another instance's counts (nothing of its own in memory): what was flushed is the whole truth.
        Map<String, Map<String, ParticipationReport.Row>> report = Instances.await(new ParticipationReport(new Ledger(store).counts()).build(TODAY));
        for (String d : List.of("agent", "occupation", "district", "month", "total")) {
            assertEquals(want.get(d).keySet(), report.get(d).keySet(), d);
            want.get(d).forEach((k, w) -> {
                ParticipationReport.Row r = report.get(d).get(k);
                assertEquals(List.of(w[0], w[1], w[2], w[3], w[4]), List.of(r.registrations, r.active, r.lapsed, r.payments, r.paymentAmount), d + " " + k);
            });
        }
        // Groups: who is in each now, and their cover, exactly; the payments in all groups together, each counted once.
        long groupPayments = 0;
        for (Map.Entry<String, long[]> e : want.get("group").entrySet()) {
            ParticipationReport.Row r = report.get("group").get(e.getKey());
            long[] w = e.getValue();
            assertEquals(List.of(w[0], w[1], w[2]), List.of(r.registrations, r.active, r.lapsed), "group " + e.getKey());
        }
        for (ParticipationReport.Row r : report.get("group").values()) groupPayments += r.payments;
        assertEquals(120, groupPayments);
        assertEquals(120, report.get("total").get("all").payments);
        assertEquals(60, report.get("total").get("all").registrations);
    }

    private static void aReadingOfTheMemberListMovesAMemberWhoPaidElsewhere(TtlStore store) {
        Ledger ledger = new Ledger(store);
        Random random = new Random(11);
        Member lapsed = member(500, random, YearMonth.from(TODAY).minusMonths(2));
        Instances.await(ledger.joined(lapsed, "ussd", Optional.empty(), Optional.of("baru"), lapsed.registeredOn()));
        ParticipationReport report = new ParticipationReport(ledger.counts());
        assertEquals(1, Instances.await(report.build(TODAY)).get("group").get("baru").lapsed);

        Instances.await(ledger.counts().saw(paidThrough(lapsed, YearMonth.from(TODAY).plusMonths(1)))); // paid at a bank
        Instances.await(ledger.counts().saw(member(501, random, YearMonth.from(TODAY)))); // never came through Kentongan
        ParticipationReport.Row row = Instances.await(report.build(TODAY)).get("group").get("baru");
        assertEquals(List.of(1L, 1L, 0L), List.of(row.registrations, row.active, row.lapsed));
        assertEquals(61, Instances.await(report.build(TODAY)).get("total").get("all").registrations, "the stranger is not counted in");
    }
}
