/**
 * The instance's meters (Micrometer, Prometheus): hops, sessions, SMS events, backend calls, Redis commands. No label
 * ever carries a person.
 * <p>May use: nothing of ours (infrastructure layer).
 */
package id.kentongan.metrics;
