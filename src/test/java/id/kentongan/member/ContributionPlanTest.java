package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.domain.Rupiah;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContributionPlanTest {
    @Test
    void theMonthlyContributionIsOnePercentJkkPlusFixedJkm() {
        assertEquals(16_800, new ContributionPlan(1_000_000).monthly()); // the smallest
        assertEquals(21_800, new ContributionPlan(1_500_000).monthly());
        assertEquals(213_800, new ContributionPlan(20_700_000).monthly()); // JKK Rp207.000, the largest
        assertEquals(12_346, new ContributionPlan(1_234_567).jkk()); // 1% of 1.234.567 rounded half up
        assertEquals(201_600, new ContributionPlan(1_000_000).forMonths(12));
    }

    @Test
    void incomeOutsideTheProgrammeRangeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContributionPlan(999_999));
        assertEquals("declared income must be between Rp1.000.000 and Rp20.700.000, was Rp999.999", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ContributionPlan(20_700_001));
    }

    @Test
    void rupiahAreShownWithDotsAndParsedAsTyped() {
        assertEquals("Rp16.800", Rupiah.format(16_800));
        assertEquals("Rp0", Rupiah.format(0));
        assertEquals("Rp20.700.000", Rupiah.format(20_700_000));
        assertEquals("Rp999", Rupiah.format(999));
        assertEquals(1_500_000, Rupiah.parse("Rp1.500.000"));
        assertEquals(1_500_000, Rupiah.parse("1500000"));
        assertEquals(-1, Rupiah.parse("1,5 juta"));
        assertEquals(-1, Rupiah.parse(""));
    }

    @Test
    void statusFollowsPaymentsAndEndsAfterThreeUnpaidMonths() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        Member m = new Member("26000000001", new Nik("3302145507900001"), "SITI", new Msisdn("6281200000001"),
                Occupation.PENDERES, new ContributionPlan(1_000_000), LocalDate.of(2026, 1, 5), YearMonth.of(2026, 11));
        assertEquals(MembershipStatus.State.ACTIVE, m.status(today).state());
        MembershipStatus lapsed = withPaidThrough(m, YearMonth.of(2026, 9)).status(today);
        assertEquals(MembershipStatus.State.LAPSED, lapsed.state());
        assertEquals(2, lapsed.monthsInArrears());
        assertEquals(33_600, lapsed.amountDue());
        assertEquals(MembershipStatus.State.LAPSED, withPaidThrough(m, YearMonth.of(2026, 8)).status(today).state());
        assertEquals(MembershipStatus.State.ENDED, withPaidThrough(m, YearMonth.of(2026, 7)).status(today).state());
        MembershipStatus fresh = new Member("2", m.nik(), "SITI", m.msisdn(), Occupation.OJEK, m.plan(), today, null).status(today);
        assertEquals(MembershipStatus.State.PENDING, fresh.state());
        assertEquals(16_800, fresh.amountDue());
    }

    private static Member withPaidThrough(Member m, YearMonth paid) {
        return new Member(m.kpj(), m.nik(), m.name(), m.msisdn(), m.occupation(), m.plan(), m.registeredOn(), paid);
    }
}
