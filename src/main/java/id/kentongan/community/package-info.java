/**
 * The community channel: Perisai agents ({@link id.kentongan.community.Agents}) who register workers (with the worker's
 * consent by SMS, {@link id.kentongan.community.Consents}) and collect cash; groups; referrals; solidarity notices; and
 * the participation report. Everything is kept in the session store, so it works embedded and shared over Redis.
 */
package id.kentongan.community;
