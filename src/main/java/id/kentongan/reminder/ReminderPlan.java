package id.kentongan.reminder;

import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which reminders a member is owed, and when: each event at the start of the allowed hours of its day. An event
 * whose day has passed is still owed until the next event's day (a member first seen late gets the reminder that
 * applies now, never a stale one); later events within {@link #HORIZON} are planned for their day. Members who never paid, or whose
 * membership ended, get no due-date reminders (campaigns reach them).
 */
public final class ReminderPlan {
    /** One reminder: for {@code member}, about {@code date}, sent at {@code at}, asking {@code amountDue}. */
    public record Planned(Member member, DueEvent event, Instant at, LocalDate date, long amountDue) {}

    /** How far ahead reminders are planned: the member list is read daily, so a week and a day is enough. */
    public static final java.time.Duration HORIZON = java.time.Duration.ofDays(8);

    private final QuietHours quiet;

    public ReminderPlan(QuietHours quiet) {
        this.quiet = quiet;
    }

    public List<Planned> plan(Member m, Instant now) {
        List<Planned> out = new ArrayList<>();
        YearMonth paid = m.paidThrough();
        if (paid == null) return out;
        LocalDate today = now.atZone(quiet.zone()).toLocalDate();
        if (m.status(today).state() == MembershipStatus.State.ENDED) return out;
        LocalDate coverEnd = paid.atEndOfMonth();
        LocalDate membershipEnd = paid.plusMonths(MembershipStatus.MAX_ARREARS).atEndOfMonth();
        long monthly = m.plan().monthly();
        LocalDate[] days = {coverEnd.minusDays(7), coverEnd.minusDays(1), coverEnd.plusDays(1), membershipEnd.minusDays(7), membershipEnd.plusDays(1)};
        long[] due = {monthly, monthly, monthly, MembershipStatus.MAX_ARREARS * monthly};
        DueEvent[] events = DueEvent.values();
        for (int i = 0; i < events.length; i++) {
            Instant at = start(days[i]);
            Instant closes = start(days[i + 1]);
            if (!now.isBefore(closes)) continue; // superseded by the next event
            if (!at.isBefore(now.plus(HORIZON))) break; // planned by a later reading
            LocalDate shown = events[i] == DueEvent.FINAL ? membershipEnd : events[i] == DueEvent.LAPSED ? coverEnd.plusDays(1) : coverEnd;
            out.add(new Planned(m, events[i], at.isBefore(now) ? quiet.allowed(now) : at, shown, due[i]));
        }
        return out;
    }

    private Instant start(LocalDate day) {
        return quiet.allowed(day.atStartOfDay(quiet.zone()).toInstant());
    }
}
