package id.kentongan.community;

import id.kentongan.AdminClient;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.store.RedisTtlStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The participation report against a seeded data set (members in the sandbox core system; channels, groups and
 * payments recorded as Kentongan records them), with the expected figures computed here by plain counting.
 */
@Tag("redis")
class ParticipationReportTest {

    /** Expected figures of one row. */
    static final class Want {
        long registrations, active, lapsed, payments, amount;
    }

    @Test
    void theReportsFiguresMatchTheRecordsTheyCount() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        KentonganConfig cfg = Instances.isolated(); // only this test's members in the core system's list
        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), cfg.keyspace());
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(cfg);
            SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
            Ledger ledger = new Ledger(store);
            Groups groups = new Groups(store, ledger.counts());
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
            Random random = new Random(42);
            String[] groupNames = {"Parkir Ajibarang " + run, "Ojek Terminal " + run};
            String[] agents = {Msisdn.parse(Instances.newPhone()).orElseThrow().value(), Msisdn.parse(Instances.newPhone()).orElseThrow().value()};
            String[] districts = {"330214", "330215"};

            List<Member> seeded = new ArrayList<>();
            Map<String, String> groupOf = new HashMap<>();
            Map<String, String> agentOf = new HashMap<>();
            Map<String, String> channelOf = new HashMap<>();
            Map<String, List<Ledger.Paid>> paidOf = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                String nik = districts[i % 2] + Instances.nik(80_000 + i).substring(6);
                YearMonth paid = switch (random.nextInt(4)) {
                    case 0 -> null;                                       // never paid
                    case 1 -> YearMonth.from(today).plusMonths(1);        // active
                    case 2 -> YearMonth.from(today).minusMonths(1);       // lapsed
                    default -> YearMonth.from(today).minusMonths(5);      // ended
                };
                Member m = new Member(Long.toString(27_500_000_000L + Math.abs(UUID.randomUUID().hashCode() % 400_000_000)), new Nik(nik),
                        "PESERTA " + i, Msisdn.parse(Instances.newPhone()).orElseThrow(), Occupation.values()[random.nextInt(Occupation.values().length)],
                        new ContributionPlan(1_000_000), today.minusMonths(random.nextInt(3)).withDayOfMonth(1 + random.nextInt(27)), paid);
                Instances.await(sandbox.put(m));
                seeded.add(m);
                if (random.nextInt(3) > 0) {
                    String g = Groups.code(groupNames[random.nextInt(2)]);
                    Instances.await(groups.join(m.msisdn(), g));
                    groupOf.put(m.kpj(), g);
                }
                Optional<Msisdn> agent = random.nextBoolean() ? Optional.of(new Msisdn(agents[random.nextInt(2)])) : Optional.empty();
                String channel = agent.isPresent() ? "agent" : random.nextBoolean() ? "invited" : random.nextBoolean() ? "ussd" : "sms";
                Instances.await(ledger.joined(m, channel, agent, Optional.empty(), m.registeredOn()));
                agent.ifPresent(a -> agentOf.put(m.kpj(), a.value()));
                channelOf.put(m.kpj(), channel.equals("ussd") || channel.equals("sms") ? "self" : channel);
                List<Ledger.Paid> payments = new ArrayList<>();
                for (int p = random.nextInt(3); p > 0; p--) {
                    int months = 1 + random.nextInt(3);
                    Ledger.Paid pay = new Ledger.Paid("REF-" + run + "-" + i + "-" + p, m.kpj(), months, months * 16_800L,
                            today.minusMonths(random.nextInt(2)), random.nextBoolean() ? "cash" : "code", agent.map(Msisdn::value));
                    Instances.await(ledger.paid(pay, m));
                    Instances.await(ledger.paid(pay, m)); // recorded twice: counted once
                    payments.add(pay);
                }
                paidOf.put(m.kpj(), payments);
            }
            // The sandbox's own demo member is in the core system's member list too, but never came through Kentongan:
            // not counted (the report counts what Kentongan's outreach brought in, from its own counters).
            List<Member> everyone = new ArrayList<>(seeded);

            Map<String, Map<String, Want>> want = expected(everyone, today, groupOf, agentOf, channelOf, paidOf);

            // This ledger stands for another instance: its rows' counts reach Redis at its next flush (each second).
            Instances.await(ledger.counts().flush());
            HttpResponse<String> r = AdminClient.admin(k).get("/admin/reports/participation");
            assertEquals(200, r.statusCode(), r.body());
            JsonObject report = new JsonObject(r.body());
            assertEquals(40, report.getJsonObject("total").getLong("registrations"));
            assertEquals(Set.of("self", "agent", "invited"), want.get("channel").keySet(), "the seed has every channel");
            checkAll(want, report);

            // Filtered by district: the same figures counted over that district's members only.
            List<Member> inOne = everyone.stream().filter(m -> m.nik().district().equals("33.02.14")).toList();
            JsonObject one = new JsonObject(AdminClient.admin(k).get("/admin/reports/participation?district=33.02.14").body());
            assertEquals(inOne.size(), one.getJsonObject("total").getLong("registrations"));
            checkAll(expected(inOne, today, groupOf, agentOf, channelOf, paidOf), one);
            assertEquals(400, AdminClient.admin(k).get("/admin/reports/participation?district=3302").statusCode());
            // A range of months keeps only those month rows.
            String thisMonth = today.toString().substring(0, 7);
            JsonArray months = new JsonObject(AdminClient.admin(k).get("/admin/reports/participation?from=" + thisMonth).body()).getJsonArray("byMonth");
            assertEquals(List.of(thisMonth), months.stream().map(o -> ((JsonObject) o).getString("key")).toList());

            HttpResponse<String> csv = AdminClient.admin(k).get("/admin/reports/participation?format=csv");
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            String[] lines = csv.body().split("\n");
            assertEquals("dimension,key,registrations,active,lapsed,active_rate,lapse_rate,payments,payment_amount", lines[0]);
            Want t = want.get("total").get("all");
            assertEquals("total,all," + t.registrations + "," + t.active + "," + t.lapsed + "," + rate(t.active, t.registrations) + ","
                    + rate(t.lapsed, t.registrations) + "," + t.payments + "," + t.amount, lines[1]);
            assertEquals(1 + 1 + want.get("group").size() + want.get("agent").size() + want.get("occupation").size()
                    + want.get("district").size() + want.get("month").size() + want.get("channel").size(), lines.length);
        } finally {
            store.close().toCompletionStage().toCompletableFuture().join();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    static void checkAll(Map<String, Map<String, Want>> want, JsonObject report) {
        check(want.get("total").get("all"), report.getJsonObject("total"), "total");
        for (String d : List.of("group", "agent", "occupation", "district", "month", "channel")) {
            JsonArray rows = report.getJsonArray("by" + Character.toUpperCase(d.charAt(0)) + d.substring(1));
            assertEquals(want.get(d).keySet(), rows.stream().map(o -> ((JsonObject) o).getString("key")).collect(java.util.stream.Collectors.toSet()), d);
            for (Object o : rows) {
                JsonObject row = (JsonObject) o;
                check(want.get(d).get(row.getString("key")), row, d + " " + row.getString("key"));
            }
        }
    }

    /** The report's figures by plain counting over {@code everyone}. */
    static Map<String, Map<String, Want>> expected(List<Member> everyone, LocalDate today, Map<String, String> groupOf, Map<String, String> agentOf,
                                                   Map<String, String> channelOf, Map<String, List<Ledger.Paid>> paidOf) {
            Map<String, Map<String, Want>> want = new TreeMap<>();
            for (String d : List.of("group", "agent", "occupation", "district", "month", "channel", "total")) want.put(d, new TreeMap<>());
            for (Member m : everyone) {
                MembershipStatus.State s = m.status(today).state();
                List<Ledger.Paid> payments = paidOf.getOrDefault(m.kpj(), List.of());
                Map<String, String> keys = Map.of("group", groupOf.getOrDefault(m.kpj(), "-"), "agent", agentOf.getOrDefault(m.kpj(), "-"),
                        "occupation", m.occupation().code(), "district", m.nik().district(), "channel", channelOf.get(m.kpj()), "total", "all");
                keys.forEach((d, key) -> {
                    Want w = want.get(d).computeIfAbsent(key, x -> new Want());
                    w.registrations++;
                    if (s == MembershipStatus.State.ACTIVE) w.active++;
                    if (s == MembershipStatus.State.LAPSED) w.lapsed++;
                    w.payments += payments.size();
                    w.amount += payments.stream().mapToLong(Ledger.Paid::amount).sum();
                });
                Want month = want.get("month").computeIfAbsent(m.registeredOn().toString().substring(0, 7), x -> new Want());
                month.registrations++;
                if (s == MembershipStatus.State.ACTIVE) month.active++;
                if (s == MembershipStatus.State.LAPSED) month.lapsed++;
                for (Ledger.Paid p : payments) {
                    Want pm = want.get("month").computeIfAbsent(p.on().toString().substring(0, 7), x -> new Want());
                    pm.payments++;
                    pm.amount += p.amount();
                }
            }

        return want;
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    static void check(Want w, JsonObject row, String what) {
        assertEquals(w.registrations, row.getLong("registrations"), what + " registrations");
        assertEquals(w.active, row.getLong("active"), what + " active");
        assertEquals(w.lapsed, row.getLong("lapsed"), what + " lapsed");
        assertEquals(rate(w.active, w.registrations), row.getDouble("activeRate"), what + " active rate");
        assertEquals(rate(w.lapsed, w.registrations), row.getDouble("lapseRate"), what + " lapse rate");
        assertEquals(w.payments, row.getLong("payments"), what + " payments");
        assertEquals(w.amount, row.getLong("paymentAmount"), what + " payment amount");
    }
}
