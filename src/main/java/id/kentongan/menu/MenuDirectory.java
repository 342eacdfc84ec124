package id.kentongan.menu;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code menus/} folder: every {@code *.yaml} in it is compiled and, only if valid, published. A file that does
 * not compile is refused with its problems logged and the previous version keeps serving. A file that disappears
 * keeps serving its last version too (logged): taking a service code off the air is a deliberate act, not a typo.
 * {@link #scan} only compiles files whose text changed; the service calls it periodically, off the event loop.
 */
public final class MenuDirectory {
    private static final Logger log = LoggerFactory.getLogger(MenuDirectory.class);

    public record Rejected(Path file, List<MenuProblem> problems) {}

    /** What a scan did; {@code texts} holds the file text of each published version (by version). */
    public record Report(List<Menu> published, List<Rejected> rejected, java.util.Map<String, String> texts) {
        public Report(List<Menu> published, List<Rejected> rejected) {
            this(published, rejected, java.util.Map.of());
        }
    }

    private final Path dir;
    private final MenuCompiler compiler;
    private final MenuRegistry registry;
    /** Text last read per file, published or not, so an unchanged broken file is not reported on every scan. */
    private final Map<Path, String> lastText = new HashMap<>();
    /** The service code each file serves, to refuse a second file claiming the same code. */
    private final Map<String, Path> owners = new HashMap<>();

    public MenuDirectory(Path dir, MenuCompiler compiler, MenuRegistry registry) {
        this.dir = dir;
        this.compiler = compiler;
        this.registry = registry;
    }

    public synchronized Report scan() {
        List<Menu> published = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        java.util.Map<String, String> texts = new java.util.HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".+\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            log.error("cannot list menu folder {}: {}; the menus already loaded keep serving", dir, e.toString());
            return new Report(published, rejected);
        }
        for (Path gone : new ArrayList<>(lastText.keySet())) {
            if (!files.contains(gone)) {
                lastText.remove(gone);
                log.warn("menu file {} was removed; its last version keeps serving until a file replaces it", gone.getFileName());
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                rejected.add(new Rejected(file, List.of(new MenuProblem(name, 1, null, "cannot read: " + e))));
                continue;
            }
            if (text.equals(lastText.put(file, text))) continue;
            try {
                Menu menu = compiler.compile(name, text);
                Path owner = owners.putIfAbsent(menu.serviceCode(), file);
                if (owner != null && !owner.equals(file)) {
                    throw new InvalidMenuException(List.of(new MenuProblem(name, 1, null,
                            "serviceCode " + menu.serviceCode() + " is already served by " + owner.getFileName())));
                }
                Menu before = registry.current(menu.serviceCode()).orElse(null);
                registry.publish(menu);
                published.add(menu);
                texts.put(menu.version(), text);
                log.info("menu {} published for {} (version {}{})", name, menu.serviceCode(), menu.version(),
                        before == null ? "" : ", was " + before.version());
            } catch (InvalidMenuException e) {
                rejected.add(new Rejected(file, e.problems()));
                log.error("menu {} refused, the previous version keeps serving: {}", name, e.getMessage());
            }
        }
        return new Report(published, rejected, texts);
    }
}
