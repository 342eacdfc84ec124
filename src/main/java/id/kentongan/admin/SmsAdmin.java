package id.kentongan.admin;

import id.kentongan.campaign.Campaigns;
import id.kentongan.community.Groups;
import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.outbox.SmsHistory;
import id.kentongan.outbox.SmsOutbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SMS for the console: what a phone was sent and what became of each message (the number masked but for an admin),
 * the dead letters with their reasons, and — for an admin — sending a dead letter again.
 */
public final class SmsAdmin {
    /** Dead letters one answer lists at most. */
    static final int DEAD_SHOWN = 100;
    /** Campaigns (newest) whose message to the phone is looked for. */
    static final int CAMPAIGNS_LOOKED_AT = 20;

    private final Vertx vertx;
    private final AdminAccess access;
    private final SmsOutbox outbox;
    private final SmsHistory history;
    private final MembershipService members;
    private final Groups groups;
    private final Optional<Campaigns> campaigns;
    private final Clock clock;

    public SmsAdmin(Vertx vertx, AdminAccess access, SmsOutbox outbox, SmsHistory history, MembershipService members, Groups groups,
                    Optional<Campaigns> campaigns, Clock clock) {
        this.vertx = vertx;
        this.access = access;
        this.outbox = outbox;
        this.history = history;
        this.members = members;
        this.groups = groups;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public void mount(Router router) {
        access.route(router, HttpMethod.GET, "/admin/sms", AdminAccess.Role.VIEWER, this::messages);
        access.route(router, HttpMethod.GET, "/admin/sms/dead", AdminAccess.Role.VIEWER, this::dead);
        access.route(router, HttpMethod.POST, "/admin/sms/dead/:id/send-again", AdminAccess.Role.ADMIN, this::sendAgain);
    }

    private static boolean admin(RoutingContext ctx) {
        return ((AdminAccess.Token) ctx.get("admin")).role() == AdminAccess.Role.ADMIN;
    }

    /** ?msisdn=0812…: the phone's messages, newest sent one by one first, then reminders, group reminders, campaigns. */
    private void messages(RoutingContext ctx) {
        Optional<Msisdn> phone = Msisdn.parse(ctx.queryParams().get("msisdn"));
        if (phone.isEmpty()) {
            AdminAccess.send(ctx, 400, AdminAccess.error("msisdn is missing or not an Indonesian mobile number"));
            return;
        }
        Msisdn p = phone.get();
        Future.all(history.keysOf(p), members.findByMsisdn(p), groups.groupOf(p)).compose(found -> {
            List<String> keys = new ArrayList<>(found.<List<String>>resultAt(0));
            Optional<Member> member = found.resultAt(1);
            Optional<String> group = found.resultAt(2);
            keys.addAll(bulkKeys(p, member, group));
            return vertx.executeBlocking(() -> {
                if (campaigns.isPresent()) {
                    for (Campaigns.Campaign c : campaigns.get().list(CAMPAIGNS_LOOKED_AT)) keys.add("camp:" + c.id() + ":" + p.value());
                }
                Map<String, String> states = outbox.states(keys);
                JsonArray list = new JsonArray();
                for (String key : new java.util.LinkedHashSet<>(keys)) {
                    String state = states.get(key);
                    if (state != null) list.add(new JsonObject().put("key", key).put("kind", kind(key)).put("state", state));
                }
                return list;
            }, false);
        }).onComplete(ar -> {
            if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
            else AdminAccess.send(ctx, 200, new JsonObject().put("msisdn", admin(ctx) ? p.value() : p.masked()).put("messages", ar.result()));
        });
    }

    /** The keys a reminder or a group reminder to this phone would have had, over the last months and weeks. */
    private List<String> bulkKeys(Msisdn p, Optional<Member> member, Optional<String> group) {
        List<String> keys = new ArrayList<>();
        member.filter(m -> m.paidThrough() != null).ifPresent(m -> {
            for (int back = -1; back <= 3; back++) {
                YearMonth pt = m.paidThrough().minusMonths(back);
                for (String event : List.of("BEFORE_7", "BEFORE_1", "LAPSED", "FINAL")) keys.add("rem:" + m.kpj() + ":" + pt + ":" + event);
            }
        });
        group.ifPresent(g -> {
            LocalDate day = LocalDate.now(clock);
            for (int w = 0; w < 6; w++, day = day.minusWeeks(1)) {
                keys.add("grp-rem:" + g + ":" + day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ":" + p.value());
            }
        });
        return keys;
    }

    /** A message's kind by its key's prefix (the first that matches); anything else is an answer to an SMS. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(Map.entry("kept-reg:", "registration"),
            Map.entry("kept-code:", "payment_code"), Map.entry("receipt:", "receipt"), Map.entry("cash:", "cash_receipt"),
            Map.entry("consent", "consent"), Map.entry("ref-thanks:", "thanks"), Map.entry("ref:", "invitation"),
            Map.entry("sol:", "group_news"), Map.entry("rem:", "reminder"), Map.entry("grp-rem:", "group_reminder"),
            Map.entry("camp:", "campaign"));

    static String kind(String key) {
        for (Map.Entry<String, String> k : KINDS) if (key.startsWith(k.getKey())) return k.getValue();
        return "answer";
    }

    /** The newest dead letters: key, why, and — for an admin — the number and the text. */
    private void dead(RoutingContext ctx) {
        boolean admin = admin(ctx);
        vertx.executeBlocking(() -> {
            JsonArray list = new JsonArray();
            for (SmsOutbox.DeadLetter d : outbox.deadList(DEAD_SHOWN)) {
                JsonObject j = new JsonObject().put("id", d.id()).put("key", d.key()).put("kind", kind(d.key())).put("reason", d.reason())
                        .put("to", admin ? d.to() : new Msisdn(d.to()).masked());
                if (admin) j.put("text", d.text());
                list.add(j);
            }
            return new JsonObject().put("count", outbox.deadLetters()).put("dead", list);
        }, false).onComplete(ar -> {
            if (ar.failed()) AdminAccess.fail(ctx, ar.cause());
            else AdminAccess.send(ctx, 200, ar.result());
        });
    }

    private void sendAgain(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> outbox.sendAgain(id), false).onComplete(ar -> {
            if (ar.failed()) {
                AdminAccess.fail(ctx, ar.cause());
            } else if (ar.result().isEmpty()) {
                AdminAccess.send(ctx, 404, AdminAccess.error("no such dead letter"));
            } else {
                LoggerFactory.getLogger(SmsAdmin.class).info("dead letter {} queued again as {}", id, ar.result().get());
                AdminAccess.send(ctx, 200, new JsonObject().put("key", ar.result().get()));
            }
        });
    }
}
