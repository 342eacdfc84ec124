/**
 * The USSD service: transports that speak a gateway's convention (Africa's Talking form posts, Hubtel JSON) and
 * turn it into {@link id.kentongan.ussd.UssdRequest}s; {@link id.kentongan.ussd.UssdService}, which loads the
 * session, steps the menu engine, runs the effects it asks for (bounded by a timeout) and saves the session; and
 * the terminal phone used by {@code dial}.
 */
package id.kentongan.ussd;
