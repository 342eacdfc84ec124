package id.kentongan.outbox;

import id.kentongan.domain.Msisdn;
import io.vertx.core.Future;

import java.util.UUID;

/** Hands an SMS over for delivery. Succeeds once the message is safely queued, not once it is delivered. */
public interface SmsSender {
    /** Queues {@code text} under {@code key}: the same key is sent once, however often it is handed over. */
    Future<Void> send(String key, Msisdn to, String text);

    /**
     * Queues a message the worker may refuse by sending STOP (reminders, campaigns, invitations, group news): withheld
     * at send time while the number is opted out.
     */
    Future<Void> sendStoppable(String key, Msisdn to, String text);

    /** Queues a batch together (reminders, campaigns): a few round trips, whatever its size. */
    Future<Void> sendAll(java.util.List<OutboundSms> batch);

    default Future<Void> send(Msisdn to, String text) {
        return send(UUID.randomUUID().toString(), to, text);
    }
}
