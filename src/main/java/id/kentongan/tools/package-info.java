/**
 * For people, demos and tests, never for production code: the SMSC simulator (the embedded default's SMSC), the USSD
 * load generator, the SMS and reminder benchmarks, the terminal phone ({@code dial}), offered to {@code Main} through
 * {@code DevTools} ({@code META-INF/services}).
 * <p>May use: anything (edge). Nothing outside it may use it.
 */
package id.kentongan.tools;
