package id.kentongan.payment;

import id.kentongan.domain.Rupiah;
import id.kentongan.payment.PaymentCallback.Outcome;
import id.kentongan.payment.PaymentCallback.Verdict;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * Midtrans' HTTP notification (https://docs.midtrans.com/docs/https-notification-webhooks): JSON with
 * {@code order_id}, {@code status_code}, {@code gross_amount}, {@code transaction_status} and {@code signature_key},
 * the SHA-512 of the first three and the server key. {@code settlement} (and an accepted {@code capture}) is paid,
 * {@code pending} nothing yet, {@code expire}, {@code cancel}, {@code deny} and {@code failure} close the order.
 * Every input gets a verdict, never an exception.
 */
public final class MidtransNotices implements PaymentCallback.Notices {
    private final String serverKey;

    public MidtransNotices(String serverKey) {
        this.serverKey = serverKey;
    }

    @Override
    public boolean confirms() {
        return true; // the notification page: check the status with Midtrans before acting on it
    }

    @Override
    public Verdict read(Function<String, String> header, byte[] raw, Instant now) {
        JsonObject n;
        try {
            n = new JsonObject(new String(raw, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return Verdict.refused(400, "body must be a JSON object");
        }
        if (!(n.getValue("order_id") instanceof String orderId) || !(n.getValue("status_code") instanceof String statusCode)
                || !(n.getValue("gross_amount") instanceof String gross) || !(n.getValue("signature_key") instanceof String signature)
                || orderId.isBlank() || orderId.length() > 64) {
            return Verdict.refused(400, "order_id, status_code, gross_amount and signature_key are required");
        }
        if (serverKey.isEmpty() || !Signatures.same(MidtransPaymentService.signature(orderId, statusCode, gross, serverKey), signature, true)) {
            return Verdict.refused(401, "bad signature");
        }
        long amount;
        try {
            amount = Rupiah.exact(gross);
        } catch (RuntimeException e) {
            return Verdict.refused(400, "gross_amount must be whole rupiah");
        }
        if (amount <= 0) return Verdict.refused(400, "gross_amount must be positive");
        String status = n.getValue("transaction_status") instanceof String s ? s : "";
        String fraud = n.getValue("fraud_status") instanceof String f ? f : "accept";
        return switch (status) {
            case "settlement" -> Verdict.notice(orderId, amount, Outcome.PAID);
            case "capture" -> "accept".equals(fraud) ? Verdict.notice(orderId, amount, Outcome.PAID) : Verdict.notice(orderId, amount, Outcome.PENDING);
            case "pending", "authorize" -> Verdict.notice(orderId, amount, Outcome.PENDING);
            case "expire", "cancel", "deny", "failure" -> Verdict.notice(orderId, amount, Outcome.CLOSED);
            default -> Verdict.refused(400, "unknown transaction_status");
        };
    }
}
