package id.kentongan.payment;

import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The payment provider for demo mode and tests, keeping codes in the configured store. Codes are valid two days and
 * idempotent per key. {@link #markPaid} is what a bank counter would do; the sandbox then calls Kentongan back
 * through the real, signed callback (see SandboxPayments).
 */
public final class SandboxPaymentService implements PaymentService {
    static final Duration VALIDITY = Duration.ofDays(2);

    private final TtlStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SandboxPaymentService(TtlStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Future<PaymentCode> createCode(PaymentRequest r) {
        if (r.amount() <= 0) return Future.failedFuture(new IllegalArgumentException("amount must be positive"));
        PaymentCode fresh = new PaymentCode("8899" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)),
                r.reference(), r.amount(), clock.instant().plus(VALIDITY), PaymentCode.Status.PENDING);
        String keyOf = store.keys().sandboxPaymentRequest(r.idempotencyKey());
        return store.putIfAbsent(keyOf, fresh.code(), VALIDITY).compose(first -> first
                ? save(fresh).map(fresh)
                : store.get(keyOf).compose(code -> find(code.orElseThrow(), r.reference()))
                        .map(found -> found.orElseThrow(() -> new IllegalStateException("code for key is being created"))));
    }

    @Override
    public Future<Optional<PaymentCode>> find(String code, String reference) {
        return store.get(store.keys().sandboxPayment(code)).map(v -> v.map(j -> {
            PaymentCode c = PaymentJson.decode(new JsonObject(j));
            return c.status() == PaymentCode.Status.PENDING && clock.instant().isAfter(c.expiresAt())
                    ? new PaymentCode(c.code(), c.reference(), c.amount(), c.expiresAt(), PaymentCode.Status.EXPIRED) : c;
        }));
    }

    /** Marks a pending code paid; empty when there is no such code, or it is not pending. */
    public Future<Optional<PaymentCode>> markPaid(String code) {
        return find(code, null).compose(found -> {
            if (found.isEmpty() || found.get().status() != PaymentCode.Status.PENDING) return Future.succeededFuture(Optional.empty());
            PaymentCode c = found.get();
            PaymentCode paid = new PaymentCode(c.code(), c.reference(), c.amount(), c.expiresAt(), PaymentCode.Status.PAID);
            return save(paid).map(Optional.of(paid));
        });
    }

    private Future<Void> save(PaymentCode c) {
        // Kept a while past expiry so a late query still gets an answer.
        return store.put(store.keys().sandboxPayment(c.code()), PaymentJson.encode(c).encode(), VALIDITY.multipliedBy(15));
    }
}
