package id.kentongan.ussd;

import id.kentongan.domain.Msisdn;
import id.kentongan.menu.Reply;
import id.kentongan.menu.SystemTexts;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Hubtel's JSON convention, the second transport behind the same {@link UssdService}: {@code Type} is Initiation,
 * Response, Release or Timeout; {@code Message} is this hop's input; {@code Sequence} numbers the hops. Answers
 * {@code {"Type": "Response" | "Release", "Message": …, "ClientState": …}}.
 */
final class HubtelTransport {
    private final UssdService service;

    HubtelTransport(UssdService service) {
        this.service = service;
    }

    void handle(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            bad(ctx, "body must be a JSON object");
            return;
        }
        String type = body.getValue("Type") instanceof String t ? t.toLowerCase(Locale.ROOT) : null;
        if (type == null) {
            bad(ctx, "Type is missing");
            return;
        }
        if (!type.equals("initiation") && !type.equals("response") && !type.equals("release") && !type.equals("timeout")) {
            bad(ctx, "Type must be Initiation, Response, Release or Timeout");
            return;
        }
        String sessionId = body.getValue("SessionId") == null ? null : body.getValue("SessionId").toString();
        if (sessionId == null || !AtTransport.SESSION_ID.matcher(sessionId).matches()) {
            bad(ctx, "SessionId is missing or not 1-64 letters, digits or _.:-");
            return;
        }
        Optional<Msisdn> msisdn = Msisdn.parse(body.getValue("Mobile") == null ? null : body.getValue("Mobile").toString());
        if (msisdn.isEmpty()) {
            bad(ctx, "Mobile is missing or not an Indonesian mobile number");
            return;
        }
        if (type.equals("release") || type.equals("timeout")) {
            // The network closed the dialogue; the session stays resumable for the worker's next dial.
            answer(ctx, Reply.end(""), body);
            return;
        }
        Object rawCode = body.getValue("ServiceCode");
        String code = rawCode == null ? null : ServiceCode.normalise(rawCode.toString());
        if (code == null || !AtTransport.SERVICE_CODE.matcher(code).matches()) {
            bad(ctx, "ServiceCode is missing or not like *567#");
            return;
        }
        Object seq = body.getValue("Sequence");
        if (!(seq instanceof Number) && !(seq instanceof String s && s.matches("\\d{1,9}"))) {
            bad(ctx, "Sequence must be the hop number");
            return;
        }
        String message = body.getValue("Message") == null ? "" : body.getValue("Message").toString();
        UssdRequest req = new UssdRequest(sessionId, msisdn.get(), code,
                new UssdRequest.Single(message, seq.toString(), type.equals("initiation")));
        JsonObject request = body;
        service.handle(req).onComplete(ar -> answer(ctx,
                ar.succeeded() ? ar.result() : Reply.end(SystemTexts.BUSY_BOTH), request));
    }

    private static void answer(RoutingContext ctx, Reply reply, JsonObject request) {
        JsonObject out = new JsonObject()
                .put("SessionId", request.getValue("SessionId"))
                .put("Type", reply.end() ? "Release" : "Response")
                .put("Message", reply.text())
                .put("ClientState", request.getString("ClientState", ""));
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(out.encode());
    }

    private static void bad(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }
}
