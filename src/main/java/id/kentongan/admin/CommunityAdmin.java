package id.kentongan.admin;

import id.kentongan.community.Agent;
import id.kentongan.community.Agents;
import id.kentongan.community.Community;
import id.kentongan.community.Groups;
import id.kentongan.community.ParticipationReport;
import id.kentongan.domain.Masking;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.member.MembershipService;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Admin routes of the community channel (after {@code AdminApi}'s bearer-token check on {@code /admin/*}): agents,
 * groups and their members, benefits paid (solidarity notices), and the participation report (JSON or CSV).
 */
public final class CommunityAdmin {
    private static final Logger log = LoggerFactory.getLogger(CommunityAdmin.class);

    private final Community community;
    private final MembershipService members;
    private final Clock clock;
    private final AdminAccess access;

    public CommunityAdmin(AdminAccess access, Community community, MembershipService members, Clock clock) {
        this.access = access;
        this.community = community;
        this.members = members;
        this.clock = clock;
    }

    public void mount(Router router) {
        var viewer = AdminAccess.Role.VIEWER;
        var editor = AdminAccess.Role.EDITOR;
        var admin = AdminAccess.Role.ADMIN;
        access.route(router, HttpMethod.POST, "/admin/agents", admin, this::createAgent);
        access.route(router, HttpMethod.GET, "/admin/agents/:msisdn", viewer, this::agent);
        access.route(router, HttpMethod.POST, "/admin/agents/:msisdn/reset-pin", admin, this::resetPin);
        access.route(router, HttpMethod.POST, "/admin/agents/:msisdn/unlock", admin, this::unlock);
        access.route(router, HttpMethod.GET, "/admin/agents", viewer, this::agents);
        access.route(router, HttpMethod.GET, "/admin/groups", viewer, this::groups);
        access.route(router, HttpMethod.POST, "/admin/groups", editor, this::createGroup);
        access.route(router, HttpMethod.GET, "/admin/groups/:code", viewer, this::group);
        access.route(router, HttpMethod.PUT, "/admin/groups/:code/members", editor, this::setMembers);
        access.route(router, HttpMethod.POST, "/admin/benefits", admin, this::benefit);
        access.route(router, HttpMethod.GET, "/admin/reports/participation", viewer, this::report);
    }

    private void createAgent(RoutingContext ctx) {
        JsonObject b = body(ctx);
        if (b == null) return;
        Optional<Msisdn> m = Msisdn.parse(b.getString("msisdn"));
        String name = b.getString("name");
        if (m.isEmpty()) {
            bad(ctx, "msisdn is missing or not an Indonesian mobile number");
            return;
        }
        if (name == null || !name.strip().matches("[\\p{L} .'\\-]{3,40}")) {
            bad(ctx, "name must be 3-40 letters");
            return;
        }
        List<String> groups = new ArrayList<>();
        for (Object g : b.getJsonArray("groups", new JsonArray())) groups.add(g.toString().strip());
        Agent a = new Agent(m.get(), name.strip().toUpperCase(java.util.Locale.ROOT), b.getString("area", ""), groups);
        Future<Void> groupsExist = Future.all(groups.stream().map(g -> community.groups().find(Groups.code(g))
                .compose(found -> found.isPresent() ? Future.succeededFuture() : community.groups().save(g, Optional.empty()).mapEmpty())).toList()).mapEmpty();
        groupsExist.compose(v -> community.agents().save(a)).onComplete(ar -> {
            if (ar.failed()) {
                unavailable(ctx, ar.cause());
                return;
            }
            log.info("agent {} created for area {}", a.msisdn().masked(), a.area());
            send(ctx, 201, a.toJson());
        });
    }

    private void agent(RoutingContext ctx) {
        Optional<Msisdn> m = Msisdn.parse(ctx.pathParam("msisdn"));
        if (m.isEmpty()) {
            send(ctx, 404, new JsonObject().put("error", "no such agent"));
            return;
        }
        Agents agents = community.agents();
        agents.find(m.get()).compose(a -> {
            if (a.isEmpty()) return Future.succeededFuture((JsonObject) null);
            return Future.all(agents.balance(m.get()), agents.collections(m.get()), community.ledger().registeredBy(m.get()), agents.locked(m.get()))
                    .map(all -> {
                        // The cash behind the balance: each collection (reference, card number, months, amount), newest
                        // references last; at most 100 shown.
                        java.util.Set<String> collected = all.resultAt(1);
                        JsonArray list = new JsonArray();
                        collected.stream().sorted().limit(COLLECTIONS_SHOWN).forEach(c -> {
                            String[] p = c.split("\\|");
                            if (p.length == 4) list.add(new JsonObject().put("reference", p[0]).put("kpj", p[1])
                                    .put("months", Integer.parseInt(p[2])).put("amount", Long.parseLong(p[3])));
                        });
                        return a.get().toJson().put("cashToDeposit", (Long) all.resultAt(0)).put("collections", collected.size())
                                .put("collected", list).put("registered", ((java.util.Set<?>) all.resultAt(2)).size())
                                .put("locked", (Boolean) all.resultAt(3));
                    });
        }).onComplete(ar -> {
            if (ar.failed()) unavailable(ctx, ar.cause());
            else if (ar.result() == null) send(ctx, 404, new JsonObject().put("error", "no such agent"));
            else send(ctx, 200, ar.result());
        });
    }

    static final int COLLECTIONS_SHOWN = 100;
    /** Agents or groups one list answer holds at most (a console page, not an export). */
    static final int LISTED = 500;

    /** Every agent (at most 500): name, area, groups, cash to deposit, locked; the number masked unless the caller is an admin. */
    private void agents(RoutingContext ctx) {
        boolean admin = ((AdminAccess.Token) ctx.get("admin")).role() == AdminAccess.Role.ADMIN;
        Agents agents = community.agents();
        agents.all().compose(numbers -> {
            List<Future<JsonObject>> rows = numbers.stream().sorted().limit(LISTED).map(n -> {
                Msisdn m = new Msisdn(n);
                return Future.all(agents.find(m), agents.balance(m), agents.locked(m)).map(all -> {
                    Optional<Agent> a = all.resultAt(0);
                    if (a.isEmpty()) return (JsonObject) null;
                    return a.get().toJson().put("msisdn", admin ? n : m.masked()).put("cashToDeposit", (Long) all.resultAt(1))
                            .put("locked", (Boolean) all.resultAt(2));
                });
            }).toList();
            return Future.all(rows).map(done -> new JsonObject().put("count", numbers.size()).put("agents",
                    new JsonArray(rows.stream().map(Future::result).filter(java.util.Objects::nonNull).map(Object.class::cast).toList())));
        }).onComplete(ar -> {
            if (ar.failed()) unavailable(ctx, ar.cause());
            else send(ctx, 200, ar.result());
        });
    }

    /** Every group (at most 500) with its coordinator (masked) and member count. */
    private void groups(RoutingContext ctx) {
        community.groups().all().compose(codes -> {
            List<Future<JsonObject>> rows = codes.stream().sorted().limit(LISTED).map(code -> Future.all(community.groups().find(code),
                    community.groups().members(code)).map(all -> {
                Optional<Groups.Group> g = all.resultAt(0);
                java.util.Set<?> members = all.resultAt(1);
                if (g.isEmpty()) return (JsonObject) null;
                JsonObject j = g.get().toJson().put("members", members.size());
                g.get().coordinator().ifPresent(c -> j.put("coordinator", new Msisdn(c).masked()));
                return j;
            })).toList();
            return Future.all(rows).map(done -> new JsonObject().put("count", codes.size()).put("groups",
                    new JsonArray(rows.stream().map(Future::result).filter(java.util.Objects::nonNull).map(Object.class::cast).toList())));
        }).onComplete(ar -> {
            if (ar.failed()) unavailable(ctx, ar.cause());
            else send(ctx, 200, ar.result());
        });
    }

    /** Lifts a PIN lock (three wrong PINs) without resetting the PIN: the agent who remembers it carries on. */
    private void unlock(RoutingContext ctx) {
        onAgent(ctx, m -> community.agents().unlock(m), "unlocked", new JsonObject().put("locked", false));
    }

    private void resetPin(RoutingContext ctx) {
        onAgent(ctx, m -> community.agents().resetPin(m), "PIN reset", new JsonObject().put("pin", "reset: the agent chooses a new one on the next dial"));
    }

    /** Does {@code change} to the agent the path names (404 when there is none) and answers {@code answer} with its number. */
    private void onAgent(RoutingContext ctx, java.util.function.Function<Msisdn, Future<Void>> change, String done, JsonObject answer) {
        Optional<Msisdn> m = Msisdn.parse(ctx.pathParam("msisdn"));
        if (m.isEmpty()) {
            send(ctx, 404, new JsonObject().put("error", "no such agent"));
            return;
        }
        community.agents().find(m.get()).compose(a -> a.isEmpty() ? Future.succeededFuture(false) : change.apply(m.get()).map(true)).onComplete(ar -> {
            if (ar.failed()) {
                unavailable(ctx, ar.cause());
            } else if (!ar.result()) {
                send(ctx, 404, new JsonObject().put("error", "no such agent"));
            } else {
                log.info("agent {}: {} by the admin API", m.get().masked(), done);
                send(ctx, 200, answer.copy().put("msisdn", m.get().value()));
            }
        });
    }

    private void createGroup(RoutingContext ctx) {
        JsonObject b = body(ctx);
        if (b == null) return;
        String name = b.getString("name");
        if (name == null || !name.strip().matches("[\\p{L}0-9 .'\\-]{3,80}")) {
            bad(ctx, "name must be 3-80 letters, digits or spaces");
            return;
        }
        Optional<Msisdn> coordinator = Msisdn.parse(b.getString("coordinator"));
        if (b.getString("coordinator") != null && coordinator.isEmpty()) {
            bad(ctx, "coordinator is not an Indonesian mobile number");
            return;
        }
        community.groups().save(name, coordinator).onComplete(ar -> {
            if (ar.failed()) unavailable(ctx, ar.cause());
            else send(ctx, 201, ar.result().toJson());
        });
    }

    /** The coordinator's view: each member with their status (names abbreviated, numbers masked). */
    private void group(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        LocalDate today = LocalDate.now(clock);
        community.groups().find(code).compose(g -> {
            if (g.isEmpty()) return Future.succeededFuture((JsonObject) null);
            return community.groups().members(code).compose(numbers -> {
                List<Future<JsonObject>> rows = numbers.stream().sorted().map(n -> members.findByMsisdn(new Msisdn(n)).map(m -> {
                    JsonObject r = new JsonObject().put("msisdn", new Msisdn(n).masked());
                    m.ifPresentOrElse(x -> r.put("name", Names.firstName(x.name())).put("kpj", x.kpj())
                                    .put("status", x.status(today).state().name().toLowerCase(java.util.Locale.ROOT))
                                    .put("paidThrough", x.paidThrough() == null ? null : x.paidThrough().toString()),
                            () -> r.put("status", "not_registered"));
                    return r;
                })).toList();
                return Future.all(rows).map(done -> g.get().toJson().put("members",
                        new JsonArray(rows.stream().map(Future::result).map(Object.class::cast).toList())));
            });
        }).onComplete(ar -> {
            if (ar.failed()) unavailable(ctx, ar.cause());
            else if (ar.result() == null) send(ctx, 404, new JsonObject().put("error", "no such group"));
            else send(ctx, 200, ar.result());
        });
    }

    private void setMembers(RoutingContext ctx) {
        JsonObject b = body(ctx);
        if (b == null) return;
        String code = Groups.code(ctx.pathParam("code"));
        JsonArray list = b.getJsonArray("msisdns");
        if (list == null) {
            bad(ctx, "msisdns is missing");
            return;
        }
        List<Msisdn> numbers = new ArrayList<>();
        for (Object o : list) {
            Optional<Msisdn> m = Msisdn.parse(o == null ? null : o.toString());
            if (m.isEmpty()) {
                bad(ctx, "not an Indonesian mobile number: " + o);
                return;
            }
            numbers.add(m.get());
        }
        community.groups().find(code).compose(g -> g.isPresent() ? Future.succeededFuture(g.get())
                        : community.groups().save(ctx.pathParam("code"), Optional.empty()))
                .compose(g -> Future.all(numbers.stream().map(n -> community.groups().join(n, g.code())).toList()).map(g))
                .compose(g -> community.groups().members(g.code()).map(all -> new JsonObject().put("group", g.code()).put("members", all.size())))
                .onComplete(ar -> {
                    if (ar.failed()) unavailable(ctx, ar.cause());
                    else send(ctx, 200, ar.result());
                });
    }

    private void benefit(RoutingContext ctx) {
        JsonObject b = body(ctx);
        if (b == null) return;
        Optional<Msisdn> m = Msisdn.parse(b.getString("msisdn"));
        String kind = b.getString("kind");
        if (m.isEmpty()) {
            bad(ctx, "msisdn (the member's registered number) is missing or not an Indonesian mobile number");
            return;
        }
        if (!"JKM".equals(kind) && !"JKK".equals(kind)) {
            bad(ctx, "kind must be JKM (death benefit to the family) or JKK (work-accident care)");
            return;
        }
        if (!(b.getValue("familyConsent") instanceof Boolean consent)) {
            bad(ctx, "familyConsent must be true or false: the family's recorded consent to tell the group");
            return;
        }
        community.benefitPaid(m.get(), kind, consent).onComplete(ar -> {
            if (ar.failed()) {
                unavailable(ctx, ar.cause());
                return;
            }
            Community.Notice n = ar.result();
            send(ctx, n.state().equals("unknown_member") ? 404 : 200,
                    new JsonObject().put("state", n.state()).put("notified", n.notified()).put("reason", n.reason()));
        });
    }

    /** ?district=33.02.14 (the members of one district, as the NIK names it), ?from=2026-01&to=2026-12 (the month rows), ?format=csv. */
    private void report(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        String district = ctx.queryParams().get("district");
        String from = ctx.queryParams().get("from");
        String to = ctx.queryParams().get("to");
        if (district != null && !district.matches("\\d{2}\\.\\d{2}\\.\\d{2}") || from != null && !from.matches("\\d{4}-\\d{2}") || to != null && !to.matches("\\d{4}-\\d{2}")) {
            bad(ctx, "district is written as the NIK's first six digits name it, such as 33.02.14; from and to are months such as 2026-01");
            return;
        }
        LocalDate today = LocalDate.now(clock);
        new ParticipationReport(community.ledger().counts()).build(today, Optional.ofNullable(district)).onComplete(ar -> {
            if (ar.failed()) {
                unavailable(ctx, ar.cause());
                return;
            }
            var report = ParticipationReport.months(ar.result(), from, to);
            // An agent's row is named by the agent's number: whole for an admin, masked for everyone else.
            if (((AdminAccess.Token) ctx.get("admin")).role() != AdminAccess.Role.ADMIN) {
                var agents = new java.util.TreeMap<String, ParticipationReport.Row>();
                report.get("agent").forEach((key, row) -> agents.put(key.equals("-") ? key : Masking.msisdnLocal(key), row));
                report.put("agent", agents);
            }
            if ("csv".equals(format)) {
                ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader("Content-Disposition", "attachment; filename=\"participation-" + today + (district == null ? "" : "-" + district) + ".csv\"")
                        .end(ParticipationReport.csv(report));
            } else {
                send(ctx, 200, ParticipationReport.json(report, today).put("district", district).put("from", from).put("to", to));
            }
        });
    }

    private static JsonObject body(RoutingContext ctx) {
        JsonObject j = AdminAccess.jsonBody(ctx);
        if (j == null) bad(ctx, "the body must be a JSON object");
        return j;
    }

    private static void bad(RoutingContext ctx, String why) {
        send(ctx, 400, AdminAccess.error(why));
    }

    private static void unavailable(RoutingContext ctx, Throwable e) {
        AdminAccess.fail(ctx, e);
    }

    private static void send(RoutingContext ctx, int status, JsonObject body) {
        AdminAccess.send(ctx, status, body);
    }
}
