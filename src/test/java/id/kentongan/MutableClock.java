package id.kentongan;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock a test sets by hand: scheduling and quiet hours are tested at chosen times, not at whatever now is. */
public final class MutableClock extends Clock {
    private final java.util.concurrent.atomic.AtomicReference<Instant> now;
    private final ZoneId zone;

    public MutableClock(Instant now, ZoneId zone) {
        this(new java.util.concurrent.atomic.AtomicReference<>(now), zone);
    }

    private MutableClock(java.util.concurrent.atomic.AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** At {@code localDateTime} (e.g. 2026-11-23T22:00) in Asia/Jakarta. */
    public static MutableClock wib(String localDateTime) {
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        return new MutableClock(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), wib).toInstant(), wib);
    }

    public void set(String localDateTime) {
        now.set(ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), zone).toInstant());
    }

    public void advance(java.time.Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MutableClock(now, z); // the same hands: setting one sets both
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
