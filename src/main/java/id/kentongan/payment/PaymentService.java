package id.kentongan.payment;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * The payment provider (ops/api/payment-provider.yaml): the HTTP client to the real provider, or the sandbox. The
 * same idempotency key always yields the same code: a payment is never taken twice.
 */
public interface PaymentService {
    Future<PaymentCode> createCode(PaymentRequest request);

    Future<Optional<PaymentCode>> find(String code);
}
