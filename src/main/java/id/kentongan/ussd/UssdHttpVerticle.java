package id.kentongan.ussd;

import id.kentongan.menu.MenuRegistry;
import id.kentongan.session.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.function.Consumer;

/** The HTTP entry: {@code POST /ussd/at}, {@code POST /ussd/hubtel}, {@code GET /health}, and the routes mounted by others. */
public final class UssdHttpVerticle extends VerticleBase {
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
        BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
        AtTransport at = new AtTransport(service);
        HubtelTransport hubtel = new HubtelTransport(service);
        router.post("/ussd/at").handler(body).handler(at::handle);
        router.post("/ussd/hubtel").handler(body).handler(hubtel::handle);
        router.get("/health").handler(ctx -> {
            JsonObject live = new JsonObject();
            menus.live().forEach((code, m) -> live.put(code, m.name() + "@" + m.version()));
            ctx.json(new JsonObject().put("status", "UP").put("sessions", store.kind()).put("menus", live));
        });
        more.accept(router);
        return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
    }

    public int actualPort() {
        return server.actualPort();
    }
}
