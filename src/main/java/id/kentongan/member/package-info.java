/**
 * Membership in the BPJS Ketenagakerjaan "Bukan Penerima Upah" programme: {@link Member}, {@link ContributionPlan},
 * {@link MembershipStatus}, and the {@link MembershipService} seam to the core system (HTTP client, or the sandbox in
 * the store).
 * <p>May use: {@code backend}, {@code store}, the base (domain layer).
 */
package id.kentongan.member;
