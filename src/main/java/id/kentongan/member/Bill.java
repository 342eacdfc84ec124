package id.kentongan.member;

import java.time.YearMonth;

/** Contributions due for {@code months} months, from the first unpaid month {@code from} through {@code to}. */
public record Bill(String kpj, int months, long amount, YearMonth from, YearMonth to) {
    /** The bill a core system must give: starts after the last paid month (or the month of registration). */
    public static Bill forMember(Member m, int months) {
        YearMonth from = m.paidThrough() == null ? YearMonth.from(m.registeredOn()) : m.paidThrough().plusMonths(1);
        return new Bill(m.kpj(), months, m.plan().forMonths(months), from, from.plusMonths(months - 1L));
    }
}
