/**
 * {@code kentongan loadtest}: complete USSD dialogues played concurrently against a running service (ours or an
 * operator's deployment), every screen checked, with latency percentiles and the generator's own CPU share.
 */
package id.kentongan.load;
