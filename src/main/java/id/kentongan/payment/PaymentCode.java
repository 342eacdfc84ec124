package id.kentongan.payment;

import java.time.Instant;

/**
 * What the worker pays against: a payment code, a virtual account number, a minimarket code. {@code channel} names
 * where it is paid when the provider decides that ("BNI VA", "Indomaret", "Mandiri 70012" — the biller code the ATM
 * asks for first); empty for a code any counter takes (the sandbox, the own contract).
 */
public record PaymentCode(String code, String reference, long amount, Instant expiresAt, Status status, String channel) {
    public enum Status { PENDING, PAID, EXPIRED }

    /** At most this long as shown ({@link #shown()}): the screens and the SMS are measured with it. */
    public static final int SHOWN_MAX = 30;

    public PaymentCode(String code, String reference, long amount, Instant expiresAt, Status status) {
        this(code, reference, amount, expiresAt, status, "");
    }

    /** Digits in groups of four, so it can be read out at the counter. */
    public String grouped() {
        return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    /** The channel, then the grouped code: "BNI VA 8578 0000 0011 1111"; the grouped code alone when any counter takes it. */
    public String shown() {
        return channel.isEmpty() ? grouped() : channel + " " + grouped();
    }

    public PaymentCode with(Status s) {
        return new PaymentCode(code, reference, amount, expiresAt, s, channel);
    }
}
