package id.kentongan.payment;

import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Optional;

/**
 * Orders by payment code, in the shared store, so whichever instance receives the callback knows what was paid for;
 * and by our reference, which Midtrans and DOKU notify by (their order id, our invoice number).
 */
public final class PaymentOrders {
    private static final Duration KEEP = Duration.ofDays(30);
    private final TtlStore store;

    public PaymentOrders(TtlStore store) {
        this.store = store;
    }

    public Future<Void> save(PaymentOrder o) {
        JsonObject j = new JsonObject().put("code", o.code()).put("reference", o.reference()).put("kpj", o.kpj())
                .put("msisdn", o.msisdn()).put("months", o.months()).put("amount", o.amount());
        if (o.closed()) j.put("closed", true);
        return Future.all(store.put(key(o.code()), j.encode(), KEEP),
                store.put(store.keys().paymentOrderByReference(o.reference()), o.code(), KEEP)).mapEmpty();
    }

    public Future<Optional<PaymentOrder>> find(String code) {
        return store.get(key(code)).map(v -> v.map(s -> {
            JsonObject j = new JsonObject(s);
            return new PaymentOrder(j.getString("code"), j.getString("reference"), j.getString("kpj"), j.getString("msisdn"),
                    j.getInteger("months"), j.getLong("amount"), j.getBoolean("closed", false));
        }));
    }

    public Future<Optional<PaymentOrder>> findByReference(String reference) {
        return store.get(store.keys().paymentOrderByReference(reference))
                .compose(code -> code.isEmpty() ? Future.succeededFuture(Optional.empty()) : find(code.get()));
    }

    private String key(String code) {
        return store.keys().paymentOrder(code);
    }
}
