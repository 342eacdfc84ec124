/**
 * Menus as data, and the pure state machine that walks them. A menu file (YAML under {@code menus/}) is compiled by
 * {@link MenuCompiler} into an immutable {@link Menu}, checked as a whole (every error keyed by file, screen and
 * line), and walked by {@link MenuEngine}. Effects such as {@code member.register} are named, returned to the caller,
 * and their outcomes fed back, so the engine is tested with plain JUnit.
 * <p>May use: {@code domain}, {@code text} only — no Vert.x, Redis or network (base layer; a directory watcher at the edge).
 */
package id.kentongan.menu;
