package id.kentongan.publishing;

import id.kentongan.menu.InvalidMenuException;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Menu versions shared by every instance through the store. Publishing (an upload through the admin API, or a changed
 * file under menus/) compiles first — an invalid menu changes nothing — then keeps the text under its version, adds the
 * version to the menu's history and points {@code live} at it. Every instance reads the live pointers every
 * {@code menus.pollInterval} and switches to a new live version; the versions a session may have started on stay
 * known, so it finishes on its own. Rollback points {@code live} at an earlier version. Keys:
 * {@code Keyspace.menuCodes()}, {@code menu(code, "live")}, {@code :versions} (set of "millis|version|source"),
 * {@code :v:<version>} (the YAML), {@code :file} (the last file version published, so an unchanged file at start-up
 * does not undo an upload).
 */
public final class MenuPublisher {
    private static final Logger log = LoggerFactory.getLogger(MenuPublisher.class);
    private static final Duration KEEP = Duration.ofDays(3650);

    public record Version(String version, java.time.Instant at, String source, boolean live) {}

    private final Vertx vertx;
    private final TtlStore store;
    private final MenuCompiler compiler;
    private final MenuRegistry registry;
    private final Clock clock;

    /** Where {@link #sync()} reads: replicas where there are any; the admin's reads and all writes use {@code store}. */
    private TtlStore follow;

    public MenuPublisher(Vertx vertx, TtlStore store, MenuCompiler compiler, MenuRegistry registry, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.follow = store;
        this.compiler = compiler;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Follows the live pointers through {@code replicaReads}: every instance polls every second or so, and a replica a
     * moment behind only delays a switch to the next poll (a text not yet there is read again then).
     */
    public MenuPublisher followingFrom(TtlStore replicaReads) {
        this.follow = replicaReads;
        return this;
    }

    private String key(String code, String part) {
        return store.keys().menu(code, part);
    }

    /** Compiles {@code text}; the menu, or {@link InvalidMenuException} with every problem. Blocking-free (pure CPU). */
    public Menu compile(String file, String text) throws InvalidMenuException {
        return compiler.compile(file, text);
    }

    /** Publishes a valid menu (already compiled from {@code text}) as live on every instance. */
    public Future<Menu> publish(Menu menu, String text, String source) {
        String code = menu.serviceCode();
        return store.put(key(code, "v:" + menu.version()), text, KEEP)
                .compose(v -> store.addToSet(key(code, "versions"), clock.millis() + "|" + menu.version() + "|" + source))
                .compose(v -> store.addToSet(store.keys().menuCodes(), code))
                .compose(v -> store.put(key(code, "live"), menu.version(), KEEP))
                .map(v -> {
                    registry.publish(menu);
                    log.info("menu {} version {} published for {} by {}", menu.name(), menu.version(), code, source);
                    return menu;
                });
    }

    /** A file under menus/ that this instance found changed: published unless it is the file version published last. */
    public Future<Void> fromFile(Menu menu, String text) {
        String code = menu.serviceCode();
        return store.get(key(code, "file")).compose(last -> {
            if (last.isPresent() && last.get().equals(menu.version())) return Future.succeededFuture();
            return store.put(key(code, "file"), menu.version(), KEEP).compose(v -> publish(menu, text, "file " + menu.file())).mapEmpty();
        });
    }

    /** Points {@code live} back at an earlier version; fails if the version is unknown. */
    public Future<Menu> rollback(String code, String version, String who) {
        return text(code, version).compose(t -> {
            if (t.isEmpty()) return Future.failedFuture(new java.util.NoSuchElementException("no version " + version + " of " + code));
            Menu m;
            try {
                m = compile(code, t.get());
            } catch (InvalidMenuException e) {
                return Future.failedFuture(new IllegalStateException("version " + version + " no longer compiles: " + e.getMessage()));
            }
            return store.put(key(code, "live"), version, KEEP).map(v -> {
                registry.publish(m);
                log.info("menu {} rolled back to version {} by {}", code, version, who);
                return m;
            });
        });
    }

    public Future<Optional<String>> text(String code, String version) {
        return store.get(key(code, "v:" + version));
    }

    public Future<Optional<String>> live(String code) {
        return store.get(key(code, "live"));
    }

    public Future<java.util.Set<String>> codes() {
        return store.members(store.keys().menuCodes());
    }

    /** The versions of a menu, newest first, the live one marked. */
    public Future<List<Version>> versions(String code) {
        return Future.all(store.members(key(code, "versions")), live(code)).map(both -> {
            java.util.Set<String> entries = both.resultAt(0);
            Optional<String> live = both.resultAt(1);
            List<Version> out = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            entries.stream().map(e -> e.split("\\|", 3)).sorted(Comparator.comparing((String[] p) -> Long.parseLong(p[0])).reversed())
                    .forEach(p -> {
                        if (seen.add(p[1])) {
                            out.add(new Version(p[1], java.time.Instant.ofEpochMilli(Long.parseLong(p[0])), p.length > 2 ? p[2] : "",
                                    live.map(p[1]::equals).orElse(false)));
                        }
                    });
            return out;
        });
    }

    /**
     * Follows the live pointers: a code whose live version differs from this instance's is switched (compiled from the
     * stored text). The version it replaces stays known for the sessions that started on it.
     */
    public Future<Void> sync() {
        return follow.members(store.keys().menuCodes()).compose(codes -> {
            List<Future<Void>> each = new ArrayList<>();
            for (String code : codes) {
                each.add(follow.get(key(code, "live")).compose(version -> {
                    if (version.isEmpty()) return Future.succeededFuture();
                    Optional<Menu> current = registry.current(code);
                    if (current.isPresent() && current.get().version().equals(version.get())) return Future.succeededFuture();
                    Optional<Menu> known = registry.version(version.get());
                    if (known.isPresent()) {
                        registry.publish(known.get());
                        log.info("menu for {} switched to version {}", code, version.get());
                        return Future.succeededFuture();
                    }
                    return follow.get(key(code, "v:" + version.get())).compose(t -> {
                        if (t.isEmpty()) return Future.succeededFuture();
                        return vertx.executeBlocking(() -> compile(code, t.get()), false).map(m -> {
                            registry.publish(m);
                            log.info("menu for {} switched to version {}", code, m.version());
                            return (Void) null;
                        });
                    });
                }));
            }
            return Future.all(each).mapEmpty();
        });
    }
}
