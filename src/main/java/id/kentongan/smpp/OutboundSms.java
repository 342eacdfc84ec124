package id.kentongan.smpp;

/** An SMS to send. {@code key} identifies it for good: the same key is queued, and sent, once. */
public record OutboundSms(String key, String to, String text) {
    /** Reminders ({@code rem:…}) and campaigns ({@code camp:…}) stop when the worker sends STOP; receipts and replies do not. */
    public boolean optOutApplies() {
        return key.startsWith("rem:") || key.startsWith("camp:");
    }
}
