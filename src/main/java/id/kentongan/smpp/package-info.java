/**
 * The SMPP protocol and nothing above it: binds to the SMSC (jSMPP) with windowing, throttling and reconnects
 * ({@link SmscClient}, {@link SmscConnection}), and the pure codec — GSM-7 / UCS-2 segments and UDH ({@link SmsSegments}),
 * MO reassembly, receipt ids, USSD operations. What the SMSC delivers goes to a {@link SmscClient.Inbound} given in.
 * <p>May use: the base (infrastructure layer). The SMSC simulator is in {@code tools}, reached through {@link EmbeddedSmsc}.
 */
package id.kentongan.smpp;
