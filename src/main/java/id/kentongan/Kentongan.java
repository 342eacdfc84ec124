package id.kentongan;

import id.kentongan.actions.Actions;
import id.kentongan.actions.StandardActions;
import id.kentongan.admin.Admin;
import id.kentongan.admin.AdminAccess;
import id.kentongan.admin.AdminApi;
import id.kentongan.admin.CommunityAdmin;
import id.kentongan.admin.MenuAdmin;
import id.kentongan.admin.SmsAdmin;
import id.kentongan.backend.BackendClient;
import id.kentongan.campaign.Campaigns;
import id.kentongan.community.Agents;
import id.kentongan.community.Community;
import id.kentongan.community.Groups;
import id.kentongan.community.Ledger;
import id.kentongan.community.ParticipationCounts;
import id.kentongan.member.HttpMembershipService;
import id.kentongan.member.MembershipService;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.MenuDirectory;
import id.kentongan.menu.MenuEngine;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.metrics.Meters;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.OutboxSmsSender;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsChannel;
import id.kentongan.outbox.SmsHistory;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.payment.DokuNotices;
import id.kentongan.payment.DokuPaymentService;
import id.kentongan.payment.HttpPaymentService;
import id.kentongan.payment.MidtransNotices;
import id.kentongan.payment.MidtransPaymentService;
import id.kentongan.payment.PaymentCallback;
import id.kentongan.payment.PaymentOrders;
import id.kentongan.payment.PaymentService;
import id.kentongan.payment.SandboxPaymentService;
import id.kentongan.payment.SandboxPayments;
import id.kentongan.publishing.MenuPublisher;
import id.kentongan.reminder.Reminders;
import id.kentongan.session.SessionStore;
import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.sms.MoHandler;
import id.kentongan.store.Keyspace;
import id.kentongan.store.MemoryTtlStore;
import id.kentongan.store.Once;
import id.kentongan.store.Redis;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Wording;
import id.kentongan.ussd.Funnel;
import id.kentongan.ussd.LoopLag;
import id.kentongan.ussd.SmppInbound;
import id.kentongan.ussd.UssdHttpVerticle;
import id.kentongan.ussd.UssdService;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The composition root: wires one service instance from its configuration, one method per capability (store, menus,
 * backends, SMS, community, USSD, outreach, admin, HTTP), each returning what the next needs. The only class that
 * knows every part; it holds nothing of its own but what it must stop.
 */
public final class Kentongan {
    private static final Logger log = LoggerFactory.getLogger(Kentongan.class);

    private final Vertx vertx;
    private final Store store;
    private final Menus menus;
    private final UssdHttpVerticle http;
    private final String deployment;
    private final SmsChannel sms;
    private final SmppInbound inbound;
    private final MembershipService members;
    private final Outreach.Running outreach;
    private final Admin admin;
    private final Meters meters;
    private final List<Long> timers;

    private final Funnel funnel;
    /** The participation rows' counts, added up in memory and written once a second, and at the stop. */
    private final ParticipationCounts participation;

    /** Where workers give up in the menus (per screen counts; flushed to the store once a second). */
    public Funnel funnel() {
        return funnel;
    }

    private Kentongan(Vertx vertx, Store store, Menus menus, UssdHttpVerticle http, String deployment, SmsChannel sms,
                      SmppInbound inbound, MembershipService members, Outreach.Running outreach, Admin admin, Meters meters,
                      List<Long> timers, Funnel funnel, ParticipationCounts participation) {
        this.funnel = funnel;
        this.participation = participation;
        this.vertx = vertx;
        this.store = store;
        this.menus = menus;
        this.http = http;
        this.deployment = deployment;
        this.sms = sms;
        this.inbound = inbound;
        this.members = members;
        this.outreach = outreach;
        this.admin = admin;
        this.meters = meters;
        this.timers = timers;
    }

    /** The instance's one Redis client (none in embedded mode) and the store over it. */
    /** {@code replicaReads}: the same store, its reads from replicas where there are any (the menu poll). */
    record Store(Optional<Redis> redis, TtlStore ttl, TtlStore replicaReads) {
        Future<Void> close() {
            return ttl.close().compose(v -> redis.map(Redis::close).orElse(Future.succeededFuture()));
        }
    }

    record Menus(MenuRegistry registry, MenuCompiler compiler, MenuDirectory directory, MenuPublisher publisher) {}

    record Backends(MembershipService members, PaymentService payments, Optional<SandboxPaymentService> sandboxPayments,
                    PaymentOrders orders) {}

