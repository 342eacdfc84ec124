package id.kentongan.menu;

import java.util.Map;
import java.util.Set;

/**
 * What a named effect promises: the results an action screen may branch on, and the session values it sets with
 * their longest rendered length (so the validator can check screens that show them). {@code error} is always a
 * possible result: a backend that fails or times out.
 */
public record ActionSpec(String name, Set<String> results, Map<String, Integer> outputs, Map<String, Integer> lines) {
    public static final String ERROR = "error";

    /**
     * {@code lines}: outputs that are lists, one item per line, with at most this many lines; their {@code outputs}
     * length is then that of one line (a paginated screen lays them out a line at a time).
     */
    public ActionSpec {
        results = Set.copyOf(results);
        outputs = Map.copyOf(outputs);
        lines = Map.copyOf(lines);
    }

    public ActionSpec(String name, Set<String> results, Map<String, Integer> outputs) {
        this(name, results, outputs, Map.of());
    }
}
