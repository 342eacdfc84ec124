package id.kentongan.menu;

import java.util.Map;

/** An effect the caller must run before the engine can go on: the action's name and the session values it reads. */
public record Effect(String action, String screen, Map<String, String> values) {
    public Effect {
        values = Map.copyOf(values);
    }

    /** Keys only: the values may hold a secret. */
    @Override
    public String toString() {
        return "Effect[" + action + " at " + screen + " reads " + values.keySet() + "]";
    }
}
