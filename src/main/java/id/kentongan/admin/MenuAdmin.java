package id.kentongan.admin;

import id.kentongan.menu.ActionSpec;
import id.kentongan.menu.InvalidMenuException;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.menu.MenuProblem;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.menu.Pages;
import id.kentongan.menu.ProblemWords;
import id.kentongan.menu.Reply;
import id.kentongan.publishing.MenuPublisher;
import id.kentongan.text.Gsm7;
import id.kentongan.ussd.Funnel;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeoutException;

import static id.kentongan.admin.AdminAccess.error;
import static id.kentongan.admin.AdminAccess.jsonBody;
import static id.kentongan.admin.AdminAccess.send;

/**
 * Menus through the admin API: list, get (live or any version), validate, publish, roll back, diff two versions, and
 * preview a screen with sample values. A menu is sent as the YAML text itself (Content-Type text/yaml or
 * application/yaml) or as JSON {"file", "text"}. An invalid menu changes nothing and is answered 400 with every
 * problem (file, line, screen, message).
 */
public final class MenuAdmin {
    private final Vertx vertx;
    private final AdminAccess access;
    private final MenuPublisher publisher;
    private final MenuRegistry registry;
    private final DraftRun drafts;
    private final Funnel funnel;
    private final java.time.Clock clock;

    public MenuAdmin(Vertx vertx, AdminAccess access, MenuPublisher publisher, MenuRegistry registry,
                     Map<String, ActionSpec> catalog, Funnel funnel, java.time.Clock clock) {
        this.funnel = funnel;
        this.clock = clock;
        this.drafts = new DraftRun(catalog);
        this.vertx = vertx;
        this.access = access;
        this.publisher = publisher;
        this.registry = registry;
    }

    public void mount(Router router) {
        access.route(router, HttpMethod.GET, "/admin/menus", AdminAccess.Role.VIEWER, this::list);
        access.route(router, HttpMethod.POST, "/admin/menus/validate", AdminAccess.Role.VIEWER, ctx -> compiled(ctx, (menu, text) ->
                Future.succeededFuture(new JsonObject().put("valid", true).put("serviceCode", menu.serviceCode()).put("version", menu.version()))));
        access.route(router, HttpMethod.POST, "/admin/menus/preview", AdminAccess.Role.VIEWER, this::preview);
        access.route(router, HttpMethod.POST, "/admin/menus", AdminAccess.Role.EDITOR, ctx -> compiled(ctx, (menu, text) -> {
            String before = registry.current(menu.serviceCode()).map(Menu::version).orElse("-");
            AdminAccess.Token who = ctx.get("admin");
            return publisher.publish(menu, text, "api " + who.name()).map(m -> {
                access.audit(who.name(), "publish menu " + m.serviceCode(), before, m.version());
                ctx.response().setStatusCode(201);
                return new JsonObject().put("serviceCode", m.serviceCode()).put("version", m.version()).put("before", before);
            });
        }));
        access.route(router, HttpMethod.POST, "/admin/menus/simulate", AdminAccess.Role.VIEWER, this::simulate);
        access.route(router, HttpMethod.POST, "/admin/menus/draft-diff", AdminAccess.Role.VIEWER, this::draftDiff);
        access.route(router, HttpMethod.GET, "/admin/menus/:code", AdminAccess.Role.VIEWER, this::get);
        access.route(router, HttpMethod.GET, "/admin/menus/:code/versions/:version", AdminAccess.Role.VIEWER, ctx ->
                publisher.text(code(ctx), ctx.pathParam("version")).onComplete(ar -> {
                    if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
                    else if (ar.result().isEmpty()) send(ctx, 404, error("no such version"));
                    else ctx.response().putHeader("Content-Type", "text/yaml; charset=utf-8").end(ar.result().get());
                }));
        access.route(router, HttpMethod.POST, "/admin/menus/:code/rollback", AdminAccess.Role.EDITOR, this::rollback);
        access.route(router, HttpMethod.GET, "/admin/menus/:code/diff", AdminAccess.Role.VIEWER, this::diff);
        access.route(router, HttpMethod.GET, "/admin/menus/:code/funnel", AdminAccess.Role.VIEWER, this::funnel);
    }

    /** ?from=2026-12-01&to=2026-12-03 (days in the service's zone; today when left out): where workers give up. */
    private void funnel(RoutingContext ctx) {
        java.time.LocalDate from;
        java.time.LocalDate to;
        try {
            java.time.LocalDate today = java.time.LocalDate.now(clock);
            to = java.util.Optional.ofNullable(ctx.queryParams().get("to")).map(java.time.LocalDate::parse).orElse(today);
            from = java.util.Optional.ofNullable(ctx.queryParams().get("from")).map(java.time.LocalDate::parse).orElse(to);
        } catch (java.time.format.DateTimeParseException e) {
            send(ctx, 400, error("from and to are days such as 2026-12-01"));
            return;
        }
        String code = code(ctx);
        java.util.List<String> order = registry.current(code).map(Funnel::shownScreens).orElse(java.util.List.of());
        funnel.read(code, from, to, order).onComplete(ar -> {
            if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
            else send(ctx, 200, ar.result().put("liveVersion", registry.current(code).map(Menu::version).orElse(null)));
        });
    }

