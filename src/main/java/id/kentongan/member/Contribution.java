package id.kentongan.member;

/** A paid contribution to record: {@code reference} identifies the payment, and is recorded once however often sent. */
public record Contribution(String kpj, int months, long amount, String reference) {}
