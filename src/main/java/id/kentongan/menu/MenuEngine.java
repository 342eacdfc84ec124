package id.kentongan.menu;

import id.kentongan.text.Gsm7;

import java.util.List;

/**
 * The USSD state machine: given a menu, where the worker is and what they typed, it answers with the next page or
 * with an effect to run first. Pure: the caller does the I/O and feeds effect outcomes back with
 * {@link #afterEffect}. Conventions workers know: {@code 0} back, {@code 00} main menu, {@code 99} next page.
 */
public final class MenuEngine {
    /** Longest input we read; a USSD string is at most 160 characters. */
    public static final int MAX_INPUT = 160;
    private static final int MAX_AUTOMATIC_STEPS = 32;
    /** Where a resumed dialogue goes back to after its sign-in; not a lower_snake_case name, so no menu can set it. */
    static final String RESUME = "_resume";

    /** The first page of a fresh session. */
    public Step start(Menu menu, String language) {
        return advance(menu, SessionState.fresh(menu, language), menu.start());
    }

    public Step step(Menu menu, SessionState state, String rawInput) {
        String input = rawInput == null ? "" : rawInput.strip();
        Screen screen = menu.screen(state.screen());
        if (screen == null || screen instanceof Screen.ActionScreen || screen instanceof Screen.RouterScreen) {
            // Not a screen a worker can be on (menu changed under a resumed session): begin again.
            return advance(menu, state.cleared(), menu.start());
        }
        if (input.length() > MAX_INPUT) return show(menu, state, SystemTexts.TOO_LONG);
        if (input.equals("00")) return advance(menu, state.cleared(), menu.start());
        if (input.equals("0")) {
            if (state.page() > 0) return show(menu, state.onPage(state.page() - 1), null);
            return show(menu, state.popped(), null);
        }
        if (input.equals("99") && state.page() + 1 < pages(menu, screen, state).size()) {
            return show(menu, state.onPage(state.page() + 1), null);
        }
        if (screen instanceof Screen.MenuScreen m) {
            int choice = option(input, m.options().size());
            if (choice < 0) return show(menu, state, input.isEmpty() ? SystemTexts.EMPTY_INPUT : SystemTexts.INVALID_OPTION);
            Screen.Option o = m.options().get(choice);
            return advance(menu, state.pushed(m.id()).with(o.set()), o.next());
        }
        if (screen instanceof Screen.InputScreen i) {
            if (input.isEmpty()) return show(menu, state, SystemTexts.EMPTY_INPUT);
            InputRule.Result r = i.rule().check(input, i.params());
            if (r.hint() != null) return show(menu, state, i.error() != null ? i.error() : r.hint());
            SessionState typed = i.secret() ? state.pushed(i.id()).withSecret(i.store(), r.value())
                    : state.pushed(i.id()).with(java.util.Map.of(i.store(), r.value()));
            return advance(menu, typed, i.next());
        }
        Screen.MessageScreen msg = (Screen.MessageScreen) screen;
        if (msg.end()) return show(menu, state, null); // only while paging through a long closing text
        return advance(menu, state.pushed(msg.id()), msg.next());
    }

    /** Continues after the effect that {@code state} is waiting on returned {@code outcome}. */
    public Step afterEffect(Menu menu, SessionState state, ActionOutcome outcome) {
        Screen.ActionScreen action = (Screen.ActionScreen) menu.screen(state.screen());
        String next = action.on().get(outcome.result());
        if (next == null) next = action.on().get(ActionSpec.ERROR);
        if (next == null) {
            return Step.reply(state.withoutSecrets(), Reply.end(SystemTexts.BUSY.in(state.language(), menu.defaultLanguage())));
        }
        // The effect has read the secrets it needed: none outlives it (an action that fails or times out included).
        return advance(menu, state.withoutSecrets().with(outcome.values()), next);
    }

    /**
     * A dropped dialogue taken up again in a new session: its page again, or, on a menu with {@code resumeAfter}
     * (a sign-in), the start again with what was typed kept, and the dropped page once the sign-in is done. Null when
     * there is nothing to show (the menu lost that screen).
     */
    public Step resume(Menu menu, SessionState dropped) {
        if (menu.resumeAfter() == null) {
            Reply again = current(menu, dropped);
            return again == null ? null : Step.reply(dropped, again);
        }
        boolean signedIn = dropped.screen().equals(menu.resumeAfter()) || dropped.history().contains(menu.resumeAfter());
        if (!signedIn || current(menu, dropped) == null) return start(menu, dropped.language());
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>(dropped.values());
        kept.put(RESUME, dropped.screen() + "|" + dropped.page() + "|" + String.join(",", dropped.history()));
        return advance(menu, new SessionState(menu.version(), menu.start(), 0, dropped.language(), List.of(), kept), menu.start());
    }

