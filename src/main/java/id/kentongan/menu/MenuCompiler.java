package id.kentongan.menu;

import id.kentongan.text.Digest;
import id.kentongan.text.Gsm7;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a menu file into a {@link Menu}, or refuses it with every problem found: YAML shape, unknown screen
 * targets, unreachable screens, unknown actions, validators and template values, missing translations, and any
 * page that would not fit one USSD page with each value at its longest. Reads text, not files.
 */
public final class MenuCompiler {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> TYPES = Set.of("menu", "input", "action", "message", "router");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "menu", Set.of("type", "text", "options", "paginate"),
            "input", Set.of("type", "text", "validate", "store", "next", "error", "min", "max", "choices", "secret"),
            "action", Set.of("type", "action", "on"),
            "message", Set.of("type", "text", "end", "next", "paginate"),
            "router", Set.of("type", "routes", "otherwise"));
    /** Values every session has without a screen setting them. */
    static final Map<String, Integer> BUILT_IN_VALUES = Map.of("msisdn", 13);

    private final Map<String, ActionSpec> actions;

    public MenuCompiler(Map<String, ActionSpec> actions) {
        this.actions = Map.copyOf(actions);
    }

    public Menu compile(String file, String yaml) throws InvalidMenuException {
        return measure(file, yaml).menu();
    }

    /** How full a language's pages can get: how many were measured, the longest (values at their longest) and where. */
    public record Fit(String language, int pages, int longest, int limit, String screen) {}

    /** A menu that compiled, with how its pages fit, language by language. */
    public record Measured(Menu menu, List<Fit> fits) {}

    /** {@link #compile}, also saying how full each language's pages can get (the validate command prints it). */
    public Measured measure(String file, String yaml) throws InvalidMenuException {
        Parse p = new Parse(file);
        Menu menu = p.menu(yaml);
        Check check = menu != null && p.problems.isEmpty() ? new Check(menu, p) : null;
        if (check != null) check.run();
        if (!p.problems.isEmpty()) {
            p.problems.sort(java.util.Comparator.comparingInt(MenuProblem::line)); // stable: same line keeps its order
            throw new InvalidMenuException(p.problems);
        }
        return new Measured(menu, List.copyOf(check.fits.values()));
    }

    /** A menu file's size caps: our menus are ~300 lines, 15 KB; these leave room and bound every admin call's work. */
    public static final int MAX_LINES = 5_000;
    public static final int MAX_BYTES = 256 * 1024;

    /** Null when {@code text} is within the caps, else why not (an admin call answers it with 413). */
    public static String tooBig(String text) {
        if (text.length() > MAX_BYTES || text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "a menu file is at most " + MAX_BYTES / 1024 + " KiB";
        }
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        return lines > MAX_LINES ? "a menu file is at most " + MAX_LINES + " lines, this has " + lines : null;
    }

    /** YAML to model, keeping line numbers. */
    private final class Parse {
        final String file;
        final List<MenuProblem> problems = new ArrayList<>();
        List<String> languages = List.of("id");
        String screen; // the screen being read, for messages
        /** Line of each screen's link fields ({@code next}, {@code otherwise}, {@code on.<result>}), for precise errors. */
        final Map<String, Integer> linkLines = new HashMap<>();

        Parse(String file) {
            this.file = file;
        }

        void problem(Node at, String message) {
            problems.add(new MenuProblem(file, at == null ? 1 : line(at), screen, message));
        }

        Menu menu(String yaml) {
            String big = tooBig(yaml);
            if (big != null) {
                problems.add(new MenuProblem(file, 1, null, big));
                return null;
            }
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                options.setMaxAliasesForCollections(10);
                root = new Yaml(options).compose(new StringReader(yaml));
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
                problems.add(new MenuProblem(file, line, null, "not valid YAML: " + e.getProblem()));
                return null;
            } catch (YAMLException e) {
                problems.add(new MenuProblem(file, 1, null, "not valid YAML: " + e.getMessage()));
                return null;
            } catch (RuntimeException e) {
                // The YAML library failing on its own (the property test found SnakeYAML 2.2's reader running past its
                // buffer, IndexOutOfBoundsException, on a mutated menu): refused with the reason, never a 500.
                problems.add(new MenuProblem(file, 1, null, "not valid YAML: the YAML reader failed (" + e.getClass().getSimpleName() + ")"));
                return null;
            }
            if (!(root instanceof MappingNode)) {
                problem(root, "a menu file is a mapping with serviceCode, languages, start and screens");
                return null;
            }
            Map<String, Node> top = mapping(root);
            unknownKeys(top, Set.of("serviceCode", "name", "languages", "start", "screens", "resumeAfter"));
            String serviceCode = requiredScalar(root, top, "serviceCode");
            if (serviceCode != null && !serviceCode.matches("\\*[0-9*]+#")) {
                problem(top.get("serviceCode"), "serviceCode must look like *567#, was '" + serviceCode + "'");
            }
            String name = top.containsKey("name") ? scalar(top.get("name")) : file.replaceFirst("\\.ya?ml$", "");
            Node langs = top.get("languages");
            if (!(langs instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                problem(langs == null ? root : langs, "languages must be a list such as [id, en], Bahasa Indonesia first");
            } else {
                List<String> l = new ArrayList<>();
                for (Node n : seq.getValue()) l.add(scalar(n));
                if (!"id".equals(l.get(0))) problem(langs, "the first language must be 'id' (Bahasa Indonesia), was '" + l.get(0) + "'");
                languages = List.copyOf(l);
            }
            String start = requiredScalar(root, top, "start");
            Node screensNode = top.get("screens");
            Map<String, Screen> screens = new LinkedHashMap<>();
            if (!(screensNode instanceof MappingNode)) {
                problem(screensNode == null ? root : screensNode, "screens must be a mapping of screen id to screen");
            } else {
                for (NodeTuple t : ((MappingNode) screensNode).getValue()) {
                    screen = scalar(t.getKeyNode());
                    if (screen == null) continue;
                    if (!NAME.matcher(screen).matches()) problem(t.getKeyNode(), "screen ids are lower_snake_case");
                    if (screens.containsKey(screen)) problem(t.getKeyNode(), "a second screen with this id");
                    Screen s = screen(screen, line(t.getKeyNode()), t.getValueNode());
                    if (s != null) screens.put(s.id(), s);
                    screen = null;
                }
            }
            if (start != null && !screens.isEmpty() && !screens.containsKey(start)) {
                problem(top.get("start"), "start screen '" + start + "' does not exist");
            }
            String resumeAfter = top.containsKey("resumeAfter") ? scalar(top.get("resumeAfter")) : null;
            if (resumeAfter != null && !screens.isEmpty()) {
                Screen r = screens.get(resumeAfter);
                if (r == null) problem(top.get("resumeAfter"), "resumeAfter screen '" + resumeAfter + "' does not exist");
                else if (r instanceof Screen.ActionScreen || r instanceof Screen.RouterScreen) {
                    problem(top.get("resumeAfter"), "resumeAfter must be a screen the worker sees, not an " + r.kind());
                }
            }
            return new Menu(name, file, serviceCode, Digest.sha256Hex(yaml, 6), languages, start, screens, resumeAfter);
        }

        Screen screen(String id, int line, Node node) {
            if (!(node instanceof MappingNode)) {
                problem(node, "a screen is a mapping with a type");
                return null;
            }
            Map<String, Node> f = mapping(node);
            String type = requiredScalar(node, f, "type");
            if (type == null) return null;
            if (!TYPES.contains(type)) {
                problem(f.get("type"), "unknown screen type '" + type + "' (known: " + new TreeSet<>(TYPES) + ")");
                return null;
            }
            unknownKeys(f, FIELDS.get(type));
            for (String link : List.of("next", "otherwise")) {
                if (f.containsKey(link)) linkLines.put(id + "|" + scalar(f.get(link)), line(f.get(link)));
            }
            if (f.get("on") instanceof MappingNode om) {
                for (NodeTuple t : om.getValue()) linkLines.putIfAbsent(id + "|" + scalar(t.getValueNode()), line(t.getValueNode()));
            }
            switch (type) {
                case "menu": {
                    List<Screen.Option> options = new ArrayList<>();
                    Node opts = f.get("options");
                    if (!(opts instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
                        problem(opts == null ? node : opts, "a menu needs a list of options");
                    } else {
                        for (Node o : seq.getValue()) {
                            if (!(o instanceof MappingNode)) {
                                problem(o, "an option is a mapping with label and next");
                                continue;
                            }
                            Map<String, Node> of = mapping(o);
                            unknownKeys(of, Set.of("label", "next", "set"));
                            Map<String, String> set = new LinkedHashMap<>();
                            if (of.get("set") instanceof MappingNode sm) {
                                mapping(sm).forEach((k, v) -> {
                                    if (!NAME.matcher(k).matches()) problem(v, "value names are lower_snake_case, was '" + k + "'");
                                    set.put(k, scalar(v));
                                });
                            } else if (of.containsKey("set")) {
                                problem(of.get("set"), "set is a mapping of value name to value");
                            }
                            options.add(new Screen.Option(text(o, of, "label"), requiredScalar(o, of, "next"), set,
                                    line(of.getOrDefault("next", o))));
                        }
                    }
                    return new Screen.MenuScreen(id, line, text(node, f, "text"), options, bool(f, "paginate"));
                }
                case "input": {
                    String ruleName = requiredScalar(node, f, "validate");
                    InputRule rule = ruleName == null ? null : InputRule.named(ruleName);
                    if (ruleName != null && rule == null) {
                        problem(f.get("validate"), "unknown validator '" + ruleName + "' (known: "
                                + java.util.Arrays.stream(InputRule.values()).map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                                .collect(java.util.stream.Collectors.joining(", ")) + ")");
                    }
                    Map<String, String> params = new HashMap<>();
                    for (String k : List.of("min", "max")) {
                        if (!f.containsKey(k)) continue;
                        String v = scalar(f.get(k));
                        if (rule != InputRule.AMOUNT) problem(f.get(k), k + " applies to the amount validator only");
                        else if (v == null || !v.matches("\\d{1,12}")) problem(f.get(k), k + " must be a whole rupiah amount");
                        else params.put(k, v);
                    }
                    if (f.get("choices") instanceof MappingNode cm) {
                        mapping(cm).forEach((k, v) -> params.put("choice." + k, scalar(v)));
                    } else if (f.containsKey("choices")) {
                        problem(f.get("choices"), "choices is a mapping of what the worker types to the value stored");
                    }
                    if (rule == InputRule.CHOICE && params.keySet().stream().noneMatch(k -> k.startsWith("choice."))) {
                        problem(node, "the choice validator needs choices");
                    }
                    String store = requiredScalar(node, f, "store");
                    if (store != null && !NAME.matcher(store).matches()) problem(f.get("store"), "value names are lower_snake_case");
                    Text error = f.containsKey("error") ? text(node, f, "error") : null;
                    return new Screen.InputScreen(id, line, text(node, f, "text"), rule, store, requiredScalar(node, f, "next"),
                            error, params, bool(f, "secret"));
                }
                case "action": {
                    String action = requiredScalar(node, f, "action");
                    if (action != null && !actions.containsKey(action)) {
                        problem(f.get("action"), "unknown action '" + action + "' (known: " + String.join(", ", new TreeSet<>(actions.keySet())) + ")");
                    }
                    Map<String, String> on = new LinkedHashMap<>();
                    if (f.get("on") instanceof MappingNode om) {
                        mapping(om).forEach((k, v) -> on.put(k, scalar(v)));
                    } else {
                        problem(f.getOrDefault("on", node), "an action needs 'on': a mapping of result to next screen");
                    }
                    return new Screen.ActionScreen(id, line, action, on);
                }
                case "message": {
                    boolean end = bool(f, "end");
                    String next = f.containsKey("next") ? scalar(f.get("next")) : null;
                    if (!end && next == null) problem(node, "a message needs end: true or a next screen");
                    if (end && next != null) problem(f.get("next"), "an end message has no next screen");
                    return new Screen.MessageScreen(id, line, text(node, f, "text"), end, next, bool(f, "paginate"));
                }
                default: { // router
                    List<Screen.Route> routes = new ArrayList<>();
                    if (f.get("routes") instanceof SequenceNode rs) {
                        for (Node r : rs.getValue()) {
                            Map<String, Node> rf = r instanceof MappingNode ? mapping(r) : Map.of();
                            String when = requiredScalar(r, rf, "when");
                            Condition c = when == null ? null : Condition.parse(when).orElse(null);
                            if (when != null && c == null) {
                                problem(rf.get("when"), "condition '" + when + "' is not 'value', 'value == x' or 'value != x'");
                            }
                            routes.add(new Screen.Route(c, requiredScalar(r, rf, "next"), line(r)));
                        }
                    } else {
                        problem(f.getOrDefault("routes", node), "a router needs a list of routes");
                    }
                    return new Screen.RouterScreen(id, line, routes, requiredScalar(node, f, "otherwise"));
                }
            }
        }

        Text text(Node owner, Map<String, Node> fields, String key) {
            Node n = fields.get(key);
            if (n == null) {
                problem(owner, "'" + key + "' is missing");
                return new Text(Map.of(), line(owner));
            }
            if (!(n instanceof MappingNode)) {
                problem(n, "'" + key + "' needs a text per language, e.g. {id: ..., en: ...}");
                return new Text(Map.of(), line(n));
            }
            Map<String, String> t = new LinkedHashMap<>();
            mapping(n).forEach((lang, v) -> {
                if (!languages.contains(lang)) problem(v, "'" + key + "' has a text in '" + lang + "', not one of " + languages);
                t.put(lang, scalar(v));
            });
            for (String lang : languages) {
                if (t.get(lang) == null || t.get(lang).isBlank()) problem(n, "'" + key + "' is missing its '" + lang + "' translation");
            }
            t.values().removeIf(java.util.Objects::isNull);
            return new Text(t, line(n));
        }

        boolean bool(Map<String, Node> f, String key) {
            Node n = f.get(key);
            if (n == null) return false;
            String v = scalar(n);
            if (!"true".equals(v) && !"false".equals(v)) problem(n, key + " must be true or false");
            return "true".equals(v);
        }

        String requiredScalar(Node owner, Map<String, Node> fields, String key) {
            Node n = fields.get(key);
            if (n == null) {
                problem(owner, "'" + key + "' is missing");
                return null;
            }
            String v = scalar(n);
            if (v == null || v.isBlank()) problem(n, "'" + key + "' must be a single value");
            return v;
        }

        String scalar(Node n) {
            return n instanceof ScalarNode s ? s.getValue() : null;
        }

        void unknownKeys(Map<String, Node> fields, Set<String> known) {
            for (Map.Entry<String, Node> e : fields.entrySet()) {
                if (!known.contains(e.getKey())) {
                    problem(e.getValue(), "unknown field '" + e.getKey() + "' (expected one of " + new TreeSet<>(known) + ")");
                }
            }
        }

        Map<String, Node> mapping(Node node) {
            Map<String, Node> m = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) node).getValue()) {
                String key = scalar(t.getKeyNode());
                if (key == null) problem(t.getKeyNode(), "keys must be plain values");
                else m.put(key, t.getValueNode());
            }
            return m;
        }
    }

    /** Whole-journey checks on a menu that parsed. */
    private final class Check {
        final Menu menu;
        final Parse p;

        Check(Menu menu, Parse p) {
            this.menu = menu;
            this.p = p;
        }

        void problem(Screen s, int line, String message) {
            p.problems.add(new MenuProblem(p.file, line, s.id(), message));
        }

        void run() {
            Map<String, Integer> maxLengths = new HashMap<>(BUILT_IN_VALUES);
            boolean dangling = false;
            for (Screen s : menu.screens().values()) {
                for (Target t : targets(s)) {
                    if (menu.screen(t.screen()) == null) {
                        dangling = true;
                        problem(s, t.line(), "goes to screen '" + t.screen() + "', which does not exist");
                    }
                }
                if (s instanceof Screen.ActionScreen a && a.action() != null) {
                    ActionSpec spec = actions.get(a.action());
                    if (spec != null) {
                        for (String result : a.on().keySet()) {
                            if (!spec.results().contains(result) && !ActionSpec.ERROR.equals(result)) {
                                problem(s, a.line(), "action '" + a.action() + "' has no result '" + result + "' (it has " + new TreeSet<>(spec.results()) + ")");
                            }
                        }
                        for (String result : new TreeSet<>(spec.results())) {
                            if (!a.on().containsKey(result)) problem(s, a.line(), "result '" + result + "' of '" + a.action() + "' goes nowhere");
                        }
                        spec.outputs().forEach((k, v) -> maxLengths.merge(k, v, Math::max));
                        listLines.putAll(spec.lines());
                    }
                }
                if (s instanceof Screen.InputScreen i && i.rule() != null && i.store() != null) {
                    maxLengths.merge(i.store(), i.rule().maxLength(i.params()), Math::max);
                }
                if (s instanceof Screen.MenuScreen m) {
                    for (Screen.Option o : m.options()) {
                        o.set().forEach((k, v) -> maxLengths.merge(k, v == null ? 0 : v.length(), Math::max));
                        // Input rules and actions give GSM-7 values (names are stored in plain Latin); a menu's own
                        // value may not.
                        o.set().forEach((k, v) -> {
                            if (v != null && Gsm7.septets(v) < 0) ucs2Values.add(k);
                        });
                    }
                }
            }
            // A broken link makes everything behind it unreachable; report the link, not the cascade.
            if (!dangling) reachability();
            Set<String> secrets = new TreeSet<>();
            for (Screen s : menu.screens().values()) {
                if (s instanceof Screen.InputScreen i && i.secret() && i.store() != null) secrets.add(i.store());
            }
            for (Screen s : menu.screens().values()) {
                if (s instanceof Screen.InputScreen i && !i.secret() && secrets.contains(i.store())) {
                    problem(s, s.line(), "stores '" + i.store() + "', which a secret screen stores too: mark it secret: true");
                }
            }
            for (Screen s : menu.screens().values()) {
                placeholders(s, maxLengths, secrets);
                if (s instanceof Screen.RouterScreen r) {
                    for (Screen.Route route : r.routes()) {
                        if (route.when() != null && secrets.contains(route.when().variable())) {
                            problem(s, route.line(), "condition reads the secret '" + route.when().variable() + "': only an action may read a secret");
                        }
                        if (route.when() != null && !maxLengths.containsKey(route.when().variable())
                                && !SessionState.LANGUAGE.equals(route.when().variable())) {
                            problem(s, route.line(), "condition reads '" + route.when().variable() + "', which no screen sets");
                        }
                    }
                }
            }
            if (p.problems.isEmpty()) lengths(maxLengths);
        }

        record Target(int line, String screen) {}

        /** Every screen a screen can lead to, with the line that names it. */
        List<Target> targets(Screen s) {
            List<Target> t = new ArrayList<>();
            if (s instanceof Screen.MenuScreen m) m.options().forEach(o -> t.add(new Target(o.line(), o.next())));
            else if (s instanceof Screen.InputScreen i) t.add(new Target(linkLine(s, i.next()), i.next()));
            else if (s instanceof Screen.ActionScreen a) a.on().values().forEach(n -> t.add(new Target(linkLine(s, n), n)));
            else if (s instanceof Screen.MessageScreen m) t.add(new Target(linkLine(s, m.next()), m.next()));
            else if (s instanceof Screen.RouterScreen r) {
                r.routes().forEach(route -> t.add(new Target(route.line(), route.next())));
                t.add(new Target(linkLine(s, r.otherwise()), r.otherwise()));
            }
            t.removeIf(x -> x.screen() == null);
            return t;
        }

        int linkLine(Screen s, String target) {
            return p.linkLines.getOrDefault(s.id() + "|" + target, s.line());
        }

        void reachability() {
            if (menu.start() == null || menu.screen(menu.start()) == null) return;
            Set<String> seen = new LinkedHashSet<>();
            ArrayDeque<String> todo = new ArrayDeque<>(List.of(menu.start()));
            while (!todo.isEmpty()) {
                String id = todo.pop();
                Screen s = menu.screen(id);
                if (s == null || !seen.add(id)) continue;
                targets(s).forEach(t -> todo.add(t.screen()));
            }
            for (Screen s : menu.screens().values()) {
                if (!seen.contains(s.id())) problem(s, s.line(), "cannot be reached from the start screen '" + menu.start() + "'");
            }
        }

        void placeholders(Screen s, Map<String, Integer> maxLengths, Set<String> secrets) {
            for (Text t : texts(s)) {
                for (String text : t.byLanguage().values()) {
                    for (Template.Placeholder ph : Template.placeholders(text)) {
                        if (secrets.contains(ph.variable())) {
                            problem(s, t.line(), "text shows {" + ph.variable() + "}, a secret: a secret is never shown");
                        }
                        if (!maxLengths.containsKey(ph.variable())) {
                            problem(s, t.line(), "text uses {" + ph.variable() + "}, which no screen or action sets");
                        }
                        if (!Template.knownFilter(ph.filter())) {
                            problem(s, t.line(), "unknown filter '|" + ph.filter() + "' in {" + ph.variable() + "} (known: rp)");
                        }
                    }
                }
            }
        }

        List<Text> texts(Screen s) {
            List<Text> out = new ArrayList<>();
            if (s instanceof Screen.MenuScreen m) {
                out.add(m.text());
                m.options().forEach(o -> out.add(o.label()));
            } else if (s instanceof Screen.InputScreen i) {
                out.add(i.text());
                if (i.error() != null) out.add(i.error());
            } else if (s instanceof Screen.MessageScreen m) {
                out.add(m.text());
            }
            return out;
        }

        /** Each page in each language, values at their longest, with the longest hint the engine may put above it. */
        /** Action outputs that are lists: how many lines at most (see ActionSpec). */
        final Map<String, Integer> listLines = new HashMap<>();
        /** Values that may hold a character GSM-7 lacks: a page showing one is measured as UCS-2. */
        final Set<String> ucs2Values = new TreeSet<>();

        /** Per language, in the menu's order of languages. */
        final Map<String, Fit> fits = new java.util.LinkedHashMap<>();

        void lengths(Map<String, Integer> maxLengths) {
            for (Screen s : menu.screens().values()) {
                if (s instanceof Screen.ActionScreen || s instanceof Screen.RouterScreen) continue;
                for (String lang : menu.languages()) {
                    List<String> pages = Pages.of(menu, s, lang, t -> Template.renderWorstCase(t, maxLengths, listLines, ucs2Values));
                    int hint = s instanceof Screen.MessageScreen ? 0 : longestHint(s, lang) + 1;
                    for (int i = 0; i < pages.size(); i++) {
                        String page = pages.get(i);
                        int length = Gsm7.length(page) + hint;
                        int limit = Gsm7.limit(page);
                        String at = s.id() + (pages.size() > 1 ? " page " + (i + 1) : "");
                        fits.merge(lang, new Fit(lang, 1, length, limit, at), (a, b) -> new Fit(lang, a.pages() + 1,
                                Math.max(a.longest(), b.longest()), a.longest() >= b.longest() ? a.limit() : b.limit(),
                                a.longest() >= b.longest() ? a.screen() : b.screen()));
                        if (length > limit) {
                            String unit = limit == Gsm7.GSM7_LIMIT ? "GSM-7 characters" : "UCS-2 characters";
                            String where = pages.size() > 1 ? "page " + (i + 1) + " in '" + lang + "'" : "text in '" + lang + "'";
                            String fix = pages.size() > 1 ? "shorten a line" : "shorten it or set paginate: true";
                            problem(s, s.line(), where + " can reach " + length + " " + unit + " (limit " + limit
                                    + (hint > 0 ? ", with a re-prompt hint" : "") + "): " + fix);
                        }
                    }
                }
            }
        }

        int longestHint(Screen s, String lang) {
            int n = SystemTexts.longestHint(lang);
            if (s instanceof Screen.InputScreen i) {
                if (i.error() != null) n = Math.max(n, i.error().in(lang, menu.defaultLanguage()).length());
                if (i.rule() != null) {
                    for (String bad : List.of("x", "1100000000000000", "3302149999990001", "3302145507900000", "-1")) {
                        InputRule.Result r = i.rule().check(bad, i.params());
                        if (r.hint() != null) n = Math.max(n, r.hint().in(lang, "id").length());
                    }
                }
            }
            return n;
        }
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 1 : n.getStartMark().getLine() + 1;
    }

}
