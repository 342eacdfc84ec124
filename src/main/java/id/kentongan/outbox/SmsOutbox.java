package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue every MT SMS goes through, and what is known of each message afterwards. A message is taken off
 * only once the SMSC has accepted every segment ({@link #done}); a sender that dies leaves its messages pending, and
 * another reclaims them. Two implementations: Redis Streams (a consumer group shared by all instances) and memory
 * (embedded mode). Methods other than {@link #enqueue} and {@link #state} block and run on sender threads.
 */
public interface SmsOutbox extends AutoCloseable {
    /** A message taken by a sender, with the stream entry it came from. */
    record Taken(String entryId, OutboundSms sms) {}

    /** False when a message with this key was queued before. Called from the event loop. */
    Future<Boolean> enqueue(OutboundSms sms);

    List<Taken> take(String consumer, int max, Duration block) throws InterruptedException;

    /** Messages another sender took and has not finished for {@code minIdle}, now this consumer's. */
    List<Taken> reclaim(String consumer, Duration minIdle, int max);

    /** The keys among {@code keys} already sent (any state but QUEUED): one read for a whole batch. */
    default java.util.Set<String> sentAmong(List<String> keys) {
        java.util.Set<String> sent = new java.util.HashSet<>();
        states(keys).forEach((k, state) -> {
            if (!"QUEUED".equals(state)) sent.add(k);
        });
        return sent;
    }

    /** A message the SMSC accepted, waiting to be recorded. */
    record Done(Taken taken, List<String> messageIds, ReceiptIds.Format idFormat) {}

    /** Records several accepted messages at once (one pipelined round trip in Redis). */
    default void doneAll(List<Done> done) {
        for (Done d : done) done(d.taken(), d.messageIds(), d.idFormat());
    }

    /** Accepted by the SMSC with these message ids: remembered for receipts, and taken off the queue. */
    void done(Taken t, List<String> messageIds, ReceiptIds.Format idFormat);

    /** Already sent (found so before sending again): taken off the queue, its state left as it is. */
    void skip(Taken t);

    /** Not sent, on purpose (the worker opted out): {@code state} recorded, taken off the queue. */
    void withheld(Taken t, String state);

    /** Not sent this time (SMSC unavailable past the sender's patience): left for a later try. */
    void later(Taken t);

    /** Refused for good: kept in the dead letters with the reason, and taken off the queue. */
    void dead(Taken t, String reason);

    /** A delivery receipt: records the final state of the message it belongs to; false if the id is not known. */
    boolean receipt(String messageId, String state);

    /** What is known of a message: queued, sent, a receipt's state (DELIVRD, UNDELIV, ...), or dead. */
    Future<Optional<String>> state(String key);

    long deadLetters();

    /** Messages queued or unfinished (a gauge; blocking on Redis). */
    long backlog();

    /** The recorded state of each of {@code keys} that is known (one read for them all). Blocking. */
    java.util.Map<String, String> states(List<String> keys);

    @Override
    void close();
}
