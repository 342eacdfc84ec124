package id.kentongan.admin;

import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Digest;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who may call the admin API. Bearer tokens are configured by their SHA-256 only, each with a name and a role:
 * viewer (reads), editor (campaigns, groups, menus), admin (everything, agents and benefits included). Every route
 * is mounted through {@link #route} with the role it needs, so the list of routes and their roles is known (and
 * tested route by route). A missing or unknown token is 401, too small a role 403. Every change (any method but
 * GET) is written to the audit log: who, what, when, and the answer's status.
 */
public final class AdminAccess {
    public enum Role { VIEWER, EDITOR, ADMIN }

    public record Token(String name, Role role, String sha256) {
        public Token {
            if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("invalid configuration: admin token " + name + " is not a SHA-256 in hex");
            if (!name.matches("[A-Za-z0-9._-]{1,40}")) throw new IllegalArgumentException("invalid configuration: admin token name " + name);
        }

        /** "name:role:sha256[,…]" as in KENTONGAN_ADMIN_TOKENS. */
        public static List<Token> parseAll(String spec) {
            List<Token> out = new ArrayList<>();
            if (spec == null || spec.isBlank()) return out;
            for (String one : spec.split("[,;]")) {
                String[] p = one.strip().split(":");
                if (p.length != 3) throw new IllegalArgumentException("invalid configuration: admin token '" + p[0] + "' must be name:role:sha256");
                out.add(new Token(p[0], Role.valueOf(p[1].toUpperCase(Locale.ROOT)), p[2].toLowerCase(Locale.ROOT)));
            }
            return out;
        }
    }

    public record RouteInfo(HttpMethod method, String path, Role role) {}

    private static final int BODY_LIMIT = 4 * 1024 * 1024; // a list of 100,000 numbers
    private final List<Token> tokens;
    private final List<RouteInfo> routes = new CopyOnWriteArrayList<>();
    private final TtlStore store;
    private final Clock clock;

    private final Quota signIns;

    public AdminAccess(List<Token> tokens, TtlStore store, Clock clock, Quota signIns) {
        this.signIns = signIns;
        this.tokens = List.copyOf(tokens);
        this.store = store;
        this.clock = clock;
    }

