/**
 * The edge: {@link id.kentongan.Main} (the command line), {@link id.kentongan.Kentongan} (the composition root: one
 * wiring method per capability) and the configuration, validated once at start-up. Only {@code tools} uses this
 * package; it may use every other.
 */
package id.kentongan;
