package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.YearMonth;

/** The Member and Bill representations of ops/api/core-system.yaml, for the HTTP client and the sandbox alike. */
public final class MemberJson {
    private MemberJson() {}

    public static JsonObject encode(Member m) {
        return new JsonObject()
                .put("kpj", m.kpj())
                .put("nik", m.nik().value())
                .put("name", m.name())
                .put("msisdn", m.msisdn().value())
                .put("occupation", m.occupation().code())
                .put("declaredIncome", m.plan().declaredIncome())
                .put("monthlyContribution", m.plan().monthly())
                .put("registeredOn", m.registeredOn().toString())
                .put("paidThrough", m.paidThrough() == null ? null : m.paidThrough().toString())
                .put("programmes", new JsonArray().add("JKK").add("JKM"));
    }

    /** Throws IllegalArgumentException (with the field) when the JSON breaks the contract. */
    public static Member decode(JsonObject j) {
        try {
            String paid = j.getString("paidThrough");
            return new Member(required(j, "kpj"), new Nik(required(j, "nik")), required(j, "name"),
                    new Msisdn(required(j, "msisdn")),
                    Occupation.byCode(required(j, "occupation")).orElse(Occupation.LAINNYA),
                    new ContributionPlan(j.getLong("declaredIncome")),
                    LocalDate.parse(required(j, "registeredOn")),
                    paid == null ? null : YearMonth.parse(paid));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("member JSON breaks the contract: " + e.getMessage(), e);
        }
    }

    public static JsonObject encode(Bill b) {
        return new JsonObject().put("kpj", b.kpj()).put("months", b.months()).put("amount", b.amount())
                .put("from", b.from().toString()).put("to", b.to().toString());
    }

    public static Bill decodeBill(JsonObject j) {
        try {
            return new Bill(required(j, "kpj"), j.getInteger("months"), j.getLong("amount"),
                    YearMonth.parse(required(j, "from")), YearMonth.parse(required(j, "to")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bill JSON breaks the contract: " + e.getMessage(), e);
        }
    }

    private static String required(JsonObject j, String field) {
        String v = j.getString(field);
        if (v == null) throw new IllegalArgumentException(field + " is missing");
        return v;
    }
}
