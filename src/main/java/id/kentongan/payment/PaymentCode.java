package id.kentongan.payment;

import java.time.Instant;

/** A code the worker pays against: 16 digits, shown in groups of four so it can be read out at the counter. */
public record PaymentCode(String code, String reference, long amount, Instant expiresAt, Status status) {
    public enum Status { PENDING, PAID, EXPIRED }

    public String grouped() {
        return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
