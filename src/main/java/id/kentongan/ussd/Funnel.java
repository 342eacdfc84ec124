package id.kentongan.ussd;

import id.kentongan.menu.Menu;
import id.kentongan.menu.Screen;
import id.kentongan.menu.Step;
import id.kentongan.menu.SystemTexts;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where workers give up: per menu, version, language and screen, how each visit to a screen ended — went on, went
 * back, was asked again (a wrong NIK, a choice that does not exist), got the busy screen, finished there, or was left:
 * dropped (the phone dialled again within the network's session time) or timed out (it dialled again later). Visits
 * never followed by another dial are neither; the report shows them as "left". No phone number is kept: the counts
 * are per screen. Counted in memory and added to Redis once a second (one HINCRBY batch per instance), so a hop costs
 * no Redis command for it.
 */
public final class Funnel {
    public enum Event { REACHED, ON, BACK, RETRIED, BUSY, FINISHED, DROPPED, TIMED_OUT }

    /** Days one funnel answer may span (each day one hash read). */
    public static final int MAX_DAYS = 92;

    private final TtlStore store;
    private final Clock clock;
    /**
     * Counts since the last flush. One map for good, each count taken out with getAndSet(0): swapping in a new map
     * would lose the counts another event loop was still adding to the old one.
     */
    private final ConcurrentHashMap<Count, AtomicLong> pending = new ConcurrentHashMap<>();

    /**
     * What one count is of. A record, not a joined string: counted twice a hop, and its parts' hashes are the strings'
     * own (cached), where a joined key was built and hashed anew each time.
     */
    private record Count(String serviceCode, String version, String language, String screen, Event event) {
        /** The field in the day's hash of the service code. */
        String field() {
            return version + "|" + language + "|" + screen + "|" + name(event);
        }
    }

    public Funnel(TtlStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void count(String serviceCode, String version, String language, String screen, Event event) {
        Count c = new Count(serviceCode, version, language, screen, event);
        AtomicLong n = pending.get(c);
        if (n == null) n = pending.computeIfAbsent(c, k -> new AtomicLong());
        n.incrementAndGet();
    }

    /** Counted on the hop path: the events' names made once. */
    private static final String[] NAMES = java.util.Arrays.stream(Event.values()).map(e -> e.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private static String name(Event e) {
        return NAMES[e.ordinal()];
    }

    /** A dialogue began on {@code first} (the screen shown after the start's actions). */
    void began(Menu menu, Step first) {
        reached(menu, first);
    }

    private void reached(Menu menu, Step shown) {
        String lang = shown.state().language();
        count(menu.serviceCode(), menu.version(), lang, shown.state().screen(), Event.REACHED);
        if (shown.reply().end() && !busy(menu, shown)) count(menu.serviceCode(), menu.version(), lang, shown.state().screen(), Event.FINISHED);
    }

    /** One input took the dialogue from {@code before} to {@code after} (actions run). */
    void moved(Menu menu, Step before, String input, Step after) {
        String from = before.state().screen();
        String lang = before.state().language();
        if (busy(menu, after)) {
            count(menu.serviceCode(), menu.version(), lang, from, Event.BUSY);
        } else if (after.state().screen().equals(from)) {
            // The same screen: asked again (a hint above it), or only another page of it.
            if (after.state().page() == before.state().page()) count(menu.serviceCode(), menu.version(), lang, from, Event.RETRIED);
        } else {
            String in = input.strip();
            count(menu.serviceCode(), menu.version(), lang, from, in.equals("0") || in.equals("00") ? Event.BACK : Event.ON);
            reached(menu, after);
        }
    }

    /** A dialogue that was left mid-journey on its screen, seen when the phone dials again. */
    void left(String serviceCode, String version, String language, String screen, boolean withinSessionTime) {
        count(serviceCode, version, language, screen, withinSessionTime ? Event.DROPPED : Event.TIMED_OUT);
    }

    private static boolean busy(Menu menu, Step s) {
        return s.reply().end() && s.reply().text().equals(SystemTexts.BUSY.in(s.state().language(), menu.defaultLanguage()));
    }

    /** Adds what was counted since the last flush to today's hashes. A failed write puts the counts back for the next. */
    public Future<Void> flush() {
        Map<String, Map<Count, Long>> byMenu = new HashMap<>();
        pending.forEach((k, counter) -> {
            long n = counter.getAndSet(0);
            if (n == 0) return;
            byMenu.computeIfAbsent(k.serviceCode(), x -> new HashMap<>()).put(k, n); // each key once: the map's own
        });
        if (byMenu.isEmpty()) return Future.succeededFuture();
        LocalDate today = LocalDate.now(clock);
        List<Future<Void>> writes = new ArrayList<>();
        byMenu.forEach((code, counts) -> {
            Map<String, Long> deltas = new HashMap<>();
            counts.forEach((k, n) -> deltas.merge(k.field(), n, Long::sum));
            writes.add(store.addToHash(store.keys().funnel(code, today), deltas).recover(e -> {
                LoggerFactory.getLogger(Funnel.class).warn("funnel counts of {} kept for the next flush: {}", code, e.toString());
                counts.forEach((k, n) -> pending.computeIfAbsent(k, x -> new AtomicLong()).addAndGet(n));
                return Future.succeededFuture();
            }));
        });
        return Future.all(writes).mapEmpty();
    }

    /**
     * The funnel of {@code serviceCode} from {@code from} to {@code to} (days, at most {@link #MAX_DAYS}): per version
     * and language, each screen (in {@code order}, the menu file's order, then any other) with its counts and "left"
     * (reached, less every ending known).
     */
    public Future<JsonObject> read(String serviceCode, LocalDate from, LocalDate to, List<String> order) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            return Future.failedFuture(new IllegalArgumentException("from must be on or before to, at most " + MAX_DAYS + " days"));
        }
        List<Future<Map<String, String>>> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.add(store.hash(store.keys().funnel(serviceCode, d)));
        return Future.all(days).map(all -> {
            // version|language -> screen -> event -> count
            Map<String, Map<String, Map<String, Long>>> sums = new LinkedHashMap<>();
            for (Future<Map<String, String>> day : days) {
                day.result().forEach((field, value) -> {
                    String[] p = field.split("\\|", 4);
                    if (p.length < 4) return;
                    sums.computeIfAbsent(p[0] + "|" + p[1], x -> new HashMap<>()).computeIfAbsent(p[2], x -> new HashMap<>())
                            .merge(p[3], Long.parseLong(value), Long::sum);
                });
            }
            JsonArray funnels = new JsonArray();
            sums.forEach((versionLang, screens) -> {
                List<String> ids = new ArrayList<>(order.stream().filter(screens::containsKey).toList());
                screens.keySet().stream().filter(s -> !ids.contains(s)).sorted().forEach(ids::add);
                JsonArray rows = new JsonArray();
                for (String id : ids) {
                    Map<String, Long> c = screens.get(id);
                    JsonObject row = new JsonObject().put("screen", id);
                    long ended = 0;
                    for (Event e : Event.values()) {
                        long n = c.getOrDefault(name(e), 0L);
                        row.put(camel(e), n);
                        if (e != Event.REACHED && e != Event.RETRIED) ended += n;
                    }
                    rows.add(row.put("left", Math.max(0, c.getOrDefault("reached", 0L) - ended)));
                }
                String[] vl = versionLang.split("\\|");
                funnels.add(new JsonObject().put("version", vl[0]).put("language", vl[1]).put("screens", rows));
            });
            return new JsonObject().put("serviceCode", serviceCode).put("from", from.toString()).put("to", to.toString()).put("funnels", funnels);
        });
    }

    private static String camel(Event e) {
        String n = name(e);
        int u = n.indexOf('_');
        return u < 0 ? n : n.substring(0, u) + Character.toUpperCase(n.charAt(u + 1)) + n.substring(u + 2);
    }

    /** The screens of a menu a worker sees, in the file's order. */
    public static List<String> shownScreens(Menu menu) {
        return menu.screens().values().stream().filter(s -> !(s instanceof Screen.ActionScreen) && !(s instanceof Screen.RouterScreen))
                .map(Screen::id).toList();
    }
}
