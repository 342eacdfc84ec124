package id.kentongan.menu;

import java.util.Map;

/** What an effect returned: a result to branch on and values to keep in the session. */
public record ActionOutcome(String result, Map<String, String> values) {
    public ActionOutcome {
        values = Map.copyOf(values);
    }

    public static ActionOutcome of(String result) {
        return new ActionOutcome(result, Map.of());
    }

    public static ActionOutcome error() {
        return of(ActionSpec.ERROR);
    }
}
