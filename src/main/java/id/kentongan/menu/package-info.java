/**
 * Menus as data, and the pure state machine that walks them. A menu file (YAML under {@code menus/}) is compiled
 * by {@link id.kentongan.menu.MenuCompiler} into an immutable {@link id.kentongan.menu.Menu}, checked as a whole
 * (every error keyed by file, screen and line), and walked by {@link id.kentongan.menu.MenuEngine}: no Vert.x,
 * Redis or network here. Effects such as {@code member.register} are named, returned to the caller, and their
 * outcomes fed back, so the engine is tested with plain JUnit.
 */
package id.kentongan.menu;
