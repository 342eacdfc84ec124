package id.kentongan.payment;

import io.vertx.core.Future;

/** Issues payment codes. The same idempotency key always yields the same code: a payment is never taken twice. */
public interface PaymentService {
    Future<PaymentCode> issueCode(PaymentRequest request);
}
