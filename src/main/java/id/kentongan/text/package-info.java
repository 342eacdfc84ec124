/** Text as phones and networks count it: the GSM 03.38 alphabet, UCS-2, and their lengths. Pure. */
package id.kentongan.text;