    /** A service code in a path: "*567#" is written %2A567%23 or plainly 567 (taken as *567#). */
    private static String code(RoutingContext ctx) {
        String c = ctx.pathParam("code");
        return c.startsWith("*") ? c : "*" + c.replace('-', '*') + "#";
    }

    private interface WithMenu {
        Future<JsonObject> run(Menu menu, String text);
    }

    private void compiled(RoutingContext ctx, WithMenu then) {
        String type = ctx.request().getHeader("Content-Type");
        String file;
        String text;
        if (type != null && type.contains("json")) {
            JsonObject j;
            try {
                j = ctx.body().asJsonObject();
            } catch (RuntimeException e) {
                j = null;
            }
            if (j == null || j.getString("text") == null) {
                send(ctx, 400, error("send the YAML itself (text/yaml), or JSON {\"file\": \"bpu.yaml\", \"text\": \"...\"}"));
                return;
            }
            file = j.getString("file", "upload.yaml");
            text = j.getString("text");
        } else {
            file = ctx.queryParams().get("file") == null ? "upload.yaml" : ctx.queryParams().get("file");
            text = ctx.body().asString();
        }
        if (text != null && refusedAsTooBig(ctx, text)) return;
        if (text == null || text.isBlank()) {
            send(ctx, 400, error("the menu is empty"));
            return;
        }
        vertx.executeBlocking(() -> publisher.compile(file, text), false).onComplete(ar -> {
            if (ar.failed()) {
                if (ar.cause() instanceof InvalidMenuException e) {
                    send(ctx, 400, new JsonObject().put("valid", false).put("problems", problems(e.problems())));
                } else {
                    AdminAccess.fail(ctx, ar.cause());
                }
                return;
            }
            then.run(ar.result(), text).onComplete(done -> {
                if (done.failed()) send(ctx, 503, error("not published: " + done.cause().getMessage()));
                else send(ctx, ctx.response().getStatusCode() == 201 ? 201 : 200, done.result());
            });
        });
    }

    static JsonArray problems(List<MenuProblem> problems) {
        JsonArray out = new JsonArray();
        for (MenuProblem p : problems) {
            out.add(new JsonObject().put("file", p.file()).put("line", p.line()).put("screen", p.screen()).put("message", p.message())
                    .put("messages", new JsonObject().put("en", p.message()).put("id", ProblemWords.indonesian(p.message())))
                    .put("text", p.toString()));
        }
        return out;
    }

    private void list(RoutingContext ctx) {
        JsonArray out = new JsonArray();
        new java.util.TreeMap<>(registry.live()).forEach((code, m) -> out.add(new JsonObject().put("serviceCode", code).put("name", m.name())
                .put("version", m.version()).put("file", m.file())));
        send(ctx, 200, new JsonObject().put("menus", out));
    }

    private void get(RoutingContext ctx) {
        String code = code(ctx);
        Future.all(publisher.versions(code), publisher.live(code)).compose(both -> {
            List<MenuPublisher.Version> versions = both.resultAt(0);
            java.util.Optional<String> live = both.resultAt(1);
            if (live.isEmpty()) return Future.succeededFuture((JsonObject) null);
            return publisher.text(code, live.get()).map(text -> {
                JsonArray vs = new JsonArray();
                versions.forEach(v -> vs.add(new JsonObject().put("version", v.version()).put("at", v.at().toString())
                        .put("source", v.source()).put("live", v.live())));
                return new JsonObject().put("serviceCode", code).put("live", live.get()).put("text", text.orElse("")).put("versions", vs);
            });
        }).onComplete(ar -> {
            if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
            else if (ar.result() == null) send(ctx, 404, error("no menu published for " + code));
            else send(ctx, 200, ar.result());
        });
    }

