package id.kentongan.menu;

import id.kentongan.actions.StandardActions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MenuCompilerTest {
    private final MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());

    static String read(String path) throws Exception {
        return Files.readString(Path.of(path));
    }

    @Test
    void theWorkersMenuCompilesWithEveryScreenReachable() throws Exception {
        Menu menu = compiler.compile("bpu.yaml", read("menus/bpu.yaml"));
        assertEquals("*567#", menu.serviceCode());
        assertEquals(List.of("id", "en", "jv"), menu.languages());
        assertEquals("main", menu.start());
        assertTrue(menu.screens().size() > 20, "screens: " + menu.screens().size());
        assertEquals(12, menu.version().length());
    }

    /** Issue 16, must-show 2: every screen of both menus in Indonesian, English and Banyumasan, each fitting its page. */
    @Test
    void bothMenusHaveEveryScreenInThreeLanguagesAndEachFitsAPage() throws Exception {
        for (String file : List.of("bpu.yaml", "perisai.yaml")) {
            MenuCompiler.Measured m = compiler.measure(file, read("menus/" + file));
            assertEquals(List.of("id", "en", "jv"), m.menu().languages(), file);
            assertEquals(List.of("id", "en", "jv"), m.fits().stream().map(MenuCompiler.Fit::language).toList(), file);
            for (Screen s : m.menu().screens().values()) {
                Text t = s instanceof Screen.MenuScreen x ? x.text() : s instanceof Screen.InputScreen x ? x.text()
                        : s instanceof Screen.MessageScreen x ? x.text() : null;
                if (t != null) assertEquals(java.util.Set.of("id", "en", "jv"), t.byLanguage().keySet(), file + " " + s.id());
                if (s instanceof Screen.MenuScreen x) {
                    for (Screen.Option o : x.options()) assertEquals(java.util.Set.of("id", "en", "jv"), o.label().byLanguage().keySet(), file + " " + s.id());
                }
            }
            for (MenuCompiler.Fit f : m.fits()) {
                assertTrue(f.longest() <= f.limit() && f.pages() >= m.menu().screens().size() / 2, file + " " + f);
            }
        }
        Menu workers = compiler.compile("bpu.yaml", read("menus/bpu.yaml"));
        Screen.MenuScreen language = (Screen.MenuScreen) workers.screens().get("language");
        assertEquals(List.of("Bahasa Indonesia", "English", "Basa Banyumasan"),
                language.options().stream().map(o -> o.label().in("jv", "id")).toList());
    }

    @Test
    void theSameTextGivesTheSameVersionOnEveryInstance() throws Exception {
        String text = read("menus/bpu.yaml");
        assertEquals(compiler.compile("bpu.yaml", text).version(), compiler.compile("bpu.yaml", text).version());
        assertTrue(!compiler.compile("bpu.yaml", text).version()
                .equals(compiler.compile("bpu.yaml", text + "\n# changed\n").version()));
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblemLocatedByFileScreenAndLine() throws Exception {
        InvalidMenuException e = assertThrows(InvalidMenuException.class,
                () -> compiler.compile("broken.yaml", read("src/test/resources/menus/broken.yaml")));
        List<String> problems = e.problems().stream().map(MenuProblem::toString).toList();
        assertEquals(List.of(
                "broken.yaml:12: screen 'main': 'label' is missing its 'en' translation",
                "broken.yaml:18: screen 'status': unknown action 'member.statuz' (known: agent.cash_quote, agent.cash_record, agent.due_list, agent.identify, agent.login, agent.register_for, "
                        + "agent.set_pin, agent.summary, contribution.quote, coordinator.due, coordinator.identify, coordinator.members, coordinator.remind, member.check_nik, member.check_phone, "
                        + "member.register, member.status, payment.create, payment.quote, referral.invite)",
                "broken.yaml:29: screen 'orphan': unknown validator 'nikk' (known: nik, name, date, amount, choice, phone, pin, months)"
        ), problems, "parse errors come first; the whole-journey checks run once the file parses");
    }

    @Test
    void aFileThatParsesIsCheckedAsAWholeJourney() throws Exception {
        String text = read("src/test/resources/menus/broken.yaml")
                .replace("- label: {id: \"Status\"}", "- label: {id: \"Status\", en: \"Status\"}")
                .replace("validate: nikk", "validate: nik")
                .replace("member.statuz", "member.check_nik")
                .replace("on: {active: main}", "on: {available: main, limit: main, registered_other: main}");
        InvalidMenuException e = assertThrows(InvalidMenuException.class, () -> compiler.compile("broken.yaml", text));
        List<String> problems = e.problems().stream().map(MenuProblem::toString).toList();
        assertEquals(List.of(
                "broken.yaml:11: screen 'main': goes to screen 'reg_nikk', which does not exist",
                "broken.yaml:16: screen 'status': result 'registered' of 'member.check_nik' goes nowhere",
                "broken.yaml:24: screen 'help': text uses {nama}, which no screen or action sets"
        ), problems, "a broken link is reported, not the screens it leaves unreachable");
        InvalidMenuException linked = assertThrows(InvalidMenuException.class,
                () -> compiler.compile("broken.yaml", text.replace("next: reg_nikk", "next: help")));
        assertEquals(List.of(
                "broken.yaml:16: screen 'status': result 'registered' of 'member.check_nik' goes nowhere",
                "broken.yaml:24: screen 'help': text uses {nama}, which no screen or action sets",
                "broken.yaml:26: screen 'orphan': cannot be reached from the start screen 'main'"
        ), linked.problems().stream().map(MenuProblem::toString).toList());
    }

    @Test
    void aPageThatCanOverflowIsRefusedWithItsWorstCaseLength() throws Exception {
        String text = read("src/test/resources/menus/broken.yaml")
                .replace("- label: {id: \"Status\"}", "- label: {id: \"Status\", en: \"Status\"}")
                .replace("validate: nikk", "validate: nik")
                .replace("next: reg_nikk", "next: orphan")
                .replace("member.statuz", "member.check_nik")
                .replace("on: {active: main}", "on: {available: main, registered: help, registered_other: help, limit: help}")
                .replace("Help {nama}", "Help");
        InvalidMenuException e = assertThrows(InvalidMenuException.class, () -> compiler.compile("broken.yaml", text));
        assertEquals(1, e.problems().size(), e.getMessage());
        MenuProblem p = e.problems().get(0);
        assertEquals("help", p.screen());
        assertEquals(20, p.line());
        assertTrue(p.message().startsWith("text in 'id' can reach 192 GSM-7 characters (limit 182)"), p.message());
        // The same text with paginate: true is laid out on pages and accepted.
        Menu ok = compiler.compile("ok.yaml", text.replace("end: true\n", "end: true\n    paginate: true\n"));
        assertEquals("main", ok.start());
    }

    @Test
    void wrongFieldsAndShapesAreNamed() {
        String yaml = """
                serviceCode: "567"
                languages: [en, id]
                start: main
                screens:
                  main:
                    type: menu
                    txt: {id: a, en: b}
                    options:
                      - label: {id: a, en: b}
                        next: main
                  odd:
                    type: slider
                """;
        InvalidMenuException e = assertThrows(InvalidMenuException.class, () -> compiler.compile("x.yaml", yaml));
        List<String> problems = e.problems().stream().map(MenuProblem::toString).toList();
        assertEquals(List.of(
                "x.yaml:1: serviceCode must look like *567#, was '567'",
                "x.yaml:2: the first language must be 'id' (Bahasa Indonesia), was 'en'",
                "x.yaml:6: screen 'main': 'text' is missing",
                "x.yaml:7: screen 'main': unknown field 'txt' (expected one of [options, paginate, text, type])",
                "x.yaml:12: screen 'odd': unknown screen type 'slider' (known: [action, input, menu, message, router])"
        ), problems);
    }

    @Test
    void notYamlAtAllIsRefusedWithTheLine() {
        InvalidMenuException e = assertThrows(InvalidMenuException.class,
                () -> compiler.compile("x.yaml", "serviceCode: \"*567#\"\nscreens: [unclosed\n"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).toString().startsWith("x.yaml:3: not valid YAML"), e.problems().toString());
    }

    @Test
    void aPageShowingAValueThatMayNotBeGsm7IsMeasuredAsUcs2() throws Exception {
        // Issue 14, finding 6: the validator measured every page with GSM-7 fillers, so a value holding a character
        // GSM-7 lacks could turn a 120-character page into a UCS-2 one, where a page holds 80.
        String yaml = """
                serviceCode: "*569#"
                name: t
                languages: [id]
                start: pick
                screens:
                  pick:
                    type: menu
                    text: {id: "Pasar:"}
                    options:
                      - label: {id: "Wage"}
                        next: shown
                        set: {market: "Pasar \u0174age"}
                      - label: {id: "Pon"}
                        next: shown
                        set: {market: "Pasar Pon"}
                  shown:
                    type: message
                    end: true
                    text: {id: "Terima kasih. Agen Perisai di {market} akan menghubungi Anda minggu ini untuk pendaftaran JKK+JKM."}
                """;
        InvalidMenuException e = assertThrows(InvalidMenuException.class, () -> compiler.compile("t.yaml", yaml));
        assertTrue(e.getMessage().contains("UCS-2 characters (limit 80)"), e.getMessage());
        compiler.compile("t.yaml", yaml.replace("Pasar \u0174age", "Pasar Wage")); // all GSM-7: 104 of 182, fine
    }
}
