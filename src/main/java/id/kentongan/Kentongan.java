package id.kentongan;

import id.kentongan.member.SandboxMembershipService;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.MenuDirectory;
import id.kentongan.menu.MenuEngine;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.payment.SandboxPaymentService;
import id.kentongan.session.MemoryTtlStore;
import id.kentongan.session.RedisTtlStore;
import id.kentongan.session.SessionStore;
import id.kentongan.session.TtlStore;
import id.kentongan.ussd.Actions;
import id.kentongan.ussd.UssdHttpVerticle;
import id.kentongan.ussd.UssdService;
import id.kentongan.ussd.actions.StandardActions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
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

    private Kentongan(Vertx vertx, TtlStore store, MenuDirectory menuDirectory, UssdHttpVerticle http, long pollTimer,
                      String deployment) {
        this.vertx = vertx;
        this.store = store;
        this.menuDirectory = menuDirectory;
        this.http = http;
        this.pollTimer = pollTimer;
        this.deployment = deployment;
    }

    public static Future<Kentongan> start(Vertx vertx, KentonganConfig config, Clock clock) {
        MenuRegistry registry = new MenuRegistry();
        MenuDirectory menus = new MenuDirectory(config.menusDir(), new MenuCompiler(StandardActions.catalog()), registry);
        TtlStore store = config.redisUrl()
                .<TtlStore>map(url -> new RedisTtlStore(vertx, url, config.redisTimeout()))
                .orElseGet(MemoryTtlStore::new);
        SessionStore sessions = new SessionStore(store, config.sessionTtl(), config.resumeWindow());
        // Sandbox backends until the core-system and payment clients exist (issue 3).
        SandboxMembershipService members = new SandboxMembershipService(vertx, clock, config.sandboxDelay());
        Actions actions = new Actions(vertx, config.backendTimeout(),
                StandardActions.all(members, new SandboxPaymentService(clock), clock, config.zone()));
        UssdService service = new UssdService(registry, new MenuEngine(), sessions, actions);
        UssdHttpVerticle http = new UssdHttpVerticle(service, registry, store, config.httpHost(), config.httpPort());

        return vertx.executeBlocking(menus::scan).compose(report -> {
            if (registry.live().isEmpty()) {
                String why = report.rejected().stream().flatMap(r -> r.problems().stream()).map(Object::toString)
                        .collect(Collectors.joining("\n"));
                return Future.failedFuture(new IllegalStateException("no valid menu in " + config.menusDir().toAbsolutePath()
                        + (why.isEmpty() ? "" : ":\n" + why)));
            }
            return vertx.deployVerticle(http);
        }).map(deployment -> {
            long timer = vertx.setPeriodic(config.menuPollInterval().toMillis(), t -> vertx.executeBlocking(menus::scan));
            log.info("Kentongan listening on {}:{} ({} sessions, menus {})", config.httpHost(), http.actualPort(), store.kind(),
                    registry.live().keySet());
            return new Kentongan(vertx, store, menus, http, timer, deployment);
        });
    }

    public int port() {
        return http.actualPort();
    }

    /** Reads the menu folder now instead of at the next poll. */
    public MenuDirectory.Report rescanMenus() {
        return menuDirectory.scan();
    }

    public Future<Void> stop() {
        vertx.cancelTimer(pollTimer);
        return vertx.undeploy(deployment)
                .recover(e -> Future.succeededFuture())
                .compose(v -> store.close());
    }
}
