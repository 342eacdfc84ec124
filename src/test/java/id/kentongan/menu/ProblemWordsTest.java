package id.kentongan.menu;

import id.kentongan.actions.StandardActions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every problem the validator writes has its Bahasa Indonesia (the console shows the operator's language). */
class ProblemWordsTest {
    final MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());

    @Test
    void everyProblemOfManyBrokenMenusIsSaidInIndonesian() throws Exception {
        String bpu = Files.readString(Path.of("menus/bpu.yaml"));
        List<String> broken = List.of(
                "just a line", "serviceCode: \"567\"\nlanguages: [id]\nstart: a\nscreens: {}",
                bpu.replace("languages: [id, en, jv]", "languages: [en, id]"), bpu.replace("languages: [id, en, jv]", "languages: x"),
                bpu.replace("next: reg_check", "next: reg_chek"), bpu.replace("start: main", "start: nowhere"),
                bpu.replace("action: member.check_nik", "action: member.nothing"), bpu.replace("type: input", "type: inputt"),
                bpu.replace("      jv: \"Masukkan", "      xx: \"Masukkan").replace("      jv: \"Ketik NIK", "      xx: \"Ketik NIK"),
                bpu.replace("validate: nik", "validate: nik\n    colour: red"), bpu.replace("{kpj}", "{kpjj}"),
                bpu.replace("{monthly|rp}", "{monthly|usd}"), bpu.replace("  reg_nik:", "  Reg-Nik:"),
                bpu.replace("paginate: true", "paginate: maybe"), bpu.replace("    end: true\n    paginate: true", "    end: true"),
                bpu.replace("      registered: reg_already\n", ""), bpu.replace("  cancelled:\n", "  cancelled:\n    next: main\n"),
                bpu + "\n  orphan:\n    type: message\n    end: true\n    text: {id: \"x\", en: \"x\", jv: \"x\"}\n",
                bpu.replace("min: 1000000", "min: 10.5"), "serviceCode: \"*567#\"\n  bad: [indent",
                "x\n".repeat(6000));
        Set<String> unknown = new TreeSet<>();
        int seen = 0;
        for (String yaml : broken) {
            try {
                compiler.compile("t.yaml", yaml);
            } catch (InvalidMenuException e) {
                for (MenuProblem p : e.problems()) {
                    seen++;
                    if (!ProblemWords.knows(p.message())) unknown.add(p.message());
                }
            }
        }
        assertTrue(seen >= 20, "problems written: " + seen);
        assertEquals(Set.of(), unknown);
    }

    @Test
    void namesAndNumbersAreKeptInTheIndonesian() {
        assertEquals("menuju layar 'reg_chek', yang tidak ada", ProblemWords.indonesian("goes to screen 'reg_chek', which does not exist"));
        assertEquals("teks dalam 'jv' bisa mencapai 194 karakter GSM-7 (batas 182, dengan petunjuk ulang): pendekkan atau pasang paginate: true",
                ProblemWords.indonesian("text in 'jv' can reach 194 GSM-7 characters (limit 182, with a re-prompt hint): shorten it or set paginate: true"));
        assertEquals("teks memakai {kpjj}, yang tidak diisi layar atau aksi mana pun", ProblemWords.indonesian("text uses {kpjj}, which no screen or action sets"));
        assertEquals("(EN) something new", ProblemWords.indonesian("something new"));
    }
}
