package id.kentongan.smpp;

/** An SMS to send. {@code key} identifies it for good: the same key is queued, and sent, once. */
public record OutboundSms(String key, String to, String text) {}
