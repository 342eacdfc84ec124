package id.kentongan.payment;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * The payment provider, chosen by {@code payment.provider}: the sandbox, a provider keeping the own contract
 * (ops/api/payment-provider.yaml), Midtrans or DOKU. The same idempotency key always yields the same code: a
 * payment is never taken twice.
 */
public interface PaymentService {
    Future<PaymentCode> createCode(PaymentRequest request);

    /**
     * The provider's present word on a code it made: by the code or by our reference (its order id), whichever the
     * provider keys its orders by; empty when it knows neither. Asked before a notification is credited.
     */
    Future<Optional<PaymentCode>> find(String code, String reference);
}