    /** The page the worker is on, shown again (after a resume, or a retried request). */
    public Reply current(Menu menu, SessionState state) {
        Screen screen = menu.screen(state.screen());
        if (screen == null || screen instanceof Screen.ActionScreen || screen instanceof Screen.RouterScreen) {
            return null;
        }
        return show(menu, state, null).reply();
    }

    private Step advance(Menu menu, SessionState state, String target) {
        SessionState s = state;
        for (int i = 0; i < MAX_AUTOMATIC_STEPS; i++) {
            if (target.equals(menu.resumeAfter()) && s.values().containsKey(RESUME)) return show(menu, resumed(s), null);
            Screen screen = menu.screen(target);
            if (screen instanceof Screen.RouterScreen r) {
                SessionState current = s;
                target = r.routes().stream().filter(route -> route.when().test(routeValues(current)))
                        .map(Screen.Route::next).findFirst().orElse(r.otherwise());
                continue;
            }
            s = s.at(target);
            if (screen instanceof Screen.ActionScreen a) {
                java.util.Map<String, String> read = new java.util.HashMap<>(s.values());
                read.putAll(s.secrets());
                return Step.effect(s, new Effect(a.action(), a.id(), read));
            }
            return show(menu, s, null);
        }
        // Validation cannot rule out every router cycle over values; never spin, tell the worker instead.
        return Step.reply(state, Reply.end(SystemTexts.BUSY.in(state.language(), menu.defaultLanguage())));
    }

    /** The dropped page, history and values, after the sign-in a resume went through. */
    private static SessionState resumed(SessionState s) {
        String[] at = s.values().get(RESUME).split("\\|", -1);
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>(s.values());
        values.remove(RESUME);
        List<String> history = at[2].isEmpty() ? List.of() : List.of(at[2].split(","));
        return new SessionState(s.menuVersion(), at[0], Integer.parseInt(at[1]), s.language(), history, values);
    }

    private static java.util.Map<String, String> routeValues(SessionState s) {
        java.util.Map<String, String> v = new java.util.HashMap<>(s.values());
        v.put(SessionState.LANGUAGE, s.language());
        return v;
    }

    private Step show(Menu menu, SessionState state, Text hint) {
        Screen screen = menu.screen(state.screen());
        List<String> pages = pages(menu, screen, state);
        int page = Math.min(state.page(), pages.size() - 1);
        String text = pages.get(page);
        if (hint != null) {
            // A page of a long message may be full already (the validator reserves room for hints on menus and inputs
            // only): the page must fit, the hint gives way.
            String hinted = hint.in(state.language(), menu.defaultLanguage()) + "\n" + text;
            if (Gsm7.fitsOnePage(hinted)) text = hinted;
        }
        boolean end = screen instanceof Screen.MessageScreen m && m.end() && page == pages.size() - 1;
        return Step.reply(state.onPage(page), end ? Reply.end(text) : Reply.con(text));
    }

    /**
     * A screen without a value in it is the same for everyone: laid out once per menu version and language (most hops
     * show one: the main menu, the language menu, help), not on every hop.
     */
    private static final java.util.concurrent.ConcurrentMap<String, List<String>> STATIC_PAGES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int STATIC_PAGES_KEPT = 10_000;

    private static List<String> pages(Menu menu, Screen screen, SessionState state) {
        if (!Pages.hasValues(menu, screen, state.language())) {
            String key = menu.serviceCode() + "|" + menu.version() + "|" + screen.id() + "|" + state.language();
            List<String> known = STATIC_PAGES.get(key);
            if (known != null) return known;
            List<String> laid = Pages.of(menu, screen, state.language(), t -> t);
            if (STATIC_PAGES.size() >= STATIC_PAGES_KEPT) STATIC_PAGES.clear(); // old versions' screens go
            STATIC_PAGES.put(key, laid);
            return laid;
        }
        java.util.Map<String, String> values = routeValues(state);
        return Pages.of(menu, screen, state.language(), t -> Template.render(t, values));
    }

    private static int option(String input, int count) {
        // ASCII digits only: Character.isDigit would take Arabic-Indic and other scripts' digits as choices too.
        if (input.isEmpty() || input.length() > 2 || !ascii(input.charAt(0))
                || input.length() == 2 && !ascii(input.charAt(1))) return -1;
        int n = Integer.parseInt(input);
        return n >= 1 && n <= count ? n - 1 : -1;
    }

    private static boolean ascii(char c) {
        return c >= '0' && c <= '9';
    }
}