    /**
     * Starts an instance. {@code embeddedSmsc} starts an SMSC in-process when none is configured (the embedded
     * default): the caller (Main, a test) hands in the simulator, so that production code never names the tools.
     */
    public static Future<Kentongan> start(Vertx vertx, KentonganConfig config, Clock clock, EmbeddedSmsc.Factory embeddedSmsc) {
        Meters meters = new Meters();
        if (config.redisUrl().isPresent() && !config.dataKey().configured()) {
            log.warn("security.dataKey (KENTONGAN_DATA_KEY) is not set: what workers type is sealed with a key made now, which "
                    + "other instances do not have (their dialogues moving here begin again) and which is gone at restart; "
                    + "set the same key on every instance: openssl rand -base64 32");
        }
        Store store = store(vertx, config, meters);
        Menus menus = menus(vertx, config, store, clock);
        OptOuts optOuts = new OptOuts(store.ttl());
        Future<MembershipService> core = members(vertx, config, store, meters, clock);
        Future<SmsChannel> channel = vertx.executeBlocking(() -> SmsChannel.open(vertx, store.redis(), config.keyspace(),
                config.sms().smsc(), config.sms().patience(), config.sms().reclaimIdle(), clock, optOuts.blocking(), embeddedSmsc,
                config.sms().outboxShards()));
        return Future.all(core, channel).compose(both -> {
            SmsChannel smsChannel = both.resultAt(1);
            Backends backends = payments(vertx, config, store, meters, clock, both.resultAt(0));
            SmsHistory history = new SmsHistory(store.ttl(), clock);
            OutboxSmsSender sender = new OutboxSmsSender(smsChannel.outbox(), meters, Optional.of(history));
            smsChannel.meter(meters);
            Ledger ledger = new Ledger(store.ttl());
            Community community = new Community(store.ttl(), backends.members(), new Agents(vertx, store.ttl()),
                    new Groups(store.ttl(), ledger.counts()), ledger, optOuts, sender, clock, config.outreach().ussdCode(), config.dataKey());
            Actions actions = actions(vertx, config, store, clock, backends, community, sender);
            Funnel funnel = new Funnel(store.ttl(), clock);
            LoopLag lag = new LoopLag(config.limits().eventLoops(), config.limits().loopLag());
            meters.gauge("kentongan.ussd.loop_lag_ms", "How late the HTTP event loops read (ms, the worst reading of the last second)", lag::millis);
            meters.gauge("kentongan.ussd.loop_late", "1 while an HTTP event loop runs late past limits.loopLag, sustained: new dialogues are turned away",
                    () -> lag.runningLate() ? 1 : 0);
            UssdService ussd = new UssdService(menus.registry(), new MenuEngine(),
                    new SessionStore(store.ttl(), config.sessionTtl(), config.resumeWindow(), config.dataKey()), actions, clock, meters,
                    config.limits().hops(), funnel, config.limits().hopsInFlight(), lag::runningLate);
            SmppInbound inbound = new SmppInbound(vertx, smsChannel.outbox(),
                    new MoHandler(actions, optOuts, sender, clock, community, config.outreach().ussdCode(), store.ttl(), config.limits().moSms()), ussd, smsChannel.client()).countingWith(meters::sms);
            smsChannel.start(inbound);
            Outreach.Running outreach = Outreach.Running.start(config, store.redis(), backends.members(), sender, smsChannel.outbox(), clock,
                    ledger.counts()::saw);
            Admin admin = admin(vertx, config, store, clock, menus, community, backends, outreach, meters, funnel, smsChannel.outbox(), history);
            PaymentCallback callback = new PaymentCallback(Map.of(config.backends().paymentProvider(), notices(config)),
                    backends.payments(), new Once(vertx, store.ttl(), Duration.ofDays(90), Duration.ZERO), backends.orders(), backends.members(), sender,
                    clock, ledger, new PhoneLanguage(store.ttl(), Wording.standard()));
            List<Long> timers = new ArrayList<>();
            timers.add(outboxBacklogGauge(vertx, smsChannel, meters));
            timers.add(vertx.setPeriodic(1000, t -> funnel.flush()));
            timers.add(vertx.setPeriodic(1000, t -> ledger.counts().flush()));
            Consumer<Router> routes = router -> {
                admin.mount(router); // first: its sign-in guards /admin/* and /sms/*
                serviceRoutes(router, store, menus, smsChannel, meters, callback, admin);
                backends.sandboxPayments().ifPresent(sandbox -> router.post("/sandbox/payments/:code/pay").handler(
                        new SandboxPayments(sandbox, WebClient.create(vertx), config.backends().paymentSecret(), clock)::handle));
            };
            return http(vertx, config, store, menus, ussd, routes, lag).map(deployed -> {
                timers.add(followMenus(vertx, config, menus));
                log.info("Kentongan listening on {}:{} ({} sessions, core {}, payments {}, menus {})", config.httpHost(),
                        deployed.verticle().actualPort(), store.ttl().kind(),
                        config.backends().coreUrl().map(Object::toString).orElse("sandbox"),
                        config.backends().paymentUrl().map(Object::toString).orElse("sandbox"), menus.registry().live().keySet());
                return new Kentongan(vertx, store, menus, deployed.verticle(), deployed.id(), smsChannel, inbound,
                        backends.members(), outreach, admin, meters, timers, funnel, ledger.counts());
            });
        }).recover(e -> store.close().transform(closed -> Future.failedFuture(e))); // a failed start keeps no client open
    }

