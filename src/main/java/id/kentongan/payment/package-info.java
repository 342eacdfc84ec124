/**
 * Contribution payments: payment codes (kode iuran) that a worker pays at a bank, minimarket or e-wallet. The
 * sandbox issues codes here; the provider client, signed callbacks and receipts are another issue.
 */
package id.kentongan.payment;
