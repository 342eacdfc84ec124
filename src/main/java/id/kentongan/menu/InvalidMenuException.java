package id.kentongan.menu;

import java.util.List;
import java.util.stream.Collectors;

/** A menu file that must not go live, with every problem found in it (not just the first). */
public final class InvalidMenuException extends Exception {
    private final List<MenuProblem> problems;

    public InvalidMenuException(List<MenuProblem> problems) {
        super(problems.size() + " problem(s):\n" + problems.stream().map(MenuProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MenuProblem> problems() {
        return problems;
    }
}
