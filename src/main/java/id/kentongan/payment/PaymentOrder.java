package id.kentongan.payment;

/** What a payment code pays for, kept from its creation until the provider reports it paid. */
public record PaymentOrder(String code, String reference, String kpj, String msisdn, int months, long amount) {}
