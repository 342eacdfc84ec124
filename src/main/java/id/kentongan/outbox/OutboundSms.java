package id.kentongan.outbox;

/** An SMS to send. {@code key} identifies it for good: the same key is queued, and sent, once. */
public record OutboundSms(String key, String to, String text) {
    /** Reminders, campaigns, invitations and group news stop when the number sends STOP; receipts and replies do not. */
    public boolean optOutApplies() {
        return key.startsWith("rem:") || key.startsWith("camp:") || key.startsWith("ref:") || key.startsWith("sol:");
    }
}
