package id.kentongan.menu;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live menu for each service code, and recent versions by digest so that sessions in flight finish on the version
 * they started with. Only compiled (so valid) menus get in.
 */
public final class MenuRegistry {
    private final Map<String, Menu> live = new ConcurrentHashMap<>();
    private final Cache<String, Menu> versions = Caffeine.newBuilder()
            .maximumSize(64).expireAfterAccess(Duration.ofHours(1)).build();

    public void publish(Menu menu) {
        versions.put(menu.version(), menu);
        live.put(menu.serviceCode(), menu);
    }

    /** Keeps a version for the sessions that started on it, without making it live. */
    public void remember(Menu menu) {
        versions.put(menu.version(), menu);
    }

    public Optional<Menu> version(String version) {
        return Optional.ofNullable(versions.getIfPresent(version));
    }

    public Optional<Menu> current(String serviceCode) {
        return Optional.ofNullable(live.get(serviceCode));
    }

    /** The menu a session started on, or the live one for its service code when that version is gone. */
    public Optional<Menu> forSession(String serviceCode, String version) {
        Menu m = version == null ? null : versions.getIfPresent(version);
        return m != null ? Optional.of(m) : current(serviceCode);
    }

    public Map<String, Menu> live() {
        return Map.copyOf(live);
    }
}
