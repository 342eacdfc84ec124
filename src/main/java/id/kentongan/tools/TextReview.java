package id.kentongan.tools;

import id.kentongan.actions.StandardActions;
import id.kentongan.menu.InvalidMenuException;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.Screen;
import id.kentongan.menu.SystemTexts;
import id.kentongan.menu.Text;
import id.kentongan.text.Wording;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The list of a language's texts for a native speaker to review, beside the Bahasa Indonesia they translate: both
 * menus, every SMS text and the engine's own words, as one Markdown page (menus/REVIEW-jv.md is its output; a test
 * keeps that file as current as the texts).
 */
public final class TextReview {
    private TextReview() {}

    public static String markdown(String language, List<Path> menuFiles) throws IOException, InvalidMenuException {
        StringBuilder out = new StringBuilder();
        out.append("# Texts in '").append(language).append("' for review by a native speaker\n\n")
                .append("Made by `java -jar target/kentongan.jar review-texts ").append(language)
                .append(" > menus/REVIEW-").append(language).append(".md`; `TextReviewTest` fails when this file is older than the texts.\n")
                .append("Mark a row's last column when the text reads naturally; write the better words there when it does not.\n");
        MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());
        for (Path f : menuFiles) {
            Menu m = compiler.compile(f.getFileName().toString(), Files.readString(f));
            out.append("\n## ").append(m.serviceCode()).append(" (menus/").append(f.getFileName()).append(")\n\n");
            header(out);
            for (Screen s : m.screens().values()) {
                Text t = s instanceof Screen.MenuScreen x ? x.text() : s instanceof Screen.InputScreen x ? x.text()
                        : s instanceof Screen.MessageScreen x ? x.text() : null;
                if (t != null) row(out, s.id(), t.in("id", "id"), t.byLanguage().get(language));
                if (s instanceof Screen.MenuScreen x) {
                    for (int i = 0; i < x.options().size(); i++) {
                        Text label = x.options().get(i).label();
                        row(out, s.id() + " option " + (i + 1), label.in("id", "id"), label.byLanguage().get(language));
                    }
                }
            }
        }
        out.append("\n## SMS (src/main/resources/texts/sms.yaml)\n\n");
        header(out);
        Wording words = Wording.standard();
        for (String name : words.names()) row(out, name, words.template(name, "id"), words.template(name, language));
        out.append("\n## The menu engine's own words (menu/SystemTexts.java; input hints in menu/InputRule.java)\n\n");
        header(out);
        for (Field f : SystemTexts.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Text.class) continue;
            try {
                Text t = (Text) f.get(null);
                row(out, f.getName(), t.in("id", "id"), t.byLanguage().get(language));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.toString();
    }

    private static void header(StringBuilder out) {
        out.append("| Where | Bahasa Indonesia | Translation | Reviewed |\n|---|---|---|---|\n");
    }

    private static void row(StringBuilder out, String where, String id, String translated) {
        out.append("| ").append(where).append(" | ").append(cell(id)).append(" | ")
                .append(translated == null ? "**missing: Bahasa Indonesia is shown**" : cell(translated)).append(" | |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }
}
