package id.kentongan.payment;

import id.kentongan.domain.Rupiah;
import id.kentongan.payment.PaymentCallback.Outcome;
import id.kentongan.payment.PaymentCallback.Verdict;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * DOKU's HTTP notification for a virtual account
 * (https://developers.doku.com/get-started-with-doku-api/notification/http-notification-sample-non-snap): the headers
 * {@code Client-Id}, {@code Request-Id}, {@code Request-Timestamp} and {@code Signature}, signed as DOKU signs requests
 * with our notification path as Request-Target; the body's {@code order.invoice_number} (our reference),
 * {@code order.amount} and {@code transaction.status} (SUCCESS is paid; FAILED and EXPIRED close the order). Every input
 * gets a verdict, never an exception.
 */
public final class DokuNotices implements PaymentCallback.Notices {
    private final String clientId;
    private final String secretKey;
    private final String target;

    /** {@code target}: the path DOKU posts to, as registered with it ({@code /payments/callback/doku}). */
    public DokuNotices(String clientId, String secretKey, String target) {
        this.clientId = clientId;
        this.secretKey = secretKey;
        this.target = target;
    }

    @Override
    public boolean confirms() {
        return true;
    }

    @Override
    public Verdict read(Function<String, String> header, byte[] raw, Instant now) {
        String client = header.apply("Client-Id");
        String requestId = header.apply("Request-Id");
        String timestamp = header.apply("Request-Timestamp");
        String signature = header.apply("Signature");
        if (client == null || requestId == null || timestamp == null || signature == null || secretKey.isEmpty()
                || !clientId.equals(client) || requestId.length() > 128) {
            return Verdict.refused(401, "bad signature");
        }
        if (!Signatures.same(DokuPaymentService.signature(clientId, requestId, timestamp, target, raw, secretKey), signature, false)) {
            return Verdict.refused(401, "bad signature");
        }
        try {
            if (Math.abs(now.getEpochSecond() - Instant.parse(timestamp.strip()).getEpochSecond()) > PaymentCallback.MAX_SKEW.toSeconds()) {
                return Verdict.refused(401, "stale timestamp");
            }
        } catch (RuntimeException e) {
            return Verdict.refused(401, "bad timestamp");
        }
        try {
            JsonObject n = new JsonObject(new String(raw, StandardCharsets.UTF_8));
            JsonObject order = n.getJsonObject("order");
            String invoice = order.getString("invoice_number");
            long amount = Rupiah.exact(order.getValue("amount"));
            String status = n.getJsonObject("transaction").getString("status");
            if (invoice == null || invoice.isBlank() || invoice.length() > 64 || amount <= 0) return Verdict.refused(400, "order.invoice_number and a positive order.amount are required");
            return switch (status == null ? "" : status) {
                case "SUCCESS" -> Verdict.notice(invoice, amount, Outcome.PAID);
                case "PENDING" -> Verdict.notice(invoice, amount, Outcome.PENDING);
                case "FAILED", "EXPIRED" -> Verdict.notice(invoice, amount, Outcome.CLOSED);
                default -> Verdict.refused(400, "unknown transaction.status");
            };
        } catch (RuntimeException e) {
            return Verdict.refused(400, "body must be DOKU's notification JSON");
        }
    }
}
