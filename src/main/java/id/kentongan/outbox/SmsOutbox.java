package id.kentongan.outbox;

import id.kentongan.smpp.ReceiptIds;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue every MT SMS goes through, and what is known of each message afterwards. Messages are queued in
 * batches: a batch becomes one {@link Entry} (one stream entry in Redis), taken, sent and finished together — taken
 * off only once every message in it is finished (accepted by the SMSC for every segment, withheld, dead, or found sent
 * before); a sender that dies leaves its entries pending, and another reclaims them and skips what was sent. Two
 * implementations: Redis Streams (sharded, one consumer group per shard, shared by all instances) and memory (embedded
 * mode). Methods other than {@link #enqueueAll} and {@link #state} block and run on sender threads.
 */
public interface SmsOutbox extends AutoCloseable {
    /** Messages queued together, taken together; {@code again} when taken before (reclaimed or put back). */
    record Entry(int shard, String id, long day, List<OutboundSms> messages, boolean again) {
        /** Unique over all shards (stream ids are unique only within one stream). */
        public String ref() {
            return shard + "/" + id;
        }
    }

    /** What became of one message of an entry. Only SENT, WITHHELD and DEAD are recorded; SKIPPED and LATER are not. */
    enum Kind { SENT, WITHHELD, DEAD, SKIPPED, LATER }

    /** One message's outcome; {@code detail} is the state (WITHHELD) or the reason (DEAD). */
    record Outcome(Entry entry, OutboundSms sms, Kind kind, String detail, List<String> messageIds, ReceiptIds.Format idFormat) {
        public static Outcome sent(Entry e, OutboundSms sms, List<String> ids, ReceiptIds.Format format) {
            return new Outcome(e, sms, Kind.SENT, "SENT", ids, format);
        }

        public static Outcome of(Entry e, OutboundSms sms, Kind kind, String detail) {
            return new Outcome(e, sms, kind, detail, List.of(), ReceiptIds.Format.AUTO);
        }
    }

    /** Queues one message; false when a message with this key was queued before. Called from any thread. */
    default Future<Boolean> enqueue(OutboundSms sms) {
        return enqueueAll(List.of(sms)).map(flags -> flags.get(0));
    }

    /** Queues a batch (a few round trips at most, whatever its size); one flag per message, false where queued before. */
    Future<List<Boolean>> enqueueAll(List<OutboundSms> batch);

    /** Entries for this consumer holding up to about {@code maxMessages}; waits up to {@code block} when there are none. */
    List<Entry> take(String consumer, int maxMessages, Duration block) throws InterruptedException;

    /** Entries another sender took and has not finished for {@code minIdle}, now this consumer's. */
    List<Entry> reclaim(String consumer, Duration minIdle, int maxEntries);

    /** The keys of an entry taken {@code again} that were sent (or otherwise finished) already: one read. */
    Set<String> finishedAmong(Entry e);

    /**
     * Records outcomes (states, the receipt ids of what was sent, dead letters) and then takes {@code finished} entries
     * off the queue — in that order, so an entry is never gone while its messages' states are not written. {@code
     * unfinished}: entries with a message left for later (SMSC unavailable): Redis reclaims them after the idle time,
     * memory puts them back.
     */
    void record(List<Outcome> outcomes, List<Entry> finished, List<Entry> unfinished);

    /** A delivery receipt: records the final state of the message it belongs to; false if the id is not known. */
    boolean receipt(String messageId, String state);

    /** What is known of a message: queued, sent, a receipt's state (DELIVRD, UNDELIV, ...), or dead. */
    Future<Optional<String>> state(String key);

    /** The recorded state of each of {@code keys} that is known (a few reads for them all). Blocking. */
    Map<String, String> states(List<String> keys);

    long deadLetters();

    /** A message that will not be delivered as it is: its key, number, text and why. */
    record DeadLetter(String id, String key, String to, String text, String reason) {}

    /** The newest dead letters, at most {@code max}. Blocking. */
    List<DeadLetter> deadList(int max);

    /**
     * Queues a dead letter again as a new message ({@code its key + ":again:" + n}: the outbox sends a key once) and
     * takes it off the dead letters; empty when there is no such dead letter. Blocking.
     */
    Optional<String> sendAgain(String id);

    /** Messages queued and not finished, over all shards (a gauge; blocking on Redis). */
    long backlog();

    @Override
    void close();
}
