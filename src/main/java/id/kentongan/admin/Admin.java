package id.kentongan.admin;

import id.kentongan.metrics.Meters;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.LinkedHashMap;
import java.util.List;

/** Every admin route (campaigns, community, menus, SMS, counters) and the operators' console, each behind its role. */
public final class Admin {
    private final AdminAccess access;
    private final AdminApi campaigns;
    private final CommunityAdmin community;
    private final MenuAdmin menus;
    private final Meters meters;
    private final SmsAdmin sms;

    public Admin(AdminAccess access, AdminApi campaigns, CommunityAdmin community, MenuAdmin menus, SmsAdmin sms, Meters meters) {
        this.sms = sms;
        this.access = access;
        this.campaigns = campaigns;
        this.community = community;
        this.menus = menus;
        this.meters = meters;
    }

    public void mount(Router router) {
        access.mount(router);
        campaigns.mount(router);
        community.mount(router);
        menus.mount(router);
        sms.mount(router);
        access.route(router, HttpMethod.GET, "/admin/stats", AdminAccess.Role.VIEWER,
                ctx -> ctx.json(new JsonObject(new LinkedHashMap<String, Object>(meters.snapshot()))));
        // The same counters pushed once a second (server-sent events) while the console is open.
        access.route(router, HttpMethod.GET, "/admin/stats/stream", AdminAccess.Role.VIEWER, this::stream);
        // The operators' console: plain HTML, CSS and JS from the jar (no CDN); it signs in with an admin token.
        router.getWithRegex("^/console$").handler(ctx -> ctx.redirect("/console/"));
        router.route("/console/*").handler(StaticHandler.create("console").setCachingEnabled(false));
    }

    /** Streams at most this long; the page opens another stream after (no connection held forever). */
    static final long STREAM_MILLIS = 10 * 60_000;

    private void stream(io.vertx.ext.web.RoutingContext ctx) {
        var response = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        var vertx = ctx.vertx();
        long started = System.currentTimeMillis();
        Runnable push = () -> response.write("event: stats\ndata: " + new JsonObject(new LinkedHashMap<String, Object>(meters.snapshot())).encode() + "\n\n");
        push.run();
        long timer = vertx.setPeriodic(1000, t -> {
            if (response.closed() || response.ended()) {
                vertx.cancelTimer(t);
            } else if (System.currentTimeMillis() - started > STREAM_MILLIS) {
                vertx.cancelTimer(t);
                response.end();
            } else {
                push.run();
            }
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
    }

    /** Mounts a route outside /admin behind the same sign-in and roles (its prefix must be guarded, see AdminAccess#mount). */
    public void route(Router router, HttpMethod method, String path, AdminAccess.Role role, Handler<RoutingContext> handler) {
        access.route(router, method, path, role, handler);
    }

    /** Every admin route and the role it needs (for the access tests, and ops). */
    public List<AdminAccess.RouteInfo> routes() {
        return access.routes();
    }
}
