package id.kentongan.payment;

/** A payment code wanted for {@code amount} under our {@code reference}; the idempotency key makes a retry harmless. */
public record PaymentRequest(String reference, long amount, String description, String idempotencyKey) {}
