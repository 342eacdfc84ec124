package id.kentongan.member;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;

import java.util.Optional;

/**
 * What a worker gives to join: who they are, how to reach them, what they do and what they declare they earn; and,
 * when a Perisai agent registered them (with their consent), which agent.
 */
public record Registration(Nik nik, String name, Msisdn msisdn, Occupation occupation, ContributionPlan plan, Optional<Msisdn> agent) {
    public Registration(Nik nik, String name, Msisdn msisdn, Occupation occupation, ContributionPlan plan) {
        this(nik, name, msisdn, occupation, plan, Optional.empty());
    }

    public Registration throughAgent(Msisdn agent) {
        return new Registration(nik, name, msisdn, occupation, plan, Optional.of(agent));
    }
}
