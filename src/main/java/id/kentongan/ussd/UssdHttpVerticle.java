package id.kentongan.ussd;

import id.kentongan.menu.MenuRegistry;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.function.Consumer;

/** The HTTP entry: {@code POST /ussd/at}, {@code POST /ussd/hubtel}, {@code GET /health}, and the routes mounted by others. */
public final class UssdHttpVerticle extends VerticleBase {
    static final int BODY_LIMIT = 16 * 1024;
    private final UssdService service;
    private final MenuRegistry menus;
    private final TtlStore store;
    private final String host;
    private final int port;
    private final Consumer<Router> more;
    private HttpServer server;

    /** {@code more} mounts the routes of other parts (payment callbacks) on the same server. */
    public UssdHttpVerticle(UssdService service, MenuRegistry menus, TtlStore store, String host, int port, Consumer<Router> more) {
        this.more = more;
        this.service = service;
        this.menus = menus;
        this.store = store;
        this.host = host;
        this.port = port;
    }

    @Override
    public Future<?> start() {
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
        more.accept(router);
        // The AT hop is the hot path: served without the router and its body handler (see BENCHMARKS.md).
        return vertx.createHttpServer().requestHandler(req -> {
            // A request id for every request: the caller's X-Request-Id, or a new one; echoed so gateways can quote it.
            String id = req.getHeader("X-Request-Id");
            req.response().putHeader("X-Request-Id", id != null && id.matches("[A-Za-z0-9._-]{1,64}") ? id : Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            if (req.method() == HttpMethod.POST && "/ussd/at".equals(req.path())) readBody(req, b -> at.handle(req.response(), b));
            else router.handle(req);
        }).listen(port, host).onSuccess(s -> server = s);
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
        req.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                .end("the body is larger than " + BODY_LIMIT + " bytes");
    }

    public int actualPort() {
        return server.actualPort();
    }
}
