package id.kentongan;

import id.kentongan.actions.Actions;
import id.kentongan.admin.AdminAccess;
import id.kentongan.admin.AdminApi;
import id.kentongan.community.Agents;
import id.kentongan.backend.BackendClient;
import id.kentongan.campaign.Campaigns;
import id.kentongan.community.Community;
import id.kentongan.admin.CommunityAdmin;
import id.kentongan.community.Groups;
import id.kentongan.member.HttpMembershipService;
import id.kentongan.payment.HttpPaymentService;
import id.kentongan.community.Ledger;
import id.kentongan.member.MembershipService;
import id.kentongan.store.MemoryTtlStore;
import id.kentongan.admin.MenuAdmin;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.MenuDirectory;
import id.kentongan.menu.MenuEngine;
import id.kentongan.publishing.MenuPublisher;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.metrics.Meters;
import id.kentongan.sms.MoHandler;
import id.kentongan.store.Once;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.OutboxSmsSender;
import id.kentongan.payment.PaymentCallback;
import id.kentongan.payment.PaymentOrders;
import id.kentongan.payment.PaymentService;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.reminder.Reminders;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.payment.SandboxPaymentService;
import id.kentongan.payment.SandboxPayments;
import id.kentongan.session.SessionStore;
import id.kentongan.ussd.SmppInbound;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.actions.StandardActions;
import id.kentongan.store.TtlStore;
import id.kentongan.ussd.UssdHttpVerticle;
import id.kentongan.ussd.UssdService;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Wires one service instance from its configuration: the only place that knows every part. */
public final class Kentongan {
    private static final Logger log = LoggerFactory.getLogger(Kentongan.class);

    private final Vertx vertx;
    private final TtlStore store;
    private final MenuDirectory menuDirectory;
    private final UssdHttpVerticle http;
    private final long pollTimer;
    private final String deployment;
    private final SmsChannel sms;
    private final SmppInbound inbound;
    private final MembershipService members;
    private final Outreach.Running outreach;
    private final AdminAccess access;
    private final long backlogTimer;
    private final Meters meters;

    private Kentongan(Vertx vertx, TtlStore store, MenuDirectory menuDirectory, UssdHttpVerticle http, long pollTimer,
                      String deployment, SmsChannel sms, SmppInbound inbound, MembershipService members, Outreach.Running outreach,
                      AdminAccess access, long backlogTimer, Meters meters) {
        this.access = access;
        this.backlogTimer = backlogTimer;
        this.meters = meters;
        this.members = members;
        this.outreach = outreach;
        this.vertx = vertx;
        this.store = store;
        this.menuDirectory = menuDirectory;
        this.http = http;
        this.pollTimer = pollTimer;
        this.deployment = deployment;
        this.sms = sms;
        this.inbound = inbound;
    }

    /**
     * Starts an instance. {@code embeddedSmsc} starts an SMSC in-process when none is configured (the embedded
     * default): the caller (Main, a test) hands in the simulator, so that production code never names the tools.
     */
    public static Future<Kentongan> start(Vertx vertx, KentonganConfig config, Clock clock, EmbeddedSmsc.Factory embeddedSmsc) {
        MenuRegistry registry = new MenuRegistry();
        MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());
        MenuDirectory menus = new MenuDirectory(config.menusDir(), compiler, registry);
        Meters meters = new Meters();
        TtlStore store = config.redisUrl()
                .<TtlStore>map(url -> new RedisTtlStore(vertx, url, config.redisTimeout()).metered(meters))
                .orElseGet(MemoryTtlStore::new);
        SessionStore sessions = new SessionStore(store, config.sessionTtl(), config.resumeWindow());
        Backends b = config.backends();
        Future<MembershipService> members = b.coreUrl().isPresent()
                ? Future.succeededFuture(new HttpMembershipService(new BackendClient(vertx, "core",
                        new BackendClient.Settings(b.coreUrl().get(), b.coreTimeout(), b.circuitMaxFailures(), b.circuitReset())).metered(meters),
                        b.statusCacheTtl()))
                : SandboxMembershipService.open(vertx, store, clock, config.sandboxDelay(), b.sandboxNamespace()).map(s -> s);
        SandboxPaymentService sandboxPay = b.paymentUrl().isEmpty() ? new SandboxPaymentService(store, clock) : null;
        PaymentService payments = b.paymentUrl().isPresent()
                ? new HttpPaymentService(new BackendClient(vertx, "payment",
                        new BackendClient.Settings(b.paymentUrl().get(), b.paymentTimeout(), b.circuitMaxFailures(), b.circuitReset())).metered(meters))
                : sandboxPay;
        PaymentOrders orders = new PaymentOrders(store);
        Sms smsSettings = config.sms();
        // A doubled step waits for the first one's outcome a little less than the action timeout allows.
        Once once = new Once(vertx, store, Duration.ofHours(24), config.backendTimeout().multipliedBy(3).dividedBy(5));

