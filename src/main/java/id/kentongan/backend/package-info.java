/**
 * What every client of an external system needs: a bounded wait, a circuit breaker so that a dead backend costs the
 * worker nothing but an immediate "busy" screen, retries for idempotent reads only, and failures that say which
 * backend failed and how. Used by the core-system and payment-provider clients.
 * <p>May use: {@code metrics} (infrastructure layer).
 */
package id.kentongan.backend;
