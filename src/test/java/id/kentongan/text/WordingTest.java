package id.kentongan.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every SMS text the service writes, in each of its three languages, measured with its values at their longest. */
class WordingTest {
    /** The longest each value can be when the service fills it in (a month's contribution: 1% of Rp20.700.000 + Rp6.800). */
    static final Map<String, String> LONGEST = Map.ofEntries(
            Map.entry("ussd", "*567#"), Map.entry("kpj", "26000000002"), Map.entry("monthly", "Rp213.800"),
            Map.entry("amount", "Rp12.345.678"), Map.entry("total", "Rp12.345.678"), Map.entry("due", "Rp12.345.678"),
            Map.entry("owner_phone", "0812****0001"), Map.entry("worker", "0812****0001"), Map.entry("name", "Muhammadiyah"),
            Map.entry("inviter", "Muhammadiyah"), Map.entry("agent", "Ibu Muhammadiyah S."), Map.entry("nik_end", "0001"),
            Map.entry("paid_through", "12/2026"), Map.entry("arrears", "12"), Map.entry("date", "30/11/2026"),
            Map.entry("pay_code", "Permata VA 8562 0000 8792 6752"), Map.entry("code", "Permata VA 8562 0000 8792 6752"),
            Map.entry("pay_expires", "05-12-2026 23:32 WIB"), Map.entry("deadline", "05-12-2026 23:32 WITA"),
            Map.entry("months", "12"), Map.entry("group", "x".repeat(30)) /* 28 in group news, 30 in a group reminder */, Map.entry("count", "999"),
            Map.entry("day", "31"), Map.entry("month", "12"));
    /** Answers that may take two SMS: they carry a whole instruction (the keywords, a status with what to send). */
    static final Set<String> TWO_PARTS = Set.of();
    static final Wording WORDS = Wording.standard();

    @Test
    void everyTextIsThereInEveryLanguageWithTheSameValues() {
        List<String> problems = new ArrayList<>();
        for (String name : WORDS.names()) {
            Set<String> wanted = Wording.placeholders(WORDS.template(name, "id"));
            for (String language : Wording.LANGUAGES) {
                String t = WORDS.template(name, language);
                if (t == null) problems.add(name + " has no '" + language + "' text");
                else if (!Wording.placeholders(t).equals(wanted)) problems.add(name + " in " + language + " has " + Wording.placeholders(t) + ", not " + wanted);
            }
        }
        assertTrue(WORDS.names().size() > 50, "texts read: " + WORDS.names().size());
        assertEquals(List.of(), problems);
    }

    @Test
    void everySmsFitsOneMessageWithItsValuesAtTheirLongest() {
        List<String> over = new ArrayList<>();
        int longest = 0;
        for (String name : WORDS.names()) {
            if (name.startsWith("list.")) continue; // words inside a USSD screen: the menu validator measures those
            for (String language : Wording.LANGUAGES) {
                String t = WORDS.say(name, language, LONGEST);
                int septets = Gsm7.septets(t);
                assertTrue(septets >= 0, name + " in " + language + " is not GSM-7: " + t);
                int limit = TWO_PARTS.contains(name) ? 306 : 160;
                if (septets > limit) over.add(name + " in " + language + ": " + septets + " > " + limit + ": " + t);
                longest = Math.max(longest, septets);
            }
        }
        // A group's news to someone not yet covered ends with how to join: measured together (the group cut to 28).
        Map<String, String> news = new java.util.HashMap<>(LONGEST);
        news.put("group", "x".repeat(28));
        for (String kind : List.of("solidarity.jkm", "solidarity.jkk")) {
            for (String language : Wording.LANGUAGES) {
                String t = WORDS.say(kind, language, news) + WORDS.say("solidarity.invite", language, news);
                if (Gsm7.septets(t) > 160) over.add(kind + " + solidarity.invite in " + language + ": " + Gsm7.septets(t) + ": " + t);
            }
        }
        assertEquals(List.of(), over);
        assertTrue(longest > 100, "the measure measured: " + longest);
    }

    @Test
    void aLanguageWithoutTheTextFallsBackToBahasaIndonesia() {
        Wording w = Wording.parse("hello:\n  id: \"Halo {name}\"\n  en: \"Hello {name}\"\n", "test");
        assertEquals("Halo Siti", w.say("hello", "jv", "name", "Siti"));
        assertEquals("Hello Siti", w.say("hello", "en", "name", "Siti"));
        assertEquals("Halo Siti", w.say("hello", "xx", "name", "Siti"));
        assertEquals("id", Wording.known("fr"));
        assertEquals("jv", Wording.known("jv"));
    }

    @Test
    void aTranslationAskingForAValueTheIndonesianLacksIsRefusedAtStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Wording.parse("hello:\n  id: \"Halo\"\n  jv: \"Halo {name}\"\n", "test"));
        assertTrue(e.getMessage().contains("'hello' in 'jv' asks for [name]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Wording.parse("hello:\n  en: \"Hello\"\n", "test"));
        assertThrows(IllegalArgumentException.class, () -> WORDS.say("kept.code", "id", "code", "1"), "a value left out");
    }

    @Test
    void aValueIsPutInAsItIsNeverReadAsAPlaceholder() {
        assertEquals("NIK ini sudah terdaftar, nomor kartu (KPJ): {kpj}$1.", WORDS.say("consent.registered", "id", "kpj", "{kpj}$1"));
    }
}
