package id.kentongan.menu;

/** One thing wrong with a menu file, located precisely enough for an operator to fix it without guessing. */
public record MenuProblem(String file, int line, String screen, String message) {
    @Override
    public String toString() {
        return file + ":" + line + (screen == null ? "" : ": screen '" + screen + "'") + ": " + message;
    }
}
