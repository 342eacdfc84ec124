package id.kentongan.menu;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A router condition: {@code var == value}, {@code var != value}, or {@code var} (set and not empty). */
public record Condition(String variable, Op op, String value) {
    public enum Op { EQUALS, NOT_EQUALS, PRESENT }

    private static final Pattern FORM = Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*(?:(==|!=)\\s*(\\S+)\\s*)?");

    /** Empty when {@code source} is not one of the three forms; an unparsable condition is a load error, never a default. */
    public static Optional<Condition> parse(String source) {
        if (source == null) return Optional.empty();
        Matcher m = FORM.matcher(source);
        if (!m.matches()) return Optional.empty();
        if (m.group(2) == null) return Optional.of(new Condition(m.group(1), Op.PRESENT, null));
        String v = m.group(3);
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            v = v.substring(1, v.length() - 1);
        }
        return Optional.of(new Condition(m.group(1), m.group(2).equals("==") ? Op.EQUALS : Op.NOT_EQUALS, v));
    }

    public boolean test(Map<String, String> vars) {
        String actual = vars.get(variable);
        return switch (op) {
            case PRESENT -> actual != null && !actual.isEmpty();
            case EQUALS -> value.equals(actual);
            case NOT_EQUALS -> !value.equals(actual);
        };
    }
}
