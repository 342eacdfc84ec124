package id.kentongan.payment;

import id.kentongan.community.Ledger;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.Contribution;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Once;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /payments/callback/{provider}}: the provider tells us a payment was made, is still awaited, or its order
 * closed. The provider's signature is checked over the raw body before anything is read from it ({@link Notices}:
 * the own contract, Midtrans, DOKU); a stale timestamp is refused; a payment is credited once however often, and in
 * whatever order, its notifications come (a replay gets the first answer again); a provider that recommends it is
 * asked for the order's status before anything is credited; the status cache is dropped by the credit; the worker
 * gets an SMS receipt. While it cannot be recorded (core system down) the answer is 503 and the provider retries.
 */
public final class PaymentCallback {
    private static final Logger log = LoggerFactory.getLogger(PaymentCallback.class);
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** How one provider's notifications are read and trusted. */
    public interface Notices {
        /** A verdict for any input: a notice (status 0) or the refusal to answer; never an exception. */
        Verdict read(java.util.function.Function<String, String> header, byte[] raw, java.time.Instant now);

        /** Ask the provider for the order's status before crediting (Midtrans and DOKU recommend it). */
        default boolean confirms() {
            return false;
        }
    }

    /** The own contract (ops/api/payment-provider.yaml): HMAC-SHA256 over timestamp.body, a paid code. */
    public static Notices contract(String secret) {
        return (header, raw, now) -> verify(secret, header.apply("X-Timestamp"), header.apply("X-Signature"), raw, now);
    }

    private final Map<String, Notices> providers;
    private final PaymentService payments;
    private final Once once;
    private final PaymentOrders orders;
    private final MembershipService members;
    private final SmsSender sms;
    private final Clock clock;
    private final Ledger ledger;
    private final PhoneLanguage languages;

    public PaymentCallback(Map<String, Notices> providers, PaymentService payments, Once once, PaymentOrders orders, MembershipService members,
                           SmsSender sms, Clock clock, Ledger ledger, PhoneLanguage languages) {
        this.payments = payments;
        this.languages = languages;
        this.ledger = ledger;
        this.providers = Map.copyOf(providers);
        this.once = once;
        this.orders = orders;
        this.members = members;
        this.sms = sms;
        this.clock = clock;
    }

    public void handle(RoutingContext ctx) {
        String provider = ctx.pathParam("provider");
        Notices notices = providers.get(provider);
        if (notices == null) {
            answer(ctx, 404, "unknown provider");
            return;
        }
        byte[] raw = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Verdict v = notices.read(ctx.request()::getHeader, raw, clock.instant());
        if (v.status() != 0) {
            if (v.status() == 401) log.warn("payment callback from {} refused: {}", provider, v.reason());
            answer(ctx, v.status(), v.reason());
            return;
        }
        Future<String> outcome = switch (v.outcome()) {
            // Nothing to do yet: the order stands, and the worker still pays it.
            case PENDING -> Future.succeededFuture("200 " + new JsonObject().put("status", "noted").encode());
            case CLOSED -> close(v);
            // One credit per order: a replay, or the same callback at two instances, gets the first answer. Only a
            // final outcome (credited) is kept: a refusal (wrong amount, an order not visible yet, not confirmed yet)
            // must not refuse the correct callback that follows it.
            case PAID -> once.run(once.keys().paymentCallback(provider, v.code()), () -> credit(v, notices.confirms()),
                    result -> result.startsWith("200"));
        };
        outcome.onComplete(ar -> {
            if (ar.failed()) {
                answer(ctx, 503, "being recorded, retry");
                return;
            }
            int status = Integer.parseInt(ar.result().substring(0, 3));
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(ar.result().substring(4));
        });
    }

    /** What a notification says once trusted. */
    public enum Outcome { PAID, PENDING, CLOSED }

    /**
     * A callback read and checked: a notice about {@code code} (a payment code, or our reference when
     * {@code byReference}) for {@code amount} (status 0), or the refusal to answer.
     */
    public record Verdict(int status, String reason, String code, long amount, boolean byReference, Outcome outcome) {
        Verdict(int status, String reason, String code, long amount) {
            this(status, reason, code, amount, false, Outcome.PAID);
        }

        public static Verdict refused(int status, String reason) {
            return new Verdict(status, reason, null, 0, false, Outcome.PAID);
        }

        public static Verdict notice(String reference, long amount, Outcome outcome) {
            return new Verdict(0, null, reference, amount, true, outcome);
        }
    }

    private Future<Optional<PaymentOrder>> order(Verdict v) {
        return v.byReference() ? orders.findByReference(v.code()) : orders.find(v.code());
    }

