package id.kentongan.payment;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** The PaymentCode representation of ops/api/payment-provider.yaml. */
public final class PaymentJson {
    private PaymentJson() {}

    public static JsonObject encode(PaymentCode c) {
        return new JsonObject().put("code", c.code()).put("reference", c.reference()).put("amount", c.amount())
                .put("expiresAt", c.expiresAt().toString()).put("status", c.status().name());
    }

    public static PaymentCode decode(JsonObject j) {
        try {
            String code = j.getString("code");
            if (code == null || !code.matches("\\d{16}")) throw new IllegalArgumentException("code must be 16 digits, was " + code);
            return new PaymentCode(code, j.getString("reference"), j.getLong("amount"),
                    Instant.parse(j.getString("expiresAt")), PaymentCode.Status.valueOf(j.getString("status")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("payment code JSON breaks the contract: " + e.getMessage(), e);
        }
    }
}
