package id.kentongan.menu;

import id.kentongan.text.Gsm7;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lays a screen out as USSD pages. Used at run time with the session's values and by the validator with each
 * value at its longest, so what the validator accepts is exactly what the phone will get.
 */
public final class Pages {
    private Pages() {}

    /** Pages of {@code screen} in {@code language}; {@code fill} renders templates. Never empty. */
    static List<String> of(Menu menu, Screen screen, String language, UnaryOperator<String> fill) {
        String fallback = menu.defaultLanguage();
        List<String> lines = new ArrayList<>();
        boolean paginate;
        if (screen instanceof Screen.MenuScreen m) {
            lines.addAll(lines(fill.apply(m.text().in(language, fallback))));
            int n = 1;
            for (Screen.Option o : m.options()) lines.add(n++ + ". " + fill.apply(o.label().in(language, fallback)));
            paginate = m.paginate();
        } else if (screen instanceof Screen.InputScreen i) {
            lines.addAll(lines(fill.apply(i.text().in(language, fallback))));
            paginate = false;
        } else if (screen instanceof Screen.MessageScreen msg) {
            lines.addAll(lines(fill.apply(msg.text().in(language, fallback))));
            paginate = msg.paginate();
        } else {
            throw new IllegalArgumentException("screen '" + screen.id() + "' is not shown to the worker");
        }
        String back = screen instanceof Screen.MenuScreen && !screen.id().equals(menu.start())
                ? SystemTexts.BACK.in(language, fallback) : null;
        String more = SystemTexts.NEXT_PAGE.in(language, fallback);
        if (!paginate) return List.of(join(lines, null, back));

        int limit = Gsm7.limit(String.join("\n", lines));
        int room = limit - Gsm7.length(join(List.of(""), more, back));
        List<String> pages = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : wrap(lines, room)) {
            current.add(line);
            // Room is kept for "99. Lanjut" while more lines follow; a page that cannot take this line closes.
            if (current.size() > 1 && Gsm7.length(join(current, more, back)) > limit) {
                current.remove(current.size() - 1);
                pages.add(join(current, more, back));
                current = new ArrayList<>(List.of(line));
            }
        }
        pages.add(join(current, null, back));
        return pages;
    }

    /** Whether any text of {@code screen} in {@code language} shows a value ({…}): if not, its pages are always the same. */
    static boolean hasValues(Menu menu, Screen screen, String language) {
        String fallback = menu.defaultLanguage();
        if (screen instanceof Screen.MenuScreen m) {
            if (m.text().in(language, fallback).indexOf('{') >= 0) return true;
            for (Screen.Option o : m.options()) if (o.label().in(language, fallback).indexOf('{') >= 0) return true;
            return false;
        }
        if (screen instanceof Screen.InputScreen i) return i.text().in(language, fallback).indexOf('{') >= 0;
        if (screen instanceof Screen.MessageScreen msg) return msg.text().in(language, fallback).indexOf('{') >= 0;
        return true;
    }

    /** Splits lines longer than {@code room} at spaces, so a long paragraph can go over several pages. */
    private static List<String> wrap(List<String> lines, int room) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String rest = line;
            while (Gsm7.length(rest) > room) {
                int cut = rest.lastIndexOf(' ', Math.min(rest.length() - 1, room));
                if (cut <= 0) break; // one unbreakable word: left long, and the validator says so
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
            out.add(rest);
        }
        return out;
    }

    private static List<String> lines(String text) {
        return List.of(text.strip().split("\n", -1));
    }

    private static String join(List<String> lines, String more, String back) {
        StringBuilder b = new StringBuilder(String.join("\n", lines));
        if (more != null) b.append('\n').append(more);
        if (back != null) b.append('\n').append(back);
        return b.toString();
    }

    /** The pages of screen {@code screenId} in {@code language} with {@code values} filled in: what a phone would show. */
    public static List<String> preview(Menu menu, String screenId, String language, java.util.Map<String, String> values) {
        Screen screen = menu.screens().get(screenId);
        if (screen == null) throw new IllegalArgumentException("no screen '" + screenId + "' in " + menu.name());
        if (!menu.languages().contains(language)) throw new IllegalArgumentException("language must be one of " + menu.languages());
        return of(menu, screen, language, t -> Template.render(t, values));
    }
}
