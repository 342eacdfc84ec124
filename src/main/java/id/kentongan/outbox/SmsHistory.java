package id.kentongan.outbox;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The keys of the last messages sent one by one to a phone (answers, receipts, codes, consent, invitations, group
 * news), so an operator can see what a worker was sent and what became of it: the newest {@link #KEPT} per phone, for
 * {@link #FOR}. Messages sent in bulk (reminders, campaigns, group reminders) are found from their own records
 * instead (their keys follow from the member, the campaign, the group), so a million-number campaign costs nothing here.
 */
public final class SmsHistory {
    public static final int KEPT = 30;
    public static final Duration FOR = Duration.ofDays(60);

    private final TtlStore store;
    private final Clock clock;

    public SmsHistory(TtlStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Future<Void> sent(Msisdn to, String key) {
        return store.keepNewest(store.keys().smsOf(to), key, clock.millis(), KEPT, FOR);
    }

    /** The keys kept for {@code phone}, newest first. */
    public Future<List<String>> keysOf(Msisdn phone) {
        return store.newest(store.keys().smsOf(phone));
    }
}
