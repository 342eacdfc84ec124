package id.kentongan.menu;

import java.util.List;
import java.util.Map;

/**
 * A compiled, validated journey for one service code. {@code version} is a digest of the file's text, so the same
 * file gives the same version on every instance, and a session can name the version it started on.
 * {@code resumeAfter} (may be null): a dropped dialogue resumed on this menu begins again at the start (the agent
 * types the PIN again) and, on reaching this screen, continues where it dropped.
 */
public record Menu(String name, String file, String serviceCode, String version, List<String> languages, String start,
                   Map<String, Screen> screens, String resumeAfter) {
    public Menu {
        languages = List.copyOf(languages);
        screens = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(screens)); // file order
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public Screen screen(String id) {
        return screens.get(id);
    }
}
