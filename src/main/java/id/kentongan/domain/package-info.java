/**
 * Value types every package shares: {@link Msisdn} (628…, normalised once at the edge), {@link Nik}, {@link Rupiah},
 * how a person is named on a screen ({@link Names}) and masked in a log ({@link Masking}). Pure.
 * <p>May use: nothing of ours (base layer).
 */
package id.kentongan.domain;
