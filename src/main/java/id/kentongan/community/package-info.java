/**
 * The community channel: Perisai agents who register workers (with the worker's consent by SMS) and collect cash;
 * groups; referrals; solidarity notices; the ledger and the participation report.
 * <p>May use: {@code member}, {@code outbox}, {@code store}, the base (domain layer).
 */
package id.kentongan.community;
