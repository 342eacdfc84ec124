/**
 * USSD dialogues between hops: {@link SessionStore} (one MGET to load, one SET to save, through the store's keyspace)
 * and the compact {@link SessionCodec}.
 * <p>May use: {@code store}, {@code menu} (its state), the base (domain layer).
 */
package id.kentongan.session;
