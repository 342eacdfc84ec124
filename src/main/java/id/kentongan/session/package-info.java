/**
 * Where USSD sessions live between hops: Redis through Lettuce's async API when one is configured, an expiring
 * in-memory map otherwise (embedded mode). {@link id.kentongan.session.SessionStore} owns the keys and the compact
 * encoding; the two {@link id.kentongan.session.TtlStore}s only keep strings with a time to live.
 */
package id.kentongan.session;
