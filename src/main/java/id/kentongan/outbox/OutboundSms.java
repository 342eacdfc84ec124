package id.kentongan.outbox;

/**
 * An SMS to send. {@code key} identifies it for good: the same key is queued, and sent, once. {@code stoppable}:
 * the worker may refuse it by sending STOP (reminders, campaigns, invitations, group news); receipts, codes and
 * replies to the worker's own request are always sent. The one who queues it says which, not the key's spelling.
 */
public record OutboundSms(String key, String to, String text, boolean stoppable) {
    /** A message STOP does not withhold: a receipt, a payment code, an answer. */
    public OutboundSms(String key, String to, String text) {
        this(key, to, text, false);
    }
}
