package id.kentongan.sms;

import id.kentongan.member.Msisdn;
import id.kentongan.session.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Keeps each SMS in the store ({@code kt:{628…}:sms:<n>}, 7 days) for the SMPP sender to pick up; logs it masked. */
public final class OutboxSmsSender implements SmsSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSmsSender.class);
    private static final Duration KEEP = Duration.ofDays(7);

    private final TtlStore store;
    private final Clock clock;

    public OutboxSmsSender(TtlStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Future<Void> send(Msisdn to, String text) {
        return store.increment(counterKey(to)).compose(n -> store.put(messageKey(to, n),
                        new JsonObject().put("to", to.value()).put("text", text).put("at", clock.instant().toString()).encode(), KEEP))
                .onSuccess(v -> log.info("SMS to {} kept in the outbox ({} characters)", to.masked(), text.length()));
    }

    /** The {@code n}-th message kept for {@code to} (counting from 1), if still kept. */
    public Future<Optional<String>> message(Msisdn to, long n) {
        return store.get(messageKey(to, n)).map(v -> v.map(j -> new JsonObject(j).getString("text")));
    }

    public Future<Long> count(Msisdn to) {
        return store.get(counterKey(to)).map(v -> v.map(Long::parseLong).orElse(0L));
    }

    private static String counterKey(Msisdn to) {
        return "kt:{" + to.value() + "}:sms:count";
    }

    private static String messageKey(Msisdn to, long n) {
        return "kt:{" + to.value() + "}:sms:" + n;
    }
}