    /** Authentication and the body for everything under /admin; then the audit log's own route. */
    public void mount(Router router) {
        router.route("/admin/*").handler(this::authenticate);
        router.route("/sms/*").handler(this::authenticate); // a message's state is the operators' business too
        router.route("/admin/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        route(router, HttpMethod.GET, "/admin/audit", Role.ADMIN, this::auditLog);
        // Who the token is: the console shows only the buttons the role may use (the routes refuse the rest anyway).
        route(router, HttpMethod.GET, "/admin/whoami", Role.VIEWER, ctx -> {
            Token who = ctx.get("admin");
            send(ctx, 200, new JsonObject().put("name", who.name()).put("role", who.role().name().toLowerCase(Locale.ROOT)));
        });
    }

    /** Mounts {@code handler} at {@code method path} for callers with at least {@code role}. */
    public void route(Router router, HttpMethod method, String path, Role role, Handler<RoutingContext> handler) {
        routes.add(new RouteInfo(method, path, role));
        router.route(method, path).handler(ctx -> {
            Token who = ctx.get("admin");
            if (who.role().ordinal() < role.ordinal()) {
                ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "this needs the " + role.name().toLowerCase(Locale.ROOT) + " role; "
                                + who.name() + " is " + who.role().name().toLowerCase(Locale.ROOT)).encode());
                return;
            }
            if (method != HttpMethod.GET) {
                ctx.addEndHandler(v -> audit(who, method, ctx.request().path(), ctx.response().getStatusCode()));
            }
            handler.handle(ctx);
        });
    }

    /** Every admin route with the role it needs. */
    public List<RouteInfo> routes() {
        return List.copyOf(routes);
    }

    /**
     * Every sign-in with a token counts against the caller's address before the token is checked (so 40 parallel guesses get 20
     * checks, not 40), and a good one is given back: only failures accumulate. Over the quota: 429 for the rest of
     * the window, whatever the token. Behind a proxy the address is the proxy's: give operators their own way in.
     */
    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null) {
            signedIn(ctx, null); // no token offered: nothing guessed, nothing counted
            return;
        }
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        ctx.request().pause(); // the body waits for the body handler
        signIns.count(store, address).onComplete(ar -> {
            if (ar.failed()) {
                ctx.request().resume();
                ctx.response().setStatusCode(503).end();
                return;
            }
            if (ar.result() > signIns.max()) {
                if (ar.result() == signIns.max() + 1) {
                    LoggerFactory.getLogger(AdminAccess.class).warn("admin sign-ins from {} refused for {}: {} failures",
                            address, signIns.window(), signIns.max());
                }
                ctx.request().resume();
                ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(signIns.window().toSeconds()))
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "too many failed sign-ins from this address; try again later").encode());
                return;
            }
            Token who = token(header);
            if (who != null) signIns.giveBack(store, address);
            else ctx.request().resume(); // a refused body is read and dropped; an accepted one waits for the body handler
            signedIn(ctx, who);
        });
    }

    private Token token(String h) {
        Token found = null;
        if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = Digest.sha256Hex(h.substring(7).strip(), 32).getBytes(StandardCharsets.US_ASCII);
            for (Token t : tokens) {
                // Compared in constant time, and against every token, so timing tells nothing.
                if (MessageDigest.isEqual(given, t.sha256().getBytes(StandardCharsets.US_ASCII))) found = t;
            }
        }
        return found;
    }

    private void signedIn(RoutingContext ctx, Token found) {
        if (found == null) {
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"kentongan-admin\"")
                    .putHeader("Content-Type", "application/json").end(new JsonObject().put("error", "a valid bearer token is required").encode());
            return;
        }
        ctx.put("admin", found);
        ctx.next();
    }

    private void audit(Token who, HttpMethod method, String path, int status) {
        JsonObject e = new JsonObject().put("at", clock.instant().toString()).put("who", who.name()).put("role", who.role().name().toLowerCase(Locale.ROOT))
                .put("what", method.name() + " " + path).put("status", status);
        store.addToSet(store.keys().adminAudit(), e.encode());
    }

    /** Adds an entry of another kind (a menu published from a file, a version rolled back): who, what, before, after. */
    public void audit(String who, String what, String before, String after) {
        store.addToSet(store.keys().adminAudit(), new JsonObject().put("at", clock.instant().toString()).put("who", who).put("what", what)
                .put("before", before).put("after", after).encode());
    }

    private void auditLog(RoutingContext ctx) {
        store.members(store.keys().adminAudit()).onComplete(ar -> {
            if (ar.failed()) {
                ctx.response().setStatusCode(503).end();
                return;
            }
            // ?who=editor&what=campaign&from=2026-12-01&to=2026-12-03: who (exact), what (contains), days (inclusive).
            String who = ctx.queryParams().get("who");
            String what = ctx.queryParams().get("what");
            String from = ctx.queryParams().get("from");
            String to = ctx.queryParams().get("to");
            List<JsonObject> entries = new ArrayList<>(ar.result().stream().map(JsonObject::new).filter(e ->
                    (who == null || who.isBlank() || who.equals(e.getString("who")))
                            && (what == null || what.isBlank() || e.getString("what", "").toLowerCase(Locale.ROOT).contains(what.toLowerCase(Locale.ROOT)))
                            && (from == null || from.isBlank() || e.getString("at", "").compareTo(from) >= 0)
                            && (to == null || to.isBlank() || e.getString("at", "").substring(0, Math.min(10, e.getString("at", "").length())).compareTo(to) <= 0))
                    .toList());
            entries.sort(Comparator.comparing((JsonObject j) -> j.getString("at")).reversed());
            JsonArray list = new JsonArray(new ArrayList<>(entries.subList(0, Math.min(500, entries.size()))));
            ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("entries", list).encode());
        });
    }

    // ---- what every admin route answers with ----

    /** A JSON answer. */
    public static void send(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body.encode());
    }

    /**
     * The one mapping from a failed admin operation to its answer: a wrong request (IllegalArgumentException,
     * ClassCastException) 400, something that is not there (NoSuchElementException) 404, a state that forbids it
     * (IllegalStateException) 409, anything else (the store or a backend not answering) 503 without its details,
     * which go to the log.
     */
    public static void fail(RoutingContext ctx, Throwable e) {
        if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) e = e.getCause();
        if (e instanceof IllegalArgumentException || e instanceof ClassCastException) {
            send(ctx, 400, error(e.getMessage()));
        } else if (e instanceof java.util.NoSuchElementException) {
            send(ctx, 404, error(e.getMessage()));
        } else if (e instanceof IllegalStateException) {
            send(ctx, 409, error(e.getMessage()));
        } else {
            LoggerFactory.getLogger(AdminAccess.class).warn("admin {} {} failed: {}", ctx.request().method(), ctx.normalizedPath(), e.toString());
            send(ctx, 503, error("not available now, try again"));
        }
    }

    public static JsonObject error(String why) {
        return new JsonObject().put("error", why);
    }

    /** The request's JSON object, or null when the body is missing or not a JSON object. */
    public static JsonObject jsonBody(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
