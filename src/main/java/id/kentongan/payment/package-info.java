/**
 * Contribution payments: payment codes (kode iuran) paid at a bank, minimarket or e-wallet; the provider client or
 * sandbox, orders, and the signed callback that credits a payment once.
 * <p>May use: {@code member}, {@code community} (the ledger), {@code outbox}, {@code backend}, {@code store}, the base (domain layer).
 */
package id.kentongan.payment;
