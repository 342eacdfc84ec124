package id.kentongan.reminder;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours no reminder or campaign SMS is sent (default 21:00–07:00 Asia/Jakarta): a message that falls in them waits
 * for the morning. Receipts and replies the worker asked for are not held.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {
    public static QuietHours standard(ZoneId zone) {
        return new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0), zone);
    }

    public boolean quiet(Instant at) {
        LocalTime t = at.atZone(zone).toLocalTime();
        if (from.equals(until)) return false; // no quiet hours
        return from.isAfter(until) ? !t.isBefore(from) || t.isBefore(until) : !t.isBefore(from) && t.isBefore(until);
    }

    /** {@code at}, or the end of the quiet hours it falls in. */
    public Instant allowed(Instant at) {
        if (!quiet(at)) return at;
        ZonedDateTime z = at.atZone(zone);
        ZonedDateTime morning = z.toLocalDate().atTime(until).atZone(zone);
        if (!morning.isAfter(z)) morning = morning.plusDays(1);
        return morning.toInstant();
    }
}
