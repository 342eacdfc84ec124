package id.kentongan.ussd;

import id.kentongan.domain.Msisdn;
import id.kentongan.menu.MenuEngine;
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

    /**
     * What a Hubtel body asks for: a hop, or the network closing the dialogue ({@code closed}), or why it cannot be
     * read ({@code problem}, answered 400). Pure, so every input the network may send can be tried against it.
     */
    record Read(JsonObject body, UssdRequest request, boolean closed, String problem) {
        static Read wrong(String problem) {
            return new Read(null, null, false, problem);
        }
    }

    static Read read(String raw) {
        JsonObject body;
        try {
            body = raw == null || raw.isBlank() ? null : new JsonObject(raw);
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) return Read.wrong("body must be a JSON object");
        String type = body.getValue("Type") instanceof String t ? t.toLowerCase(Locale.ROOT) : null;
        if (type == null) return Read.wrong("Type is missing");
        if (!type.equals("initiation") && !type.equals("response") && !type.equals("release") && !type.equals("timeout")) {
            return Read.wrong("Type must be Initiation, Response, Release or Timeout");
        }
        String sessionId = scalar(body.getValue("SessionId"));
        if (sessionId == null || !AtTransport.sessionId(sessionId)) {
            return Read.wrong("SessionId is missing or not 1-64 letters, digits or _.:-");
        }
        Optional<Msisdn> msisdn = Msisdn.parse(scalar(body.getValue("Mobile")));
        if (msisdn.isEmpty()) return Read.wrong("Mobile is missing or not an Indonesian mobile number");
        // The network closed the dialogue; the session stays resumable for the worker's next dial.
        if (type.equals("release") || type.equals("timeout")) return new Read(body, null, true, null);
        String rawCode = scalar(body.getValue("ServiceCode"));
        String code = rawCode == null ? null : ServiceCode.normalise(rawCode);
        if (code == null || !AtTransport.serviceCode(code)) return Read.wrong("ServiceCode is missing or not like *567#");
        Object seq = body.getValue("Sequence");
        boolean number = seq instanceof Integer || seq instanceof Long ? ((Number) seq).longValue() >= 0 && ((Number) seq).longValue() < 1_000_000_000L
                : seq instanceof String s && s.matches("\\d{1,9}");
        if (!number) return Read.wrong("Sequence must be the hop number");
        String message = body.getValue("Message") == null ? "" : scalar(body.getValue("Message"));
        if (message == null) return Read.wrong("Message must be text");
        if (message.length() > MenuEngine.MAX_INPUT * 4) return Read.wrong("Message is longer than " + MenuEngine.MAX_INPUT * 4 + " characters");
        return new Read(body, new UssdRequest(sessionId, msisdn.get(), code, new UssdRequest.Single(message, seq.toString(), type.equals("initiation"))),
                false, null);
    }

    /** A JSON string or number as text; null for anything else (an object, a list, true). */
    private static String scalar(Object v) {
        return v instanceof String s ? s : v instanceof Number n ? n.toString() : null;
    }

    void handle(RoutingContext ctx) {
        Read r = read(ctx.body() == null ? null : ctx.body().asString());
        if (r.problem() != null) {
            bad(ctx, r.problem());
            return;
        }
        if (r.closed()) {
            answer(ctx, Reply.end(""), r.body());
            return;
        }
        service.handle(r.request().withRequestId(UssdHttpVerticle.requestId(ctx))).onComplete(ar -> answer(ctx,
                ar.succeeded() ? ar.result() : Reply.end(SystemTexts.BUSY_BOTH), r.body()));
    }

    private static void answer(RoutingContext ctx, Reply reply, JsonObject request) {
        JsonObject out = new JsonObject()
                .put("SessionId", request.getValue("SessionId"))
                .put("Type", reply.end() ? "Release" : "Response")
                .put("Message", reply.text())
                .put("ClientState", request.getValue("ClientState") instanceof String state ? state : "");
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8").end(out.encode());
    }

    private static void bad(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }
}
