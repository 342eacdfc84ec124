package id.kentongan.member;

import id.kentongan.domain.Masking;
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

    /**
     * The KPJ rule (README, "Security and privacy"): a member's KPJ is told only to the number they registered with;
     * anyone else who names their NIK learns {@link #maskedNumber()} instead.
     */
    public boolean kpjMayBeToldTo(Msisdn asking) {
        return msisdn.equals(asking);
    }

    /** "0812****001": enough for the owner to recognise, nothing a stranger can use. */
    public String maskedNumber() {
        return Masking.msisdnLocal(msisdn.value());
    }

    public MembershipStatus status(LocalDate today) {
        return MembershipStatus.of(this, today);
    }

    @Override
    public String toString() {
        return "Member[kpj=" + kpj + ", nik=" + nik + ", msisdn=" + msisdn + "]";
    }
}
