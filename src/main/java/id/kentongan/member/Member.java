package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A BPU participant in JKK + JKM. {@code kpj} is the membership card number; {@code paidThrough} the last month
 * covered by contributions, null until the first payment.
 */
public record Member(String kpj, Nik nik, String name, Msisdn msisdn, Occupation occupation, ContributionPlan plan,
                     LocalDate registeredOn, YearMonth paidThrough) {

    public MembershipStatus status(LocalDate today) {
        return MembershipStatus.of(this, today);
    }

    @Override
    public String toString() {
        return "Member[kpj=" + kpj + ", nik=" + nik + ", msisdn=" + msisdn + "]";
    }
}
