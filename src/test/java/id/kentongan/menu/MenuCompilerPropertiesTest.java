package id.kentongan.menu;

import id.kentongan.actions.StandardActions;
import id.kentongan.text.Gsm7;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, fuzzing: the menu compiler on thousands of generated and mutated YAML files (an operator's typo, a
 * paste gone wrong, a hostile upload): a menu, or InvalidMenuException with its problems, never another exception.
 * And what the compiler accepts keeps its promise: any walk through the real menus, with any inputs and any action
 * results, shows only pages that fit one USSD page.
 */
class MenuCompilerPropertiesTest {
    static final MenuCompiler COMPILER = new MenuCompiler(StandardActions.catalog());
    static final List<String> FILES = List.of(read("menus/bpu.yaml"), read("menus/perisai.yaml"));
    static final List<String> TOKENS = List.of("next: main", "type: router", "type: action", "type: input", "type: menu", "type: message",
            "end: true", "secret: true", "paginate: true", "resumeAfter: main", "validate: nik", "validate: nope", "store: pin",
            "{", "}", "[", "]", ":", "- ", "&a", "*a", "<<: *a", "!!binary AAAA", "!!javax.script.ScriptEngineManager []", "\t",
            "text: {id: \"{name|rp}\"}", "text: {id: \"" + "x".repeat(300) + "\"}", "on: {ok: main}", "routes: [{when: \"x == \", next: a}]",
            "languages: [en, id]", "start: nowhere", "serviceCode: 567", "'", "\"", "#", "?", "%", "\u0000", "🙏", "~", "null", "123");

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Mutation(int kind, int line, int other, String token) {}

    @Provide
    Arbitrary<String> yaml() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 400), Arbitraries.of(TOKENS)).as(Mutation::new);
        Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(FILES), mutation.list().ofMinSize(1).ofMaxSize(6)).as((text, ms) -> {
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            for (Mutation m : ms) {
                int i = m.line() % lines.size();
                int j = m.other() % lines.size();
                switch (m.kind()) {
                    case 0 -> lines.remove(i);
                    case 1 -> lines.add(i, lines.get(j));
                    case 2 -> lines.set(i, lines.get(i) + " " + m.token());
                    case 3 -> lines.set(i, lines.get(i).replaceFirst("\\S+", m.token()));
                    case 4 -> lines.add(i, "  ".repeat(m.other() % 4) + m.token());
                    default -> {
                        String a = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, a);
                    }
                }
                if (lines.isEmpty()) lines.add("");
            }
            return String.join("\n", lines);
        });
        Arbitrary<String> small = Arbitraries.of(TOKENS).list().ofMaxSize(30).map(l -> String.join("\n", l));
        return Arbitraries.frequencyOf(Tuple.of(5, mutated), Tuple.of(1, small), Tuple.of(1, Arbitraries.strings().ofMaxLength(300)));
    }

    @Property(tries = 2000)
    void anyYamlIsAMenuOrItsProblems(@ForAll("yaml") String yaml) {
        try {
            assertNotNull(COMPILER.compile("fuzz.yaml", yaml));
        } catch (InvalidMenuException e) {
            assertTrue(!e.problems().isEmpty(), "a refusal names its problems");
        }
    }

    @Provide
    Arbitrary<List<String>> inputs() {
        Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.of("1", "2", "3", "4", "5", "6", "0", "00", "99", "", "3302145507900002",
                        "081234567890", "Siti Aminah", "Ŝiti Ŵulandari Ĥartoyo Ŝantoso Wibowo", "1500000", "12", "481516", "x".repeat(170)),
                Arbitraries.strings().ofMaxLength(40));
        return one.list().ofMaxSize(14);
    }

    @Property(tries = 1500)
    void everyPageOfAnyWalkFitsOnePage(@ForAll("inputs") List<String> inputs, @ForAll boolean agents, @ForAll long seed) throws Exception {
        Menu menu = COMPILER.compile(agents ? "perisai.yaml" : "bpu.yaml", FILES.get(agents ? 1 : 0));
        MenuEngine engine = new MenuEngine();
        java.util.Random random = new java.util.Random(seed);
        Step step = settle(engine, menu, engine.start(menu, random.nextBoolean() ? "id" : "en"), random);
        for (String input : inputs) {
            assertTrue(Gsm7.fitsOnePage(step.reply().text()), "does not fit: " + step.reply().text());
            if (step.reply().end()) return;
            step = settle(engine, menu, engine.step(menu, step.state(), input), random);
        }
        assertTrue(Gsm7.fitsOnePage(step.reply().text()), "does not fit: " + step.reply().text());
    }

    /** Answers the effects a step asks for with any result the action may give, and values at their longest. */
    static Step settle(MenuEngine engine, Menu menu, Step s, java.util.Random random) {
        for (int i = 0; i < 10 && s.needsEffect(); i++) {
            ActionSpec spec = StandardActions.catalog().get(s.effect().action());
            List<String> results = new ArrayList<>(spec.results());
            results.add(ActionSpec.ERROR);
            java.util.Collections.sort(results);
            Map<String, String> values = new HashMap<>();
            spec.outputs().forEach((k, n) -> {
                int lines = spec.lines().getOrDefault(k, 1);
                values.put(k, String.join("\n", java.util.Collections.nCopies(lines, "9".repeat(n))));
            });
            s = engine.afterEffect(menu, s.state(), new ActionOutcome(results.get(random.nextInt(results.size())), values));
        }
        return s;
    }
}
