package id.kentongan.reminder;

import id.kentongan.member.Member;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * A payment Kentongan credits makes the reminders planned for the month paid through before it moot: they leave the
 * schedule at once, so sending needs not ask the core system about each member again (a payment made elsewhere is seen
 * by the next reading of the member list, which no longer plans them).
 */
public final class PaidAhead {
    private PaidAhead() {}

    /** {@code after}: the member as the core system answered the credit of {@code months} months. */
    public static Future<Long> unplan(TtlStore store, Member after, int months) {
        if (after.paidThrough() == null) return Future.succeededFuture(0L);
        YearMonth before = after.paidThrough().minusMonths(months);
        List<String> ids = Arrays.stream(DueEvent.values()).map(e -> Reminders.id(after.msisdn().value(), after.kpj(), before, e)).toList();
        return store.unschedule(store.keys().remindersDue(), ids);
    }
}
