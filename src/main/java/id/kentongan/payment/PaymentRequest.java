package id.kentongan.payment;

/** Contributions for {@code months} months of member {@code kpj}; the idempotency key makes a retried request harmless. */
public record PaymentRequest(String kpj, int months, long amount, String idempotencyKey) {}
