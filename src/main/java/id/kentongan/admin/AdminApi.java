package id.kentongan.admin;

import id.kentongan.campaign.CampaignTemplate;
import id.kentongan.campaign.Campaigns;
import id.kentongan.campaign.Target;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The operators' HTTP API for campaigns, under {@code /admin} (the community routes mount after it, behind the same check), documented in {@code ops/api/admin.yaml}.
 * Access (tokens, roles, audit) is {@link AdminAccess}'s. Campaigns live in Redis: without it (demo mode) these routes
 * answer 503 saying so.
 */
public final class AdminApi {
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);
    private static final Map<String, String> SAMPLE = Map.of("name", "Siti", "kpj", "26000000001", "paidThrough", "11/2026",
            "amountDue", "Rp16.800", "ussd", "*567#");

    private final Vertx vertx;
    private final AdminAccess access;
    private final Optional<Campaigns> campaigns;
    private final String ussdCode;

    public AdminApi(Vertx vertx, AdminAccess access, Optional<Campaigns> campaigns, String ussdCode) {
        this.vertx = vertx;
        this.access = access;
        this.campaigns = campaigns;
        this.ussdCode = ussdCode;
    }

    public void mount(Router router) {
        access.route(router, HttpMethod.POST, "/admin/campaigns/preview", AdminAccess.Role.VIEWER, this::preview);
        access.route(router, HttpMethod.POST, "/admin/campaigns/audience", AdminAccess.Role.VIEWER, ctx -> withCampaigns(ctx, c ->
                new Answer(200, c.audience(Target.parse(json(ctx).getJsonObject("target")), Campaigns.AUDIENCE_BUDGET).toJson())));
        access.route(router, HttpMethod.POST, "/admin/campaigns", AdminAccess.Role.EDITOR, ctx -> withCampaigns(ctx, c -> create(ctx, c)));
        access.route(router, HttpMethod.GET, "/admin/campaigns", AdminAccess.Role.VIEWER, ctx -> withCampaigns(ctx, c -> {
            JsonArray list = new JsonArray();
            c.list(100).forEach(x -> list.add(brief(x.toJson())));
            return new Answer(200, new JsonObject().put("campaigns", list));
        }));
        access.route(router, HttpMethod.GET, "/admin/campaigns/:id", AdminAccess.Role.VIEWER, ctx -> withCampaigns(ctx, c -> {
            Campaigns.Campaign x = c.get(ctx.pathParam("id")).orElseThrow(() -> new NoSuchElementException("no campaign " + ctx.pathParam("id")));
            return new Answer(200, brief(x.toJson()).put("progress", c.progress(x.id()).toJson()));
        }));
        for (String action : List.of("pause", "resume", "cancel")) {
            access.route(router, HttpMethod.POST, "/admin/campaigns/:id/" + action, AdminAccess.Role.EDITOR, ctx -> withCampaigns(ctx, c -> {
                String id = ctx.pathParam("id");
                Campaigns.Campaign x = switch (action) {
                    case "pause" -> c.pause(id);
                    case "resume" -> c.resume(id);
                    default -> c.cancel(id);
                };
                log.info("campaign {} {} by the admin API", id, action);
                return new Answer(200, brief(x.toJson()));
            }));
        }
    }

    /** {"text"} or {"texts": {"id", "en", "jv"}}: each language rendered with sample values, its length, SMS count and encoding. */
    private void preview(RoutingContext ctx) {
        try {
            JsonObject body = json(ctx);
            Map<String, String> sample = new java.util.HashMap<>(SAMPLE);
            sample.put("ussd", ussdCode);
            JsonObject given = body.getJsonObject("sample");
            if (given != null) given.forEach(e -> sample.put(e.getKey(), String.valueOf(e.getValue())));
            JsonObject texts = body.getJsonObject("texts", new JsonObject().put("id", body.getString("text")));
            JsonObject answer = new JsonObject();
            for (String lang : List.of("id", "en", "jv")) {
                String text = texts.getString(lang);
                if (text == null || (!lang.equals("id") && text.isBlank())) continue;
                CampaignTemplate.Preview p = CampaignTemplate.parse(text).preview(sample);
                JsonObject one = new JsonObject().put("text", p.text()).put("characters", p.characters()).put("segments", p.segments())
                        .put("encoding", p.encoding()).put("worstCaseSegments", p.worstCaseSegments()).put("fields", new JsonArray(p.fields()));
                if (lang.equals("id")) answer.mergeIn(one.copy());
                answer.put(lang, one);
            }
            send(ctx, new Answer(200, answer));
        } catch (IllegalArgumentException | ClassCastException e) {
            send(ctx, new Answer(400, new JsonObject().put("error", e.getMessage())));
        }
    }

    private Answer create(RoutingContext ctx, Campaigns c) {
        JsonObject body = json(ctx);
        Target target = Target.parse(body.getJsonObject("target"));
        Optional<Instant> at;
        try {
            at = Optional.ofNullable(body.getString("sendAt")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sendAt must be an ISO-8601 instant such as 2026-11-24T02:00:00Z");
        }
        Map<String, String> translations = new java.util.HashMap<>();
        JsonObject texts = body.getJsonObject("texts");
        if (texts != null) texts.forEach(e -> { if (!e.getKey().equals("id")) translations.put(e.getKey(), String.valueOf(e.getValue())); });
        String text = body.getString("text", texts == null ? null : texts.getString("id"));
        Campaigns.Campaign x = c.create(body.getString("name"), text, translations, target, at);
        return new Answer(201, brief(x.toJson()));
    }

    /** Numbers a campaign answer lists at most: a 1 M-number campaign is counted, not sent back whole to every poll. */
    static final int NUMBERS_SHOWN = 20;

    /** The campaign as the API shows it: a list of numbers longer than {@link #NUMBERS_SHOWN} is counted and cut. */
    static JsonObject brief(JsonObject campaign) {
        JsonObject target = campaign.getJsonObject("target");
        JsonArray numbers = target == null ? null : target.getJsonArray("msisdns");
        if (numbers != null && numbers.size() > NUMBERS_SHOWN) {
            target.put("msisdnCount", numbers.size()).put("msisdns", new JsonArray(numbers.getList().subList(0, NUMBERS_SHOWN)));
        }
        return campaign;
    }

    private static JsonObject json(RoutingContext ctx) {
        JsonObject j = AdminAccess.jsonBody(ctx);
        if (j == null) throw new IllegalArgumentException("the body must be a JSON object");
        return j;
    }

    private record Answer(int status, JsonObject body) {}

    private interface Work {
        Answer on(Campaigns c) throws Exception;
    }


    private void withCampaigns(RoutingContext ctx, Work work) {
        if (campaigns.isEmpty()) {
            send(ctx, new Answer(503, new JsonObject().put("error", "campaigns are kept in Redis: start the service with KENTONGAN_REDIS_URL")));
            return;
        }
        // Campaigns talk to Redis synchronously: on a worker, never on the event loop.
        Callable<Answer> call = () -> work.on(campaigns.get());
        vertx.executeBlocking(call, false).onComplete(ar -> {
            if (ar.succeeded()) send(ctx, ar.result());
            else AdminAccess.fail(ctx, ar.cause());
        });
    }

    private static void send(RoutingContext ctx, Answer a) {
        AdminAccess.send(ctx, a.status(), a.body());
    }
}