        OptOuts optOuts = new OptOuts(store);
        Future<SmsChannel> channel = vertx.executeBlocking(() -> SmsChannel.open(vertx, config.redisUrl(), smsSettings.smsc(),
                smsSettings.namespace(), smsSettings.patience(), smsSettings.reclaimIdle(), clock, optOuts.blocking(), embeddedSmsc));
        return Future.all(members, channel).compose(both -> {
            MembershipService core = both.resultAt(0);
            SmsChannel smsChannel = both.resultAt(1);
            OutboxSmsSender sms = new OutboxSmsSender(smsChannel.outbox(), meters);
            smsChannel.meter(meters);
            Ledger ledger = new Ledger(store, config.outreach().namespace());
            Community community = new Community(store, core,
                    new Agents(vertx, store), new Groups(store),
                    ledger, optOuts, sms, clock, config.outreach().ussdCode());
            Actions actions = new Actions(vertx, config.backendTimeout(), once,
                    StandardActions.all(core, payments, orders, clock, config.zone(), community, sms));
            UssdService service = new UssdService(registry, new MenuEngine(), sessions, actions, clock, meters);
            PaymentCallback callback = new PaymentCallback(Map.of(b.paymentProvider(), b.paymentSecret()),
                    new Once(vertx, store, Duration.ofDays(90), Duration.ZERO), orders, core, sms, clock, ledger);
            SmppInbound inbound = new SmppInbound(vertx, smsChannel.outbox(),
                    new MoHandler(actions, optOuts, sms, clock, community), service, smsChannel.client()).countingWith(meters::sms);
            smsChannel.start(inbound);
            Outreach.Running running = Outreach.Running.start(config, core, sms, smsChannel.outbox(), clock);
            java.util.List<AdminAccess.Token> tokens = new java.util.ArrayList<>(config.outreach().tokens());
            tokens.add(new AdminAccess.Token("admin", AdminAccess.Role.ADMIN, running.adminTokenSha256()));
            AdminAccess access = new AdminAccess(tokens, store, clock);
            AdminApi admin = new AdminApi(vertx, access, running.campaigns(), config.outreach().ussdCode());
            MenuPublisher publisher = new MenuPublisher(vertx, store,
                    config.outreach().namespace(), compiler, registry, clock);
            java.util.concurrent.atomic.AtomicLong backlog = new java.util.concurrent.atomic.AtomicLong();
            meters.gauge("kentongan.sms.outbox.backlog", "SMS queued or unfinished in the outbox", backlog::get);
            // Read off the event loop every 5 s: the gauge itself must never block a scrape.
            long backlogTimer = vertx.setPeriodic(1_000, 5_000, t -> vertx.executeBlocking(() -> {
                backlog.set(smsChannel.outbox().backlog());
                return null;
            }, false));
            Consumer<Router> payRoutes = router -> {
                router.get("/metrics").handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape()));
                router.get("/ready").handler(ctx -> ready(store, registry, smsChannel).onComplete(ar -> {
                    io.vertx.core.json.JsonObject checks = ar.result();
                    boolean ok = checks.stream().allMatch(e -> "ok".equals(e.getValue()));
                    ctx.response().setStatusCode(ok ? 200 : 503).putHeader("Content-Type", "application/json")
                            .end(new io.vertx.core.json.JsonObject().put("status", ok ? "READY" : "NOT_READY").put("checks", checks).encode());
                }));
                router.get("/sms/:key").handler(ctx -> smsChannel.outbox().state(ctx.pathParam("key")).onComplete(ar -> {
                    if (ar.failed()) {
                        ctx.response().setStatusCode(503).end();
                    } else if (ar.result().isEmpty()) {
                        ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"error\":\"unknown message\"}");
                    } else {
                        ctx.json(new io.vertx.core.json.JsonObject().put("key", ctx.pathParam("key")).put("state", ar.result().get()));
                    }
                }));
                router.post("/payments/callback/:provider").handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                        .handler(callback::handle);
                access.mount(router);
                admin.mount(router);
                new CommunityAdmin(access, community, core, clock).mount(router);
                new MenuAdmin(vertx, access, publisher, registry, StandardActions.catalog()).mount(router);
                access.route(router, io.vertx.core.http.HttpMethod.GET, "/admin/stats", AdminAccess.Role.VIEWER,
                        ctx -> ctx.json(new io.vertx.core.json.JsonObject(new java.util.LinkedHashMap<String, Object>(meters.snapshot()))));
                // The operators' console: plain HTML, CSS and JS from the jar (no CDN); it signs in with an admin token.
                router.getWithRegex("^/console$").handler(ctx -> ctx.redirect("/console/"));
                router.route("/console/*").handler(io.vertx.ext.web.handler.StaticHandler.create("console").setCachingEnabled(false));
                if (sandboxPay != null) {
                    SandboxPayments pay = new SandboxPayments(sandboxPay, WebClient.create(vertx), b.paymentSecret(), clock);
                    router.post("/sandbox/payments/:code/pay").handler(pay::handle);
                }
            };
            // One HTTP verticle per core: Vert.x spreads the listening socket's connections over their event loops.
            int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
            java.util.List<UssdHttpVerticle> verticles = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.function.Supplier<UssdHttpVerticle> newVerticle = () -> {
                UssdHttpVerticle v = new UssdHttpVerticle(service, registry, store, config.httpHost(), config.httpPort(), payRoutes);
                verticles.add(v);
                return v;
            };
            return vertx.executeBlocking(menus::scan).compose(report -> shareMenus(publisher, report).map(report)).compose(report -> {
                if (registry.live().isEmpty()) {
                    String why = report.rejected().stream().flatMap(r -> r.problems().stream()).map(Object::toString)
                            .collect(Collectors.joining("\n"));
                    return Future.failedFuture(new IllegalStateException("no valid menu in " + config.menusDir().toAbsolutePath()
                            + (why.isEmpty() ? "" : ":\n" + why)));
                }
                return vertx.deployVerticle(newVerticle, new io.vertx.core.DeploymentOptions().setInstances(loops));
            }).map(deployment -> {
                UssdHttpVerticle http = verticles.get(0);
                // The folder (a changed file is a publish) and the live pointers (another instance's or the API's publish).
                long timer = vertx.setPeriodic(config.menuPollInterval().toMillis(), t -> vertx.executeBlocking(menus::scan)
                        .compose(report -> shareMenus(publisher, report))
                        .onFailure(e -> log.warn("menu versions not synchronised now: {}", e.toString())));
                log.info("Kentongan listening on {}:{} ({} sessions, core {}, payments {}, menus {})", config.httpHost(),
                        http.actualPort(), store.kind(), b.coreUrl().map(Object::toString).orElse("sandbox"),
                        b.paymentUrl().map(Object::toString).orElse("sandbox"), registry.live().keySet());
                return new Kentongan(vertx, store, menus, http, timer, deployment, smsChannel, inbound, core, running, access,
                        backlogTimer, meters);
            });
        });
    }

    /** Publishes what the folder scan found changed, then follows the live pointers. */
    private static Future<Void> shareMenus(MenuPublisher publisher, MenuDirectory.Report report) {
        Future<Void> published = Future.all(report.published().stream()
                .map(m -> publisher.fromFile(m, report.texts().get(m.version()))).toList()).mapEmpty();
        return published.compose(v -> publisher.sync()).recover(e -> {
            log.warn("menu versions not shared now (the store is not answering): {}", e.toString());
            return Future.succeededFuture();
        });
    }

    /** Redis (or memory) answering, menus loaded, the SMSC bound: each "ok" or why not. Never fails. */
    private static Future<io.vertx.core.json.JsonObject> ready(TtlStore store, MenuRegistry menus, SmsChannel sms) {
        io.vertx.core.json.JsonObject checks = new io.vertx.core.json.JsonObject()
                .put("menus", menus.live().isEmpty() ? "no valid menu loaded" : "ok")
                .put("smsc", sms.client().anyBound() ? "ok" : "not bound");
        return store.get("kt:ready").map(v -> checks.put("store", "ok"))
                .otherwise(e -> checks.put("store", store.kind() + " not answering: " + e.getClass().getSimpleName()));
    }

    public int port() {
        return http.actualPort();
    }

    /** Reads the menu folder now instead of at the next poll. */
    public MenuDirectory.Report rescanMenus() {
        return menuDirectory.scan();
    }

    /** The SMS side: outbox, SMSC client, and the built-in simulator in embedded mode. */
    public SmsChannel sms() {
        return sms;
    }

    /** The built-in SMSC simulator, when no SMSC is configured. */
    public java.util.Optional<EmbeddedSmsc> smsc() {
        return sms.simulator();
    }

    /** The core system this instance talks to (the sandbox in demo mode and tests). */
    public MembershipService members() {
        return members;
    }

    /** Reminders, when sessions are in Redis (they are scheduled there). */
    public java.util.Optional<Reminders> reminders() {
        return outreach.reminders();
    }

    /** This instance's meters (what /metrics shows). */
    public Meters meters() {
        return meters;
    }

    /** Every admin route and the role it needs (for the access tests, and ops). */
    public java.util.List<AdminAccess.RouteInfo> adminRoutes() {
        return access.routes();
    }

    /** Campaigns, when sessions are in Redis. */
    public java.util.Optional<Campaigns> campaigns() {
        return outreach.campaigns();
    }

    public Future<Void> stop() {
        vertx.cancelTimer(pollTimer);
        vertx.cancelTimer(backlogTimer);
        outreach.close();
        return vertx.undeploy(deployment)
                .recover(e -> Future.succeededFuture())
                .compose(v -> vertx.executeBlocking(() -> {
                    sms.close();
                    inbound.close();
                    return null;
                }))
                .compose(v -> store.close());
    }
}
