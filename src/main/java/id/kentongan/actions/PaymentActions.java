package id.kentongan.actions;

import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.payment.PaymentCode;
import id.kentongan.payment.PaymentOrder;
import id.kentongan.payment.PaymentOrders;
import id.kentongan.payment.PaymentRequest;
import id.kentongan.payment.PaymentService;
import id.kentongan.text.Digest;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Quote and payment code for 1, 3, 6 or 12 months of contributions. The amount comes from the core system's bill, never
 * from the session: what the worker pays is what the plan says. A payment code is created once per session step
 * (Action.once), and its order is kept so the provider's callback can be credited by any instance.
 */
public final class PaymentActions {
    private static final Set<Integer> MONTHS = Set.of(1, 3, 6, 12);
    private static final Set<String> RESULTS = Set.of("ok", "not_registered", "ended");
    public static final ActionSpec QUOTE = new ActionSpec("payment.quote", RESULTS, Map.of("total", 8));
    public static final ActionSpec CREATE = new ActionSpec("payment.create", RESULTS,
            Map.of("total", 8, "pay_code", PaymentCode.SHOWN_MAX, "pay_expires", 20));

    private PaymentActions() {}

    static List<Action> all(MembershipService members, PaymentService payments, PaymentOrders orders, Clock clock, Keepsakes keepsakes) {
        return List.of(
                Action.of(QUOTE, call -> payer(members, clock, call).compose(p -> p.refusal() != null
                        ? Future.succeededFuture(ActionOutcome.of(p.refusal()))
                        : members.bill(p.member().kpj(), months(call))
                                .map(bill -> new ActionOutcome("ok", Map.of("total", Long.toString(bill.amount())))))),

                Action.once(CREATE, call -> payer(members, clock, call).compose(p -> {
                    if (p.refusal() != null) return Future.succeededFuture(ActionOutcome.of(p.refusal()));
                    Member m = p.member();
                    int months = months(call);
                    String reference = "KT-" + m.kpj() + "-" + months + "-" + Digest.sha256Hex(call.idempotencyKey(), 6);
                    return members.bill(m.kpj(), months)
                            .compose(bill -> payments.createCode(new PaymentRequest(reference, bill.amount(),
                                    "Iuran BPJS TK " + months + " bln KPJ " + m.kpj(), call.idempotencyKey())))
                            .compose(code -> orders.save(new PaymentOrder(code.code(), reference, m.kpj(), call.msisdn().value(),
                                            months, code.amount()))
                                    // The code is kept by SMS too; a failed SMS never takes the code off the screen.
                                    .compose(v -> call.bySms() ? Future.<Void>succeededFuture()
                                            : keepsakes.paymentCode(call.msisdn(), code, months, call.language()).otherwise((Void) null))
                                    .map(new ActionOutcome("ok", Map.of("total", Long.toString(code.amount()),
                                            "pay_code", code.shown(),
                                            "pay_expires", keepsakes.deadline(code.expiresAt())))));
                }))
        );
    }

    /** Who pays, or why they cannot: not registered, or membership ended (more than three months unpaid). */
    private record Payer(Member member, String refusal) {}

    private static Future<Payer> payer(MembershipService members, Clock clock, ActionCall call) {
        return members.findByMsisdn(call.msisdn()).map(found -> found
                .map(m -> m.status(LocalDate.now(clock)).state() == MembershipStatus.State.ENDED
                        ? new Payer(null, "ended") : new Payer(m, null))
                .orElse(new Payer(null, "not_registered")));
    }

    private static int months(ActionCall call) {
        int months = Integer.parseInt(call.value("months"));
        if (!MONTHS.contains(months)) throw new IllegalArgumentException("months must be 1, 3, 6 or 12, was " + months);
        return months;
    }

}
