package id.kentongan.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Participation by group, agent, occupation, district, month and channel (by themselves, through an agent, through a
 * friend's invitation): members counted in through Kentongan (registered
 * through it, or paying through it), how many are active or lapsed (and the rates), and the payments Kentongan saw.
 * Read from the counters {@link ParticipationCounts} keeps as things happen: its cost grows with the rows, not the
 * members. Month rows count registrations by the month of registration and payments by the month they were made.
 */
public final class ParticipationReport {
    public static final List<String> DIMENSIONS = ParticipationCounts.DIMENSIONS;

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

    private final ParticipationCounts counts;

    public ParticipationReport(ParticipationCounts counts) {
        this.counts = counts;
    }

    /** dimension -> key -> row, plus "total" -> "all". Rows whose counters are all zero (everyone moved on) are left out. */
    public Future<Map<String, Map<String, Row>>> build(LocalDate today) {
        return build(today, java.util.Optional.empty());
    }

    /** {@link #build(LocalDate)} for the members of one district (33.02.14) when given. */
    public Future<Map<String, Map<String, Row>>> build(LocalDate today, java.util.Optional<String> district) {
        YearMonth now = YearMonth.from(today);
        return counts.read(district).map(read -> {
            Map<String, Map<String, Row>> out = new TreeMap<>();
            read.forEach((d, rows) -> {
                Map<String, Row> mine = new TreeMap<>();
                rows.forEach((k, c) -> {
                    if (c.registrations() == 0 && c.payments() == 0) return;
                    Row r = new Row();
                    r.registrations = c.registrations();
                    r.active = c.active(now);
                    r.lapsed = c.lapsed(now);
                    r.payments = c.payments();
                    r.paymentAmount = c.amount();
                    mine.put(k, r);
                });
                out.put(d, mine);
            });
            return out;
        });
    }

    /** Only the month rows from {@code from} to {@code to} (yyyy-MM, either may be left open). */
    public static Map<String, Map<String, Row>> months(Map<String, Map<String, Row>> report, String from, String to) {
        Map<String, Map<String, Row>> out = new TreeMap<>(report);
        Map<String, Row> kept = new TreeMap<>();
        report.get("month").forEach((k, r) -> {
            if ((from == null || k.compareTo(from) >= 0) && (to == null || k.compareTo(to) <= 0)) kept.put(k, r);
        });
        out.put("month", kept);
        return out;
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
        List<String> all = new ArrayList<>(List.of("total"));
        all.addAll(DIMENSIONS);
        for (String d : all) {
            report.get(d).forEach((k, r) -> b.append(d).append(',').append(quote.apply(k)).append(',').append(r.registrations).append(',')
                    .append(r.active).append(',').append(r.lapsed).append(',').append(rate(r.active, r.registrations)).append(',')
                    .append(rate(r.lapsed, r.registrations)).append(',').append(r.payments).append(',').append(r.paymentAmount).append('\n'));
        }
        return b.toString();
    }
}
