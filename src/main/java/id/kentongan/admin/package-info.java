/**
 * The operators' side: bearer tokens by SHA-256 with roles and an audit log ({@link AdminAccess}), every admin
 * route (campaigns, agents and groups, menus, counters) and the console, mounted by {@link Admin}.
 * <p>May use: anything but {@code tools} (edge).
 */
package id.kentongan.admin;
