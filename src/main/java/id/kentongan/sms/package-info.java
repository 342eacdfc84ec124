/**
 * Outgoing SMS as the rest of the service sees it. Until the SMPP sessions land (issue 4), messages are stored in an
 * outbox in the shared store and logged with the number masked, so nothing handed over is lost.
 */
package id.kentongan.sms;
