/**
 * The SMS channel: MO keywords ({@link SmsCommand}: DAFTAR, CEK, BAYAR, STOP, MULAI, YA/TIDAK, KABAR, BANTUAN) answered
 * by {@link MoHandler} through the same actions as the USSD menu.
 * <p>May use: {@code actions}, the domain, infrastructure and base (channel layer).
 */
package id.kentongan.sms;
