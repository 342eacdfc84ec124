/**
 * Text as phones and networks count it: the GSM 03.38 alphabet, UCS-2, and their lengths; short digests. Pure.
 * <p>May use: nothing of ours (base layer).
 */
package id.kentongan.text;
