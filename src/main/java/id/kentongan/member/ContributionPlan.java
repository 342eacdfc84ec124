package id.kentongan.member;

import id.kentongan.domain.Rupiah;

/**
 * The monthly JKK + JKM contribution of a BPU worker for a declared monthly income: JKK is 1% of the income
 * (rounded to the whole rupiah), JKM a fixed Rp6.800. The income must lie between Rp1.000.000 and Rp20.700.000.
 */
public record ContributionPlan(long declaredIncome) {
    public static final long MIN_INCOME = 1_000_000L;
    public static final long MAX_INCOME = 20_700_000L;
    public static final long JKM = 6_800L;

    public ContributionPlan {
        if (declaredIncome < MIN_INCOME || declaredIncome > MAX_INCOME) {
            throw new IllegalArgumentException("declared income must be between " + Rupiah.format(MIN_INCOME)
                    + " and " + Rupiah.format(MAX_INCOME) + ", was " + Rupiah.format(declaredIncome));
        }
    }

    public static boolean acceptsIncome(long income) {
        return income >= MIN_INCOME && income <= MAX_INCOME;
    }

    public long jkk() {
        return (declaredIncome + 50) / 100; // 1%, half up, whole rupiah
    }

    public long jkm() {
        return JKM;
    }

    public long monthly() {
        return jkk() + jkm();
    }

    public long forMonths(int months) {
        return Math.multiplyExact(monthly(), (long) months);
    }
}
