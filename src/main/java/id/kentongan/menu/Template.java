package id.kentongan.menu;

import id.kentongan.domain.Rupiah;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Session values in texts: {@code {name}}, or {@code {income|rp}} for a whole-rupiah amount shown as Rp1.500.000. */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)(?:\\|([a-z]+))?}");

    public record Placeholder(String variable, String filter) {}

    private Template() {}

    public static List<Placeholder> placeholders(String text) {
        List<Placeholder> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) out.add(new Placeholder(m.group(1), m.group(2)));
        return out;
    }

    public static boolean knownFilter(String filter) {
        return filter == null || filter.equals("rp");
    }

    public static String render(String text, Map<String, String> values) {
        return substitute(text, p -> {
            String v = values.getOrDefault(p.variable(), "");
            if ("rp".equals(p.filter())) {
                long amount = Rupiah.parse(v);
                return amount < 0 ? v : Rupiah.format(amount);
            }
            return v;
        });
    }

    /** The longest rendering, given each variable's longest value: what the length check must allow for. */
    public static String renderWorstCase(String text, Map<String, Integer> maxLengths) {
        return renderWorstCase(text, maxLengths, Map.of());
    }

    /** As above; a value named in {@code lines} is a list of that many lines, each at its longest. */
    public static String renderWorstCase(String text, Map<String, Integer> maxLengths, Map<String, Integer> lines) {
        return renderWorstCase(text, maxLengths, lines, java.util.Set.of());
    }

    /**
     * As above; a value named in {@code ucs2} may hold a character GSM-7 lacks, which makes the whole page UCS-2
     * (80 characters, not 182): it is filled with such a character, so the page is measured as the phone would.
     */
    public static String renderWorstCase(String text, Map<String, Integer> maxLengths, Map<String, Integer> lines,
                                         java.util.Set<String> ucs2) {
        return substitute(text, p -> {
            int n = maxLengths.getOrDefault(p.variable(), 0);
            String one = ucs2.contains(p.variable()) ? "\u0174" : "W"; // Ŵ: one UCS-2 character; W: one GSM-7 septet
            if (lines.containsKey(p.variable())) return String.join("\n", java.util.Collections.nCopies(lines.get(p.variable()), one.repeat(n)));
            // Rp + digits + a dot per three digits.
            return "rp".equals(p.filter()) ? "Rp" + "9".repeat(n) + ".".repeat(Math.max(0, (n - 1) / 3)) : one.repeat(n);
        });
    }

    private static String substitute(String text, Function<Placeholder, String> value) {
        if (text.indexOf('{') < 0) return text; // most texts have no value in them: no matcher, no copy
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(new Placeholder(m.group(1), m.group(2)))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
