package id.kentongan.payment;

import id.kentongan.backend.BackendClient;
import id.kentongan.backend.BackendException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/** The payment provider over HTTP (ops/api/payment-provider.yaml). */
public final class HttpPaymentService implements PaymentService {
    private final BackendClient provider;

    public HttpPaymentService(BackendClient provider) {
        this.provider = provider;
    }

    @Override
    public Future<PaymentCode> createCode(PaymentRequest r) {
        JsonObject body = new JsonObject().put("reference", r.reference()).put("amount", r.amount()).put("description", r.description());
        return provider.post("/payment-codes", body, r.idempotencyKey()).map(res -> {
            if (res.status() != 200 && res.status() != 201) throw new BackendException("payment provider answered " + res.status());
            return decode(res.body());
        });
    }

    @Override
    public Future<Optional<PaymentCode>> find(String code, String reference) {
        return provider.get("/payment-codes/" + code).map(res -> res.status() == 404 ? Optional.empty() : Optional.of(decode(res.body())));
    }

    private static PaymentCode decode(JsonObject json) {
        try {
            return PaymentJson.decode(json);
        } catch (IllegalArgumentException e) {
            throw new BackendException("payment provider: " + e.getMessage(), e);
        }
    }
}
