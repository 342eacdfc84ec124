/**
 * SMS and USSD over SMPP: the pure codec (encoding, concatenation, reassembly, receipt ids), the ESME connections to an
 * SMSC (jSMPP) with windowing, throttling and reconnects, the durable outbox they drain, MO keyword handling, USSD over
 * SMPP, and the SMSC simulator that demo mode and the tests run against.
 */
package id.kentongan.smpp;
