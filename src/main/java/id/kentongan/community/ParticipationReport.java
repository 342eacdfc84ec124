package id.kentongan.community;

import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Participation by group, agent, occupation, district and month: registrations, how many are active or lapsed (and
 * the rates), and the payments Kentongan saw. Built by reading the core system's member list once and joining
 * Kentongan's own records (how each joined, which group, payments), so each figure is a count of real records.
 * Month rows count registrations by the month of registration and payments by the month they were made.
 */
public final class ParticipationReport {
    public static final List<String> DIMENSIONS = List.of("group", "agent", "occupation", "district", "month");

    /** One row: a dimension's value and its figures. */
    public static final class Row {
        long registrations, active, lapsed, payments, paymentAmount;

        JsonObject toJson(String key) {
            return new JsonObject().put("key", key).put("registrations", registrations).put("active", active).put("lapsed", lapsed)
                    .put("activeRate", rate(active, registrations)).put("lapseRate", rate(lapsed, registrations))
                    .put("payments", payments).put("paymentAmount", paymentAmount);
        }
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    private final MembershipService members;
    private final Ledger ledger;
    private final Groups groups;

    public ParticipationReport(MembershipService members, Ledger ledger, Groups groups) {
        this.members = members;
        this.ledger = ledger;
        this.groups = groups;
    }

    /** dimension -> key -> row, plus "total" -> "all". */
    public Future<Map<String, Map<String, Row>>> build(LocalDate today) {
        Map<String, Map<String, Row>> out = new TreeMap<>();
        for (String d : DIMENSIONS) out.put(d, new TreeMap<>());
        out.put("total", new TreeMap<>());
        return page(null, today, out).map(out);
    }

    private Future<Void> page(String cursor, LocalDate today, Map<String, Map<String, Row>> out) {
        return members.members(cursor, 500).compose(p -> {
            List<Member> ms = p.members();
            List<String> kpjs = ms.stream().map(Member::kpj).toList();
            return ledger.joinedOf(kpjs).compose(joined -> {
                List<Future<List<Ledger.Paid>>> paid = kpjs.stream().map(ledger::payments).toList();
                List<Future<Optional<String>>> group = ms.stream().map(m -> groups.groupOf(m.msisdn())).toList();
                List<Future<?>> all = new ArrayList<>(paid);
                all.addAll(group);
                return Future.all(all).map(done -> {
                    for (int i = 0; i < ms.size(); i++) {
                        add(out, ms.get(i), joined.get(i), group.get(i).result(), paid.get(i).result(), today);
                    }
                    return p.next();
                });
            }).compose(next -> next.isPresent() ? page(next.get(), today, out) : Future.succeededFuture());
        });
    }

    private static void add(Map<String, Map<String, Row>> out, Member m, Optional<Ledger.Joined> joined, Optional<String> group,
                            List<Ledger.Paid> paid, LocalDate today) {
        MembershipStatus.State s = m.status(today).state();
        Map<String, String> keys = Map.of(
                "group", group.or(() -> joined.flatMap(Ledger.Joined::group)).orElse("-"),
                "agent", joined.flatMap(Ledger.Joined::agent).orElse("-"),
                "occupation", m.occupation().code(),
                "district", m.nik().district(),
                "total", "all");
        for (Map.Entry<String, String> k : keys.entrySet()) {
            Row r = out.get(k.getKey()).computeIfAbsent(k.getValue(), x -> new Row());
            r.registrations++;
            if (s == MembershipStatus.State.ACTIVE) r.active++;
            if (s == MembershipStatus.State.LAPSED) r.lapsed++;
            for (Ledger.Paid p : paid) {
                r.payments++;
                r.paymentAmount += p.amount();
            }
        }
        Row month = out.get("month").computeIfAbsent(m.registeredOn().toString().substring(0, 7), x -> new Row());
        month.registrations++;
        if (s == MembershipStatus.State.ACTIVE) month.active++;
        if (s == MembershipStatus.State.LAPSED) month.lapsed++;
        for (Ledger.Paid p : paid) {
            Row pm = out.get("month").computeIfAbsent(p.on().toString().substring(0, 7), x -> new Row());
            pm.payments++;
            pm.paymentAmount += p.amount();
        }
    }

    public static JsonObject json(Map<String, Map<String, Row>> report, LocalDate today) {
        JsonObject j = new JsonObject().put("asOf", today.toString()).put("total", report.get("total").getOrDefault("all", new Row()).toJson("all"));
        for (String d : DIMENSIONS) {
            JsonArray rows = new JsonArray();
            report.get(d).forEach((k, r) -> rows.add(r.toJson(k)));
            j.put("by" + Character.toUpperCase(d.charAt(0)) + d.substring(1), rows);
        }
        return j;
    }

    public static String csv(Map<String, Map<String, Row>> report) {
        StringBuilder b = new StringBuilder("dimension,key,registrations,active,lapsed,active_rate,lapse_rate,payments,payment_amount\n");
        Function<String, String> quote = s -> s.matches("[A-Za-z0-9 ._:\\-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
        for (String d : new ArrayList<>(List.of("total", "group", "agent", "occupation", "district", "month"))) {
            report.get(d).forEach((k, r) -> b.append(d).append(',').append(quote.apply(k)).append(',').append(r.registrations).append(',')
                    .append(r.active).append(',').append(r.lapsed).append(',').append(rate(r.active, r.registrations)).append(',')
                    .append(rate(r.lapsed, r.registrations)).append(',').append(r.payments).append(',').append(r.paymentAmount).append('\n'));
        }
        return b.toString();
    }
}
