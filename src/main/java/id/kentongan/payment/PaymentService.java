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

    /**
     * After a create failed where the provider may have made the order all the same (a time-out; asked again, a
     * duplicate order id): the order read back by our reference, if it is still to be paid for the same amount — the
     * worker gets the same number; else the create's own failure.
     */
    static Future<PaymentCode> madeBefore(PaymentService provider, PaymentRequest r, Throwable refused) {
        return provider.find(null, r.reference()).compose(made -> made
                .filter(c -> c.status() == PaymentCode.Status.PENDING && c.amount() == r.amount())
                .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(refused)), notKnown -> Future.failedFuture(refused));
    }
}
