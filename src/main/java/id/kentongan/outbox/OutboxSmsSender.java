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

    public OutboxSmsSender(SmsOutbox outbox, Meters meters) {
        this.outbox = outbox;
        this.meters = meters;
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
        return outbox.enqueue(sms).map(fresh -> {
            log.info("SMS {} to {} {} ({} characters)", key, to.masked(), fresh ? "queued" : "was queued before", text.length());
            if (fresh) meters.sms("queued");
            return null;
        });
    }
}
