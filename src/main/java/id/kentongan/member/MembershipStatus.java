package id.kentongan.member;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Where a member stands today. Cover runs through the last paid month. Up to three unpaid months are arrears that
 * may still be paid (no fine); after more than three consecutive unpaid months membership ends.
 */
public record MembershipStatus(State state, YearMonth paidThrough, int monthsInArrears, long amountDue, long monthly) {
    public static final int MAX_ARREARS = 3;

    public enum State { PENDING, ACTIVE, LAPSED, ENDED }

    public static MembershipStatus of(Member m, LocalDate today) {
        long monthly = m.plan().monthly();
        YearMonth now = YearMonth.from(today);
        if (m.paidThrough() == null) {
            YearMonth joined = YearMonth.from(m.registeredOn());
            int unpaid = (int) ChronoUnit.MONTHS.between(joined, now) + 1;
            if (unpaid > MAX_ARREARS) return new MembershipStatus(State.ENDED, null, unpaid, 0, monthly);
            return new MembershipStatus(State.PENDING, null, unpaid, unpaid * monthly, monthly);
        }
        int unpaid = (int) ChronoUnit.MONTHS.between(m.paidThrough(), now);
        if (unpaid <= 0) return new MembershipStatus(State.ACTIVE, m.paidThrough(), 0, 0, monthly);
        if (unpaid > MAX_ARREARS) return new MembershipStatus(State.ENDED, m.paidThrough(), unpaid, 0, monthly);
        return new MembershipStatus(State.LAPSED, m.paidThrough(), unpaid, unpaid * monthly, monthly);
    }
}
