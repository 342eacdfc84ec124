package id.kentongan.actions;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.member.Registration;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registration and status, against the membership service. Amounts go into the session as whole-rupiah digits. */
public final class MemberActions {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /**
     * A registered NIK tells its KPJ only to the number it was registered with ("registered"); from any other number
     * only that it is registered, and the masked number it was registered from ("registered_other"): the owner
     * recognises their number, a stranger learns nothing a claim could be made with. Look-ups per number per day are
     * limited ({@code limits.nikLookupsPerDay}).
     */
    public static final ActionSpec CHECK_NIK = new ActionSpec("member.check_nik", Set.of("available", "registered", "registered_other", "limit"),
            Map.of("kpj", 11, "owner_phone", 11));
    /** The contribution for an income; with a NIK in the dialogue, its last four digits and the birth date read from it. */
    public static final ActionSpec QUOTE = new ActionSpec("contribution.quote", Set.of("ok"),
            Map.of("jkk", 6, "jkm", 4, "monthly", 6, "nik_end", 4, "born", 10));
    private static final DateTimeFormatter BORN = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    public static final ActionSpec REGISTER = new ActionSpec("member.register", Set.of("ok", "registered", "registered_other", "limit"),
            Map.of("kpj", 11, "owner_phone", 11));
    /** "Daftar" from a phone already registered is told at once, before any NIK is typed. */
    public static final ActionSpec CHECK_PHONE = new ActionSpec("member.check_phone", Set.of("available", "registered"), Map.of("kpj", 11));
    public static final ActionSpec STATUS = new ActionSpec("member.status",
            Set.of("active", "pending", "lapsed", "ended", "not_registered"),
            Map.of("kpj", 11, "paid_through", 7, "due", 7, "monthly", 6, "arrears", 1));

    private MemberActions() {}

    /** An already-registered NIK: its KPJ for the number it belongs to, the masked number for anyone else. */
    static ActionOutcome registered(Member m, Msisdn asking) {
        return m.kpjMayBeToldTo(asking) ? new ActionOutcome("registered", Map.of("kpj", m.kpj()))
                : new ActionOutcome("registered_other", Map.of("owner_phone", m.maskedNumber()));
    }

    /** {@code afterRegistered} is told of each new member and the channel (ussd or sms); its failure fails nothing. */
    static List<Action> all(MembershipService members, Clock clock, TtlStore quotas, Quota nikLookups,
                            java.util.function.BiFunction<Member, String, Future<Void>> afterRegistered, Keepsakes keepsakes) {
        return List.of(
                Action.of(CHECK_NIK, call -> nikLookups.take(quotas, call.msisdn().value()).compose(within -> !within
                        ? Future.succeededFuture(ActionOutcome.of("limit"))
                        : members.findByNik(new Nik(call.value("nik"))).map(found -> found
                                .map(m -> registered(m, call.msisdn()))
                                .orElse(ActionOutcome.of("available"))))),

                Action.of(QUOTE,
                        call -> {
                            ContributionPlan plan = new ContributionPlan(Long.parseLong(call.value("income")));
                            Map<String, String> out = new java.util.HashMap<>(Map.of("jkk", Long.toString(plan.jkk()),
                                    "jkm", Long.toString(plan.jkm()), "monthly", Long.toString(plan.monthly())));
                            String nik = call.value("nik");
                            if (nik != null && Nik.isValid(nik)) {
                                out.put("nik_end", nik.substring(12));
                                out.put("born", BORN.format(new Nik(nik).birthDate(LocalDate.now(clock).getYear())));
                            }
                            return Future.succeededFuture(new ActionOutcome("ok", out));
                        }),

                Action.once(REGISTER,
                        call -> nikLookups.take(quotas, call.msisdn().value()).compose(within -> {
                            if (!within) return Future.succeededFuture(ActionOutcome.of("limit"));
                            Registration r = new Registration(new Nik(call.value("nik")), call.value("name"), call.msisdn(),
                                    Occupation.byCode(call.value("occupation")).orElse(Occupation.LAINNYA),
                                    new ContributionPlan(Long.parseLong(call.value("income"))));
                            return members.register(r, call.idempotencyKey()).compose(done -> {
                                if (!done.created()) return Future.succeededFuture(registered(done.member(), call.msisdn()));
                                ActionOutcome o = new ActionOutcome("ok", Map.of("kpj", done.member().kpj()));
                                boolean bySms = call.bySms(); // the SMS reply already carries the KPJ
                                // The community's bookkeeping and the welcome SMS need nothing of each other: side by
                                // side, the worker's last screen waits for the longer of the two, not both.
                                Future<Void> counted = afterRegistered.apply(done.member(), bySms ? "sms" : "ussd").otherwise((Void) null);
                                Future<Void> kept = bySms ? Future.succeededFuture()
                                        : Future.<Void>succeededFuture().compose(v -> keepsakes.registered(done.member(), call.language()))
                                                .otherwise((Void) null); // composed, so a throw fails it too; its failure fails nothing
                                return Future.join(counted, kept).map(o);
                            });
                        })),

                Action.of(CHECK_PHONE, call -> members.findByMsisdn(call.msisdn()).map(found -> found
                        .map(m -> new ActionOutcome("registered", Map.of("kpj", m.kpj())))
                        .orElse(ActionOutcome.of("available")))),

                Action.of(STATUS,
                        call -> members.findByMsisdn(call.msisdn()).map(found -> found.map(m -> {
                            MembershipStatus s = m.status(LocalDate.now(clock));
                            return new ActionOutcome(s.state().name().toLowerCase(java.util.Locale.ROOT), Map.of(
                                    "kpj", m.kpj(),
                                    "paid_through", s.paidThrough() == null ? "-" : s.paidThrough().format(MONTH),
                                    "due", Long.toString(s.amountDue()),
                                    "monthly", Long.toString(s.monthly()),
                                    "arrears", Integer.toString(Math.min(9, s.monthsInArrears()))));
                        }).orElse(ActionOutcome.of("not_registered"))))
        );
    }
}
