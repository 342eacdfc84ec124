/**
 * Membership domain of the BPJS Ketenagakerjaan "Bukan Penerima Upah" programme: phone numbers, NIK, contributions,
 * and the {@link id.kentongan.member.MembershipService} seam to the core system (a sandbox here; the HTTP client is
 * another issue). Value types are pure and validated at construction, so nothing past the edge sees a raw string.
 */
package id.kentongan.member;
