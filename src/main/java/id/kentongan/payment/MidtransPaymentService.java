package id.kentongan.payment;

import id.kentongan.backend.BackendClient;
import id.kentongan.backend.BackendException;
import id.kentongan.domain.Rupiah;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Midtrans Core API, from its published documentation:
 * <ul>
 *   <li>charge: {@code POST /v2/charge}, HTTP Basic with the server key as user name
 *       (https://docs.midtrans.com/reference/charge-transactions-1); bank transfer virtual accounts
 *       (https://docs.midtrans.com/docs/coreapi-core-api-bank-transfer-integration: {@code bank_transfer} with BCA,
 *       BNI, BRI or Permata, answered with {@code va_numbers} or {@code permata_va_number}; Mandiri bill payment as
 *       {@code echannel}, answered with {@code biller_code} and {@code bill_key}); convenience stores
 *       (https://docs.midtrans.com/reference/indomaret, .../alfamart: {@code cstore}, answered with {@code payment_code});</li>
 *   <li>status: {@code GET /v2/{order_id}/status} (https://docs.midtrans.com/reference/get-transaction-status), asked
 *       before a notification is credited, as the notification page recommends;</li>
 *   <li>notification: {@code signature_key} = SHA-512 of order_id + status_code + gross_amount + server key
 *       (https://docs.midtrans.com/docs/https-notification-webhooks), read by {@link MidtransNotices}.</li>
 * </ul>
 * Our reference is the order id: one order per session step. A charge that failed after Midtrans made it (a time-out)
 * and is asked again is refused by Midtrans as a duplicate order id; the order is then read back by its status, so the
 * worker gets the same account number. QRIS is left out: a feature phone can neither show nor scan the code.
 */
public final class MidtransPaymentService implements PaymentService {
    /** payment.channel -> how it is charged and what the worker is told. */
    public static final Map<String, String> CHANNELS = Map.of("bca", "BCA VA", "bni", "BNI VA", "bri", "BRI VA",
            "permata", "Permata VA", "mandiri", "Mandiri", "indomaret", "Indomaret", "alfamart", "Alfamart");
    public static final String DEFAULT_CHANNEL = "bni"; // payable from any bank's ATM or m-banking (the docs' list)
    /** Midtrans writes its times in Western Indonesia Time. */
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** As long as the sandbox's codes: two days to reach an ATM or a minimarket. */
    static final int VALID_HOURS = 48;

    private final BackendClient api;
    private final String serverKey;
    private final String channel;

    public MidtransPaymentService(BackendClient api, String serverKey, String channel) {
        this.api = api;
        this.serverKey = serverKey;
        this.channel = channel == null || channel.isBlank() ? DEFAULT_CHANNEL : channel;
        if (!CHANNELS.containsKey(this.channel)) throw new IllegalArgumentException("midtrans channel is one of " + CHANNELS.keySet());
    }

    @Override
    public Future<PaymentCode> createCode(PaymentRequest r) {
        if (r.amount() <= 0) return Future.failedFuture(new IllegalArgumentException("amount must be positive"));
        JsonObject body = new JsonObject()
                .put("transaction_details", new JsonObject().put("order_id", r.reference()).put("gross_amount", r.amount()))
                .put("custom_expiry", new JsonObject().put("expiry_duration", VALID_HOURS).put("unit", "hour"));
        switch (channel) {
            case "mandiri" -> body.put("payment_type", "echannel")
                    .put("echannel", new JsonObject().put("bill_info1", "Iuran:").put("bill_info2", "BPJS Ketenagakerjaan"));
            case "indomaret", "alfamart" -> body.put("payment_type", "cstore")
                    .put("cstore", new JsonObject().put("store", channel).put("message", "Iuran BPJS Ketenagakerjaan"));
            default -> body.put("payment_type", "bank_transfer").put("bank_transfer", new JsonObject().put("bank", channel));
        }
        Map<String, String> headers = Map.of("Authorization", authorization(), "Idempotency-Key", r.idempotencyKey());
        return api.post("/v2/charge", Buffer.buffer(body.encode()), headers).compose(res -> {
            JsonObject j = res.body() == null ? new JsonObject() : res.body();
            String status = j.getString("status_code", Integer.toString(res.status()));
            if (!status.equals("201") && !status.equals("200")) {
                return Future.failedFuture(new BackendException("midtrans refused the charge: " + status + " " + j.getString("status_message", "")));
            }
            return Future.succeededFuture(decode(j));
        }).recover(refused -> PaymentService.madeBefore(this, r, refused));
    }

    @Override
    public Future<Optional<PaymentCode>> find(String code, String reference) {
        String path = "/v2/" + URLEncoder.encode(reference, StandardCharsets.UTF_8) + "/status";
        return api.get(path, () -> Map.of("Authorization", authorization())).map(res -> {
            JsonObject j = res.body();
            if (res.status() == 404 || j == null || "404".equals(j.getString("status_code"))) return Optional.empty();
            return Optional.of(decode(j));
        });
    }

    private String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** A charge or status answer as the code the worker pays against; the contract broken is a backend failure. */
    static PaymentCode decode(JsonObject j) {
        try {
            String orderId = j.getString("order_id");
            long amount = Rupiah.exact(j.getValue("gross_amount"));
            String code;
            String label;
            JsonArray va = j.getJsonArray("va_numbers");
            if (va != null && !va.isEmpty()) {
                JsonObject first = va.getJsonObject(0);
                code = first.getString("va_number");
                label = CHANNELS.getOrDefault(first.getString("bank", ""), first.getString("bank", "").toUpperCase(java.util.Locale.ROOT) + " VA");
            } else if (j.getString("permata_va_number") != null) {
                code = j.getString("permata_va_number");
                label = CHANNELS.get("permata");
            } else if (j.getString("bill_key") != null) {
                code = j.getString("bill_key");
                label = "Mandiri " + j.getString("biller_code"); // the ATM asks for the biller code, then the bill key
            } else if (j.getString("payment_code") != null) {
                code = j.getString("payment_code");
                label = CHANNELS.getOrDefault(j.getString("store", ""), "Minimarket");
            } else {
                throw new IllegalArgumentException("no account number or payment code in the answer");
            }
            if (orderId == null || code == null || !code.matches("[0-9]{6,20}")) throw new IllegalArgumentException("order_id and a numeric code are required");
            Instant expires = j.getString("expiry_time") != null ? wib(j.getString("expiry_time"))
                    : wib(j.getString("transaction_time")).plusSeconds(VALID_HOURS * 3600L);
            return new PaymentCode(code, orderId, amount, expires, status(j.getString("transaction_status")), label);
        } catch (RuntimeException e) {
            throw new BackendException("midtrans answer breaks its documented format: " + e.getMessage(), e);
        }
    }

    static PaymentCode.Status status(String transactionStatus) {
        return switch (transactionStatus == null ? "" : transactionStatus) {
            case "pending" -> PaymentCode.Status.PENDING;
            case "settlement", "capture" -> PaymentCode.Status.PAID;
            case "expire", "cancel", "deny", "failure" -> PaymentCode.Status.EXPIRED;
            default -> throw new IllegalArgumentException("unknown transaction_status " + transactionStatus);
        };
    }

    private static Instant wib(String time) {
        return LocalDateTime.parse(time, TIME).atZone(WIB).toInstant();
    }

    /** SHA-512 hex of order_id + status_code + gross_amount + server key: what Midtrans signs a notification with. */
    static String signature(String orderId, String statusCode, String grossAmount, String serverKey) {
        return HexFormat.of().formatHex(Signatures.digest("SHA-512", (orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8)));
    }
}
