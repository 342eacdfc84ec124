package id.kentongan.campaign;

import id.kentongan.smpp.SmsSegments;
import id.kentongan.text.Gsm7;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A campaign's words with the member's fields in braces: {@code {name}} (first name), {@code {kpj}},
 * {@code {paidThrough}} (MM/YYYY or "-"), {@code {amountDue}} (Rp…), {@code {ussd}}. Checked before anything is sent:
 * unknown fields, stray braces, an empty text, and a text longer than {@link #MAX_SEGMENTS} SMS even with the longest
 * values are refused with the reason.
 */
public final class CampaignTemplate {
    public static final int MAX_SEGMENTS = 3;
    public static final Set<String> FIELDS = Set.of("name", "kpj", "paidThrough", "amountDue", "ussd");
    /** Fields a list of bare numbers can fill: such targets may not be members yet. */
    public static final Set<String> FIELDS_WITHOUT_MEMBER = Set.of("ussd");
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)}");
    /** The longest each field can be, for the length check. */
    private static final Map<String, String> LONGEST = Map.of("name", "Muhammadiyahs", "kpj", "26000000001", "paidThrough", "12/2026",
            "amountDue", "Rp1.234.567", "ussd", "*567*99#");

    private final String text;
    private final Set<String> used;

    private CampaignTemplate(String text, Set<String> used) {
        this.text = text;
        this.used = used;
    }

    /** The template, or {@link IllegalArgumentException} saying what is wrong with it. */
    public static CampaignTemplate parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the text is empty");
        Set<String> used = new LinkedHashSet<>();
        Matcher m = FIELD.matcher(text);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown field {" + m.group(1) + "}; fields are " + new java.util.TreeSet<>(FIELDS));
            }
            used.add(m.group(1));
        }
        String rest = FIELD.matcher(text).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a brace that is not a field: write fields as {name}");
        }
        CampaignTemplate t = new CampaignTemplate(text, used);
        int worst = SmsSegments.count(t.render(LONGEST));
        if (worst > MAX_SEGMENTS) {
            throw new IllegalArgumentException("too long: " + worst + " SMS with the longest values (at most " + MAX_SEGMENTS + ")");
        }
        return t;
    }

    public String text() {
        return text;
    }

    public Set<String> fields() {
        return used;
    }

    public String render(Map<String, String> values) {
        Matcher m = FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        m.appendTail(out);
        return out.toString();
    }

    /** What one message will look like: the text, its length, SMS count and encoding. */
    public record Preview(String text, int characters, int segments, String encoding, int worstCaseSegments, List<String> fields) {}

    public Preview preview(Map<String, String> sample) {
        String r = render(sample);
        boolean gsm = Gsm7.septets(r) >= 0;
        return new Preview(r, gsm ? Gsm7.septets(r) : r.length(), SmsSegments.count(r), gsm ? "GSM-7" : "UCS-2",
                SmsSegments.count(render(LONGEST)), new ArrayList<>(used));
    }
}
