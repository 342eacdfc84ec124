package id.kentongan.ussd;

import id.kentongan.menu.MenuRegistry;
import id.kentongan.store.Limits;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The HTTP entry: {@code POST /ussd/at}, {@code POST /ussd/hubtel}, {@code GET /health}, and the routes mounted by others.
 * Bounded against slow and piled-up connections: at most {@code limits.httpConnections} open (shared by the event
 * loops' servers), a whole request head within {@code httpHeaderTimeout} of connecting, none idle past
 * {@code httpIdleTimeout}. Every 4xx is logged at WARN with its route (long numbers in the path, phone numbers
 * and NIKs, masked).
 */
public final class UssdHttpVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(UssdHttpVerticle.class);
    static final int BODY_LIMIT = 16 * 1024;
    private final UssdService service;
    private final MenuRegistry menus;
    private final TtlStore store;
    private final String host;
    private final int port;
    private final Consumer<Router> more;
    private HttpServer server;
    private final Limits limits;
    private final AtomicInteger open;
    private final LoopLag lag;
    private LoopLag.Watch watch;
    /** Connections that have not yet sent a whole request head, with their deadline timer (this loop's only). */
    private final Map<HttpConnection, Long> awaitingHead = new HashMap<>();

    /** {@code more} mounts the routes of other parts (payment callbacks) on the same server. */
    public UssdHttpVerticle(UssdService service, MenuRegistry menus, TtlStore store, String host, int port, Consumer<Router> more,
                            Limits limits, AtomicInteger open, LoopLag lag) {
        this.lag = lag;
        this.limits = limits;
        this.open = open;
        this.more = more;
        this.service = service;
        this.menus = menus;
        this.store = store;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        watch = lag.watch(vertx); // this verticle's loop
        Router router = Router.router(vertx);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        AtTransport at = new AtTransport(service);
        HubtelTransport hubtel = new HubtelTransport(service);
        router.post("/ussd/hubtel").handler(body).handler(hubtel::handle);
        router.get("/health").handler(ctx -> {
            JsonObject live = new JsonObject();
            menus.live().forEach((code, m) -> live.put(code, m.name() + "@" + m.version()));
            ctx.json(new JsonObject().put("status", "UP").put("sessions", store.kind()).put("menus", live));
        });
        router.route().order(-1).handler(ctx -> {
            ctx.addEndHandler(v -> {
                int status = ctx.response().getStatusCode();
                if (status >= 400 && status < 500) log.warn("{} {} answered {}", ctx.request().method(), route(ctx), status);
            });
            ctx.next();
        });
        more.accept(router);
        // A failed route (a body over its limit, an exception): a JSON answer, WARN for the caller's fault, ERROR for ours.
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
            if (status >= 500) log.error("{} {} failed", ctx.request().method(), route(ctx), ctx.failure());
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(new JsonObject().put("error", status == 413 ? "the body is too large" : status >= 500 ? "internal error" : "bad request").encode());
            }
        });
        // No h2c: its protocol sniffing waits for the first bytes before a connection exists, so one that sends nothing
        // would escape the cap and the head deadline. Gateways speak HTTP/1.1.
        HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false).setIdleTimeout((int) Math.max(1, limits.httpIdleTimeout().toSeconds()))
                .setIdleTimeoutUnit(TimeUnit.SECONDS).setMaxInitialLineLength(4096).setMaxHeaderSize(8192);
        // The AT hop is the hot path: served without the router and its body handler (see BENCHMARKS.md).
        return vertx.createHttpServer(options).connectionHandler(this::admit).requestHandler(req -> {
            Long deadline = awaitingHead.remove(req.connection());
            if (deadline != null) vertx.cancelTimer(deadline);
            // A request id for every request: the caller's X-Request-Id ([A-Za-z0-9._-]{1,64}, checked without a regex: every
            // hop), or a new one; echoed so gateways can quote it.
            String given = req.getHeader(REQUEST_ID);
            String id = given != null && AtTransport.sessionId(given) && given.indexOf(':') < 0 ? given
                    : Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
            req.response().putHeader(REQUEST_ID, id);
            if (req.method() == HttpMethod.POST && "/ussd/at".equals(req.path())) readBody(req, b -> at.handle(req.response(), b, id));
            else router.handle(req);
        }).listen(port, host).onSuccess(s -> server = s);
    }

    /** One more connection, if there is room; it must send a request head in time. */
    private void admit(HttpConnection c) {
        int now = open.incrementAndGet();
        c.closeHandler(v -> {
            open.decrementAndGet();
            Long deadline = awaitingHead.remove(c);
            if (deadline != null) vertx.cancelTimer(deadline);
        });
        if (now > limits.httpConnections()) {
            if (now == limits.httpConnections() + 1) log.warn("{} HTTP connections open: closing new ones", limits.httpConnections());
            c.close();
            return;
        }
        awaitingHead.put(c, vertx.setTimer(limits.httpHeaderTimeout().toMillis(), t -> {
            if (awaitingHead.remove(c) != null) c.close();
        }));
    }

    /** Looked up and set on every request: a name made once (Vert.x's optimized header name). */
    static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");

    /** The id this request's answer carries (set before any route runs), for the log lines its hop causes. */
    static String requestId(RoutingContext ctx) {
        return ctx.response().headers().get(REQUEST_ID);
    }

    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("\\d{6,}");

    /** The path with every long number (a phone number, a NIK) replaced: what a log line may say of a route. */
    private static String route(RoutingContext ctx) {
        String p = NUMBERS.matcher(ctx.normalizedPath()).replaceAll("*");
        return p.length() > 100 ? p.substring(0, 100) + "…" : p;
    }

    /** Collects the body up to {@link #BODY_LIMIT} bytes; a larger one is answered 413 and never buffered whole. */
    static void readBody(HttpServerRequest req, Handler<Buffer> then) {
        int declared = declaredLength(req);
        if (declared > BODY_LIMIT) {
            tooLarge(req);
            return;
        }
        Buffer body = Buffer.buffer(declared < 0 ? 256 : declared);
        req.handler(chunk -> {
            if (body.length() + chunk.length() > BODY_LIMIT) {
                req.handler(null);
                tooLarge(req);
            } else {
                body.appendBuffer(chunk);
            }
        });
        req.endHandler(v -> {
            if (!req.response().ended()) then.handle(body);
        });
    }

    /** Content-Length, -1 when absent, or more than the limit when it is not a sensible number. */
    private static int declaredLength(HttpServerRequest req) {
        String v = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (v == null) return -1;
        try {
            long n = Long.parseLong(v.strip());
            return n < 0 || n > BODY_LIMIT ? BODY_LIMIT + 1 : (int) n;
        } catch (NumberFormatException e) {
            return BODY_LIMIT + 1;
        }
    }

    private static void tooLarge(HttpServerRequest req) {
        log.warn("{} {} answered 413", req.method(), req.path());
        req.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                .end("the body is larger than " + BODY_LIMIT + " bytes");
    }

    @Override
    public Future<?> stop() {
        if (watch != null) watch.stop();
        return Future.succeededFuture();
    }

    public int actualPort() {
        return server.actualPort();
    }
}