    /** The provider closed the order (expired, cancelled, denied): nothing can be credited to it any more. */
    private Future<String> close(Verdict v) {
        return order(v).compose(found -> {
            if (found.isEmpty()) return Future.succeededFuture("404 " + error("unknown order"));
            if (found.get().closed()) return Future.succeededFuture("200 " + new JsonObject().put("status", "closed").encode());
            return orders.save(found.get().closing()).map("200 " + new JsonObject().put("status", "closed").encode());
        });
    }

    /**
     * Signature, time and body of a callback of the own contract, without I/O: every input a provider (or a forger)
     * may send gets a verdict, never an exception.
     */
    static Verdict verify(String secret, String timestamp, String signature, byte[] raw, java.time.Instant now) {
        if (secret == null || secret.isEmpty() || !Signatures.valid(secret, timestamp, raw, signature)) return Verdict.refused(401, "bad signature");
        long sent;
        try {
            sent = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Verdict.refused(401, "bad timestamp");
        }
        if (Math.abs(now.getEpochSecond() - sent) > MAX_SKEW.toSeconds()) return Verdict.refused(401, "stale timestamp");
        JsonObject event;
        try {
            event = new JsonObject(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            return Verdict.refused(400, "body must be a JSON object");
        }
        Object code = event.getValue("code");
        Object rawAmount = event.getValue("amount");
        if (!(code instanceof String c) || c.isBlank() || c.length() > 64 || !(rawAmount instanceof Number n) || !"PAID".equals(event.getValue("status"))) {
            return Verdict.refused(400, "code, amount and status PAID are required");
        }
        // Rupiah have no cents: 16800.99 is refused, never truncated into a credit of 16800; nor is 1e30 wrapped.
        long amount;
        try {
            amount = Rupiah.exact(n);
        } catch (IllegalArgumentException e) {
            return Verdict.refused(400, "amount must be whole rupiah");
        }
        if (amount <= 0) return Verdict.refused(400, "amount must be positive");
        return new Verdict(0, null, c, amount);
    }

    /** "status json", so that the answer itself can be kept for replays. */
    private Future<String> credit(Verdict v, boolean confirm) {
        String code = v.code();
        long paid = v.amount();
        return order(v).compose(found -> {
            if (found.isEmpty()) return Future.succeededFuture("404 " + error("unknown payment code"));
            PaymentOrder o = found.get();
            if (paid != o.amount()) {
                log.error("payment {} paid {} but was for {}: not credited, needs a person", code, paid, o.amount());
                return Future.succeededFuture("409 " + error("amount does not match the payment code"));
            }
            if (o.closed()) {
                log.error("payment {} reported paid after its order closed: not credited, needs a person", code);
                return Future.succeededFuture("409 " + error("the order is closed"));
            }
            if (!confirm) return credit(o);
            // The provider's own word, asked of it, before money is counted: a notification is only a hint.
            return payments.find(o.code(), o.reference()).compose(now -> {
                if (now.isPresent() && now.get().status() == PaymentCode.Status.PAID && now.get().amount() == o.amount()) return credit(o);
                log.warn("payment {} notified paid but the provider says {}: not credited yet", code, now.map(c -> c.status().name()).orElse("unknown"));
                return Future.succeededFuture("409 " + error("the provider does not confirm the payment yet"));
            }, err -> Future.succeededFuture("503 " + error("provider status unavailable, retry")));
        });
    }

    private Future<String> credit(PaymentOrder o) {
        String code = o.code();
        return members.credit(new Contribution(o.kpj(), o.months(), o.amount(), o.reference())).compose(member -> {
            String receiptKey = "receipt:" + code;
            Msisdn to = new Msisdn(o.msisdn());
            // Kept for the participation report; a failure here never un-credits a payment.
            Future<Void> recorded = ledger.paid(new Ledger.Paid(o.reference(), member.kpj(), o.months(), o.amount(),
                    java.time.LocalDate.now(clock), "code", Optional.empty()), member).recover(e -> Future.succeededFuture());
            return recorded.compose(v -> languages.say(to, "receipt.code", "amount", Rupiah.format(o.amount()),
                            "months", Integer.toString(o.months()), "kpj", member.kpj(), "paid_through", member.paidThrough().format(MONTH)))
                    .compose(receipt -> sms.send(receiptKey, to, receipt))
                    .recover(e -> {
                        log.error("receipt SMS to {} not kept: {}; the payment is credited", to.masked(), e.toString());
                        return Future.succeededFuture();
                    })
                    .map("200 " + new JsonObject().put("status", "credited").put("kpj", member.kpj())
                            .put("paidThrough", member.paidThrough().toString()).encode());
        }, err -> {
            log.warn("payment {} not credited yet: {}", code, err.toString());
            return Future.succeededFuture("503 " + error("core system unavailable, retry"));
        });
    }

    private static String error(String message) {
        return new JsonObject().put("error", message).encode();
    }

    private static void answer(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(error(message));
    }
}
