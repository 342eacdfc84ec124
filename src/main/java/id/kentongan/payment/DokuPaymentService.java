package id.kentongan.payment;

import id.kentongan.backend.BackendClient;
import id.kentongan.backend.BackendException;
import id.kentongan.domain.Rupiah;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * DOKU (Jokul) virtual accounts, non-SNAP, from its published documentation:
 * <ul>
 *   <li>every request carries {@code Client-Id}, {@code Request-Id}, {@code Request-Timestamp} (UTC, ISO-8601) and
 *       {@code Signature: HMACSHA256=} base64 of HMAC-SHA256, with the secret key, over the lines
 *       {@code Client-Id:…}, {@code Request-Id:…}, {@code Request-Timestamp:…}, {@code Request-Target:<path>} and, for a
 *       body, {@code Digest:<base64 SHA-256 of the body>}
 *       (https://developers.doku.com/get-started-with-doku-api/signature-component/non-snap, its sample code, and
 *       "Signature from API Get Method" for the status call, which has no Digest);</li>
 *   <li>create: {@code POST /{bank}-virtual-account/v2/payment-code} with {@code order.invoice_number},
 *       {@code order.amount} and {@code virtual_account_info} (FIX_BILL, expired_time in minutes), answered with
 *       {@code virtual_account_info.virtual_account_number} and {@code expired_date};</li>
 *   <li>status: {@code GET /orders/v1/status/{invoice_number}} (the "Check Status API, Non-SNAP" page);</li>
 *   <li>notification: the same headers, signed over the notification path as Request-Target
 *       (https://developers.doku.com/get-started-with-doku-api/notification/http-notification-sample-non-snap), read by
 *       {@link DokuNotices}.</li>
 * </ul>
 * Our reference is the invoice number: one order per session step; a create asked again after a time-out is read back
 * by its status.
 */
public final class DokuPaymentService implements PaymentService {
    /** payment.channel -> the path's bank and what the worker is told. */
    public static final Map<String, String> CHANNELS = Map.of("bca", "BCA VA", "mandiri", "Mandiri VA", "bri", "BRI VA",
            "bni", "BNI VA", "permata", "Permata VA", "bsi", "BSI VA", "doku", "DOKU VA");
    public static final String DEFAULT_CHANNEL = "doku";
    static final int VALID_MINUTES = 48 * 60;
    /** "20210124103152": DOKU's expired_date, in Western Indonesia Time. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final BackendClient api;
    private final String clientId;
    private final String secretKey;
    private final String channel;
    private final Clock clock;

    public DokuPaymentService(BackendClient api, String clientId, String secretKey, String channel, Clock clock) {
        this.api = api;
        this.clientId = clientId;
        this.secretKey = secretKey;
        this.clock = clock;
        this.channel = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
        if (!CHANNELS.containsKey(this.channel)) throw new IllegalArgumentException("doku channel is one of " + CHANNELS.keySet());
    }

    @Override
    public Future<PaymentCode> createCode(PaymentRequest r) {
        if (r.amount() <= 0) return Future.failedFuture(new IllegalArgumentException("amount must be positive"));
        String target = "/" + channel + "-virtual-account/v2/payment-code";
        byte[] body = new JsonObject()
                .put("order", new JsonObject().put("invoice_number", r.reference()).put("amount", r.amount()))
                .put("virtual_account_info", new JsonObject().put("billing_type", "FIX_BILL").put("expired_time", VALID_MINUTES)
                        .put("reusable_status", false).put("info1", "Iuran BPJS TK"))
                .put("customer", new JsonObject().put("name", "Peserta BPU"))
                .encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = headers(target, body);
        headers.put("Idempotency-Key", r.idempotencyKey());
        return api.post(target, Buffer.buffer(body), headers).compose(res -> {
            JsonObject j = res.body();
            if (res.status() >= 300 || j == null) return Future.failedFuture(new BackendException("doku refused the virtual account: " + res.status()));
            return Future.succeededFuture(decode(j, PaymentCode.Status.PENDING, r.reference()));
        }).recover(refused -> PaymentService.madeBefore(this, r, refused));
    }

    @Override
    public Future<Optional<PaymentCode>> find(String code, String reference) {
        String target = "/orders/v1/status/" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
        return api.get(target, () -> headers(target, null)).map(res -> {
            JsonObject j = res.body();
            if (res.status() == 404 || j == null) return Optional.empty();
            JsonObject tx = j.getJsonObject("transaction", new JsonObject());
            return Optional.of(decode(j, status(tx.getString("status")), reference));
        });
    }

    /** The four signed headers of a request to {@code target}; {@code body} null for a GET. */
    private Map<String, String> headers(String target, byte[] body) {
        String requestId = UUID.randomUUID().toString();
        String timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Client-Id", clientId);
        h.put("Request-Id", requestId);
        h.put("Request-Timestamp", timestamp);
        h.put("Signature", signature(clientId, requestId, timestamp, target, body, secretKey));
        return h;
    }

    /** "HMACSHA256=" + base64 HMAC-SHA256 over the documented component lines. */
    static String signature(String clientId, String requestId, String timestamp, String target, byte[] body, String secretKey) {
        StringBuilder c = new StringBuilder().append("Client-Id:").append(clientId).append('\n')
                .append("Request-Id:").append(requestId).append('\n')
                .append("Request-Timestamp:").append(timestamp).append('\n')
                .append("Request-Target:").append(target);
        if (body != null) c.append('\n').append("Digest:").append(Base64.getEncoder().encodeToString(Signatures.digest("SHA-256", body)));
        return "HMACSHA256=" + Base64.getEncoder().encodeToString(Signatures.hmacSha256(secretKey, c.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static PaymentCode.Status status(String transactionStatus) {
        return switch (transactionStatus == null ? "" : transactionStatus) {
            case "SUCCESS" -> PaymentCode.Status.PAID;
            case "PENDING" -> PaymentCode.Status.PENDING;
            case "FAILED", "EXPIRED", "TIMEOUT" -> PaymentCode.Status.EXPIRED;
            default -> throw new BackendException("doku: unknown transaction status " + transactionStatus);
        };
    }

    private PaymentCode decode(JsonObject j, PaymentCode.Status status, String reference) {
        try {
            JsonObject order = j.getJsonObject("order");
            JsonObject va = j.getJsonObject("virtual_account_info");
            String invoice = order.getString("invoice_number");
            String number = va.getString("virtual_account_number");
            if (!reference.equals(invoice) || number == null || !number.matches("[0-9]{6,20}")) {
                throw new IllegalArgumentException("invoice_number " + invoice + " and a numeric virtual_account_number are required");
            }
            long amount = Rupiah.exact(order.getValue("amount"));
            String expired = va.getString("expired_date");
            Instant expires = expired != null ? LocalDateTime.parse(expired, DATE).atZone(MidtransPaymentService.WIB).toInstant()
                    : clock.instant().plus(VALID_MINUTES, ChronoUnit.MINUTES);
            return new PaymentCode(number, invoice, amount, expires, status, CHANNELS.get(channel));
        } catch (RuntimeException e) {
            throw e instanceof BackendException b ? b : new BackendException("doku answer breaks its documented format: " + e.getMessage(), e);
        }
    }
}