    /** Redis (one client, timed) when configured; memory otherwise. Keys named by the configured keyspace. */
    static Store store(Vertx vertx, KentonganConfig config, Meters meters) {
        // The connections on Vert.x's own loops: a reply completes its hop's future where the hop runs (issue 18).
        Optional<Redis> redis = config.redisUrl().map(url -> new Redis(url, config.redisTimeout(), vertx));
        if (redis.isEmpty()) {
            TtlStore memory = new MemoryTtlStore().named(config.keyspace());
            return new Store(redis, memory, memory);
        }
        RedisTtlStore ttl = new RedisTtlStore(vertx, redis.get(), config.keyspace()).metered(meters);
        return new Store(redis, ttl, ttl.readingFromReplicas());
    }

    static Menus menus(Vertx vertx, KentonganConfig config, Store store, Clock clock) {
        MenuRegistry registry = new MenuRegistry();
        MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());
        return new Menus(registry, compiler, new MenuDirectory(config.menusDir(), compiler, registry),
                new MenuPublisher(vertx, store.ttl(), compiler, registry, clock).followingFrom(store.replicaReads()));
    }

    /** The core system: over HTTP when configured, else the sandbox in the store. */
    static Future<MembershipService> members(Vertx vertx, KentonganConfig config, Store store, Meters meters, Clock clock) {
        var b = config.backends();
        if (b.coreUrl().isPresent()) {
            return Future.succeededFuture(new HttpMembershipService(new BackendClient(vertx, "core",
                    new BackendClient.Settings(b.coreUrl().get(), b.coreTimeout(), b.circuitMaxFailures(), b.circuitReset())).metered(meters),
                    b.statusCacheTtl()));
        }
        return SandboxMembershipService.open(vertx, store.ttl(), clock, config.sandboxDelay()).map(s -> s);
    }

    /** The payment provider: over HTTP when configured, else the sandbox (which also answers /sandbox/payments). */
    static Backends payments(Vertx vertx, KentonganConfig config, Store store, Meters meters, Clock clock, MembershipService core) {
        var b = config.backends();
        Optional<SandboxPaymentService> sandbox = b.paymentUrl().isEmpty()
                ? Optional.of(new SandboxPaymentService(store.ttl(), clock)) : Optional.empty();
        PaymentService payments = sandbox.<PaymentService>map(s -> s).orElseGet(() -> {
            BackendClient api = new BackendClient(vertx, "payment", new BackendClient.Settings(b.paymentUrl().get(), b.paymentTimeout(),
                    b.circuitMaxFailures(), b.circuitReset())).metered(meters);
            return switch (b.paymentProvider()) {
                case "midtrans" -> new MidtransPaymentService(api, b.paymentSecret(), b.paymentChannel());
                case "doku" -> new DokuPaymentService(api, b.paymentClientId(), b.paymentSecret(), b.paymentChannel(), clock);
                default -> new HttpPaymentService(api);
            };
        });
        return new Backends(core, payments, sandbox, new PaymentOrders(store.ttl()));
    }

    /** How the configured provider's notifications are read: by its adapter's rules, or the own contract's. */
    static PaymentCallback.Notices notices(KentonganConfig config) {
        var b = config.backends();
        return switch (b.paymentUrl().isEmpty() ? "" : b.paymentProvider()) {
            case "midtrans" -> new MidtransNotices(b.paymentSecret());
            case "doku" -> new DokuNotices(b.paymentClientId(), b.paymentSecret(), "/payments/callback/doku");
            default -> PaymentCallback.contract(b.paymentSecret());
        };
    }

    static Actions actions(Vertx vertx, KentonganConfig config, Store store, Clock clock, Backends backends,
                           Community community, OutboxSmsSender sender) {
        // A doubled step waits for the first one's outcome a little less than the action timeout allows.
        Once once = new Once(vertx, store.ttl(), Duration.ofHours(24), config.backendTimeout().multipliedBy(3).dividedBy(5));
        return new Actions(vertx, config.backendTimeout(), once, StandardActions.all(backends.members(), backends.payments(),
                backends.orders(), clock, config.zone(), community, sender, store.ttl(), config.limits(), config.outreach().ussdCode(),
                config.outreach().quietHours(config.zone())));
    }

    static Admin admin(Vertx vertx, KentonganConfig config, Store store, Clock clock, Menus menus, Community community,
                       Backends backends, Outreach.Running outreach, Meters meters, Funnel funnel, SmsOutbox outbox, SmsHistory history) {
        List<AdminAccess.Token> tokens = new ArrayList<>(config.outreach().tokens());
        tokens.add(new AdminAccess.Token("admin", AdminAccess.Role.ADMIN, outreach.adminTokenSha256()));
        AdminAccess access = new AdminAccess(tokens, store.ttl(), clock, config.limits().adminSignIns());
        return new Admin(access, new AdminApi(vertx, access, outreach.campaigns(), config.outreach().ussdCode()),
                new CommunityAdmin(access, community, backends.members(), clock),
                new MenuAdmin(vertx, access, menus.publisher(), menus.registry(), StandardActions.catalog(), funnel, clock),
                new SmsAdmin(vertx, access, outbox, history, backends.members(), community.groups(), outreach.campaigns(), clock), meters);
    }

    /** /metrics, /ready, /sms/:key (for a viewer: a message's state tells who was sent what, when) and the payment provider's callback. */
    static void serviceRoutes(Router router, Store store, Menus menus, SmsChannel sms, Meters meters, PaymentCallback callback,
                              Admin admin) {
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(meters.scrape()));
        router.get("/ready").handler(ctx -> ready(store.ttl(), menus.registry(), sms).onComplete(ar -> {
            JsonObject checks = ar.result();
            boolean ok = checks.stream().allMatch(e -> e.getValue().toString().startsWith("ok"));
            ctx.response().setStatusCode(ok ? 200 : 503).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", ok ? "READY" : "NOT_READY").put("checks", checks).encode());
        }));
        admin.route(router, HttpMethod.GET, "/sms/:key", AdminAccess.Role.VIEWER, ctx -> sms.outbox().state(ctx.pathParam("key")).onComplete(ar -> {
            if (ar.failed()) {
                ctx.response().setStatusCode(503).end();
            } else if (ar.result().isEmpty()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json").end("{\"error\":\"unknown message\"}");
            } else {
                ctx.json(new JsonObject().put("key", ctx.pathParam("key")).put("state", ar.result().get()));
            }
        }));
        router.post("/payments/callback/:provider").handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                .handler(callback::handle);
    }

    /** Read on a worker every 5 s: the gauge itself must never block a scrape. */
    static long outboxBacklogGauge(Vertx vertx, SmsChannel sms, Meters meters) {
        AtomicLong backlog = new AtomicLong();
        meters.gauge("kentongan.sms.outbox.backlog", "SMS queued or unfinished in the outbox", backlog::get);
        return vertx.setPeriodic(1_000, 5_000, t -> vertx.executeBlocking(() -> {
            backlog.set(sms.outbox().backlog());
            return null;
        }, false));
    }

    record Deployed(String id, UssdHttpVerticle verticle) {}

    /** One HTTP verticle per event loop ({@code limits.eventLoops}): Vert.x spreads the socket's connections over them. */
    static Future<Deployed> http(Vertx vertx, KentonganConfig config, Store store, Menus menus, UssdService ussd, Consumer<Router> routes,
                                 LoopLag lag) {
        int loops = config.limits().eventLoops();
        List<UssdHttpVerticle> verticles = new CopyOnWriteArrayList<>();
        AtomicInteger open = new AtomicInteger(); // one connection cap for all the loops' servers
        Supplier<UssdHttpVerticle> newVerticle = () -> {
            UssdHttpVerticle v = new UssdHttpVerticle(ussd, menus.registry(), store.ttl(), config.httpHost(), config.httpPort(), routes,
                    config.limits(), open, lag);
            verticles.add(v);
            return v;
        };
        return vertx.executeBlocking(menus.directory()::scan).compose(report -> shareMenus(menus.publisher(), report).map(report)).compose(report -> {
            if (menus.registry().live().isEmpty()) {
                String why = report.rejected().stream().flatMap(r -> r.problems().stream()).map(Object::toString)
                        .collect(Collectors.joining("\n"));
                return Future.failedFuture(new IllegalStateException("no valid menu in " + config.menusDir().toAbsolutePath()
                        + (why.isEmpty() ? "" : ":\n" + why)));
            }
            return vertx.deployVerticle(newVerticle, new DeploymentOptions().setInstances(loops));
        }).map(id -> new Deployed(id, verticles.get(0)));
    }

    /** The folder (a changed file is a publish) and the live pointers (another instance's or the API's publish). */
    static long followMenus(Vertx vertx, KentonganConfig config, Menus menus) {
        return vertx.setPeriodic(config.menuPollInterval().toMillis(), t -> vertx.executeBlocking(menus.directory()::scan)
                .compose(report -> shareMenus(menus.publisher(), report))
                .onFailure(e -> log.warn("menu versions not synchronised now: {}", e.toString())));
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
    private static Future<JsonObject> ready(TtlStore store, MenuRegistry menus, SmsChannel sms) {
        JsonObject checks = new JsonObject()
                .put("menus", menus.live().isEmpty() ? "no valid menu loaded" : "ok")
                .put("smsc", sms.client().anyBound() ? "ok" : "not bound");
        // Ready while any part of the store answers: a cluster master failing over leaves its workers the busy screen
        // for seconds, and the other masters' workers are served meanwhile (ops/RUNBOOK.md, "Redis failover").
        List<Future<Throwable>> probes = new ArrayList<>();
        for (int i = 0; i < Keyspace.READINESS_PROBES; i++) {
            probes.add(store.get(store.keys().readinessProbe(i)).<Throwable>map(v -> null).otherwise(e -> e));
        }
        return Future.all(probes).map(all -> {
            List<Throwable> failed = probes.stream().map(Future::result).filter(java.util.Objects::nonNull).toList();
            if (failed.isEmpty()) return checks.put("store", "ok");
            if (failed.size() < probes.size()) {
                return checks.put("store", "ok, but " + failed.size() + " of " + probes.size()
                        + " slot ranges not answering (a failover?): their workers get the busy screen");
            }
            return checks.put("store", store.kind() + " not answering: " + failed.get(0).getClass().getSimpleName());
        });
    }

    public int port() {
        return http.actualPort();
    }

    /** Reads the menu folder now instead of at the next poll. */
    public MenuDirectory.Report rescanMenus() {
        return menus.directory().scan();
    }

    /** The SMS side: outbox, SMSC client, and the built-in simulator in embedded mode. */
    public SmsChannel sms() {
        return sms;
    }

    /** The built-in SMSC simulator, when no SMSC is configured. */
    public Optional<EmbeddedSmsc> smsc() {
        return sms.simulator();
    }

    /** The core system this instance talks to (the sandbox in demo mode and tests). */
    public MembershipService members() {
        return members;
    }

    /** Reminders, when sessions are in Redis (they are scheduled there). */
    public Optional<Reminders> reminders() {
        return outreach.reminders();
    }

    /** The client name on every Redis connection of this instance (CLIENT LIST), when it uses Redis. */
    public Optional<String> redisClientName() {
        return store.redis().map(Redis::name);
    }

    /** This instance's meters (what /metrics shows). */
    public Meters meters() {
        return meters;
    }

    /** Every admin route and the role it needs (for the access tests, and ops). */
    public List<AdminAccess.RouteInfo> adminRoutes() {
        return admin.routes();
    }

    /** Campaigns, when sessions are in Redis. */
    public Optional<Campaigns> campaigns() {
        return outreach.campaigns();
    }

    public Future<Void> stop() {
        timers.forEach(vertx::cancelTimer);
        outreach.close();
        return vertx.undeploy(deployment)
                .compose(v -> Future.all(funnel.flush(), participation.flush())) // the last second's counts
                .recover(e -> Future.succeededFuture())
                .compose(v -> vertx.executeBlocking(() -> {
                    sms.close();
                    inbound.close();
                    return null;
                }))
                .compose(v -> store.close());
    }
}
