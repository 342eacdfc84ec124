/**
 * The USSD channel: transports that speak a gateway's convention (Africa's Talking form posts, Hubtel JSON, USSD
 * over SMPP) and turn it into {@link UssdRequest}s; {@link UssdService}, the hop: load the session, step the menu
 * engine, run the actions it asks for (bounded by a timeout), save.
 * <p>May use: {@code actions}, {@code sms} (MO routed from the SMSC), {@code session}, the domain, infrastructure and base
 * (channel layer).
 */
package id.kentongan.ussd;
