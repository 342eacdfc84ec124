package id.kentongan.outbox;

import id.kentongan.domain.Msisdn;
import id.kentongan.metrics.Meters;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Queues SMS in the durable outbox that the SMPP senders drain. */
public final class OutboxSmsSender implements SmsSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSmsSender.class);
    private final SmsOutbox outbox;

    private final Meters meters;
    private final java.util.Optional<SmsHistory> history;

    public OutboxSmsSender(SmsOutbox outbox, Meters meters) {
        this(outbox, meters, java.util.Optional.empty());
    }

    /** With {@code history}: each message sent one by one is remembered for its phone (the console's look-up). */
    public OutboxSmsSender(SmsOutbox outbox, Meters meters, java.util.Optional<SmsHistory> history) {
        this.outbox = outbox;
        this.meters = meters;
        this.history = history;
    }

    @Override
    public Future<Void> send(String key, Msisdn to, String text) {
        return queue(new OutboundSms(key, to.value(), text, false), to);
    }

    @Override
    public Future<Void> sendStoppable(String key, Msisdn to, String text) {
        return queue(new OutboundSms(key, to.value(), text, true), to);
    }

    @Override
    public Future<Void> sendAll(java.util.List<OutboundSms> batch) {
        if (batch.isEmpty()) return Future.succeededFuture();
        return outbox.enqueueAll(batch).map(flags -> {
            long fresh = flags.stream().filter(f -> f).count();
            meters.sms("queued", fresh);
            log.info("{} SMS queued ({} were queued before)", fresh, batch.size() - fresh);
            return null;
        });
    }

    private Future<Void> queue(OutboundSms sms, Msisdn to) {
        String key = sms.key();
        String text = sms.text();
        return outbox.enqueue(sms).compose(fresh -> {
            log.info("SMS {} to {} {} ({} characters)", key, to.masked(), fresh ? "queued" : "was queued before", text.length());
            if (fresh) meters.sms("queued");
            // The look-up list is a convenience: a failure to note it never fails the message, which is queued.
            return fresh && history.isPresent() ? history.get().sent(to, key).recover(e -> Future.succeededFuture()) : Future.<Void>succeededFuture();
        });
    }
}
