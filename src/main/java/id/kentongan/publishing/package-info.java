/**
 * Menu versions across instances: a valid menu (from the folder or the admin API) is stored as a version and made
 * live by a pointer every instance follows; rollback moves the pointer back.
 * <p>May use: {@code menu}, {@code store} (domain layer).
 */
package id.kentongan.publishing;
