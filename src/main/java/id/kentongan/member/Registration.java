package id.kentongan.member;

/** What a worker gives to join: who they are, how to reach them, what they do and what they declare they earn. */
public record Registration(Nik nik, String name, Msisdn msisdn, Occupation occupation, ContributionPlan plan) {}
