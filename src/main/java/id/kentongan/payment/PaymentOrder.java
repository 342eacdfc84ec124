package id.kentongan.payment;

/**
 * What a payment code pays for, kept from its creation until the provider reports it paid; {@code closed} once the
 * provider said it expired, was cancelled or denied (nothing can be credited to it then).
 */
public record PaymentOrder(String code, String reference, String kpj, String msisdn, int months, long amount, boolean closed) {
    public PaymentOrder(String code, String reference, String kpj, String msisdn, int months, long amount) {
        this(code, reference, kpj, msisdn, months, amount, false);
    }

    public PaymentOrder closing() {
        return new PaymentOrder(code, reference, kpj, msisdn, months, amount, true);
    }
}