    private void rollback(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || body.getString("version") == null) {
            send(ctx, 400, error("send {\"version\": \"…\"}: the version to make live again"));
            return;
        }
        String code = code(ctx);
        String before = registry.current(code).map(Menu::version).orElse("-");
        AdminAccess.Token who = ctx.get("admin");
        String version = body.getString("version");
        publisher.rollback(code, version, who.name()).onComplete(ar -> {
            if (ar.failed()) {
                send(ctx, ar.cause() instanceof NoSuchElementException ? 404 : 409, error(ar.cause().getMessage()));
                return;
            }
            access.audit(who.name(), "roll back menu " + code, before, version);
            send(ctx, 200, new JsonObject().put("serviceCode", code).put("version", version).put("before", before));
        });
    }

    private void diff(RoutingContext ctx) {
        String code = code(ctx);
        String from = ctx.queryParams().get("from");
        String to = ctx.queryParams().get("to");
        if (from == null || to == null) {
            send(ctx, 400, error("give ?from=<version>&to=<version>"));
            return;
        }
        Future.all(publisher.text(code, from), publisher.text(code, to)).onComplete(ar -> {
            if (ar.failed()) {
                AdminAccess.fail(ctx, ar.cause());
                return;
            }
            java.util.Optional<String> a = ar.result().resultAt(0);
            java.util.Optional<String> b = ar.result().resultAt(1);
            if (a.isEmpty() || b.isEmpty()) {
                send(ctx, 404, error("no such version"));
                return;
            }
            send(ctx, 200, new JsonObject().put("from", from).put("to", to).put("lines", new JsonArray(LineDiff.of(a.get(), b.get()))));
        });
    }

    private void preview(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null || body.getString("screen") == null) {
            send(ctx, 400, error("send {\"serviceCode\" or \"text\", \"screen\", \"lang\", \"values\": {…}}"));
            return;
        }
        JsonObject b = body;
        if (b.getString("text") != null && refusedAsTooBig(ctx, b.getString("text"))) return;
        Map<String, String> values = new HashMap<>();
        b.getJsonObject("values", new JsonObject()).forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
        vertx.<List<String>>executeBlocking(() -> {
            Menu m = b.getString("text") != null ? publisher.compile(b.getString("file", "draft.yaml"), b.getString("text"))
                    : registry.current(b.getString("serviceCode", "*567#")).orElseThrow(() -> new IllegalArgumentException("no such menu"));
            return Pages.preview(m, b.getString("screen"), b.getString("lang", m.defaultLanguage()), values);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) send(ctx, 200, new JsonObject().put("screen", b.getString("screen")).put("pages", new JsonArray(new java.util.ArrayList<Object>(ar.result()))));
            else if (ar.cause() instanceof InvalidMenuException e) send(ctx, 400, new JsonObject().put("problems", problems(e.problems())));
            else send(ctx, 400, error(ar.cause().getMessage()));
        });
    }

    /** The console's phone: a draft menu played with the inputs so far, actions answered with sample outcomes. */
    private void simulate(RoutingContext ctx) {
        JsonObject b = jsonBody(ctx);
        if (b == null || b.getString("text") == null) {
            send(ctx, 400, error("send {\"text\": the draft menu, \"inputs\": [...], \"lang\": \"id\"}"));
            return;
        }
        if (refusedAsTooBig(ctx, b.getString("text"))) return;
        List<String> inputs = b.getJsonArray("inputs", new JsonArray()).stream().map(String::valueOf).toList();
        vertx.<Reply>executeBlocking(() -> {
            Menu m = publisher.compile(b.getString("file", "draft.yaml"), b.getString("text"));
            return drafts.run(m, b.getString("lang", m.defaultLanguage()), inputs);
        }, false).onComplete(ar -> {
            if (ar.succeeded()) {
                String text = ar.result().text();
                send(ctx, 200, new JsonObject().put("text", text).put("end", ar.result().end())
                        .put("characters", Gsm7.length(text)).put("limit", Gsm7.limit(text)));
            } else if (ar.cause() instanceof InvalidMenuException e) {
                send(ctx, 400, new JsonObject().put("valid", false).put("problems", problems(e.problems())));
            } else {
                send(ctx, 400, error(ar.cause().getMessage()));
            }
        });
    }

    /** The draft against the live version of its service code: what publishing would change. */
    private void draftDiff(RoutingContext ctx) {
        JsonObject b = jsonBody(ctx);
        if (b == null || b.getString("text") == null || b.getString("serviceCode") == null) {
            send(ctx, 400, error("send {\"serviceCode\", \"text\"}"));
            return;
        }
        if (refusedAsTooBig(ctx, b.getString("text"))) return;
        String code = b.getString("serviceCode");
        publisher.live(code).compose(v -> v.isEmpty() ? Future.succeededFuture(java.util.Optional.<String>empty()) : publisher.text(code, v.get()))
                .compose(live -> withinBudget(vertx.executeBlocking(() -> LineDiff.of(live.orElse(""), b.getString("text")), false)))
                .onComplete(ar -> {
                    if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
                    else send(ctx, 200, new JsonObject().put("serviceCode", code).put("lines", new JsonArray(new java.util.ArrayList<Object>(ar.result()))));
                });
    }

    /** Within the size caps a diff takes milliseconds; the budget is for what the caps did not foresee. */
    private static final long DIFF_BUDGET_MS = 2_000;

    private <T> Future<T> withinBudget(Future<T> work) {
        Promise<T> p = Promise.promise();
        long timer = vertx.setTimer(DIFF_BUDGET_MS, t -> p.tryFail(new TimeoutException("the diff took longer than " + DIFF_BUDGET_MS + " ms")));
        work.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) p.tryComplete(ar.result());
            else p.tryFail(ar.cause());
        });
        return p.future();
    }

    /** Every menu text the API takes is capped in lines and bytes before any work is done on it. */
    private static boolean refusedAsTooBig(RoutingContext ctx, String text) {
        String why = MenuCompiler.tooBig(text);
        if (why == null) return false;
        send(ctx, 413, error(why));
        return true;
    }
}
