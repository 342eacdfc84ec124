package id.kentongan.ussd;

import id.kentongan.member.Msisdn;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Africa's Talking convention: a form post with {@code sessionId}, {@code serviceCode}, {@code phoneNumber},
 * {@code networkCode} and {@code text} (the {@code *}-joined inputs so far, empty on the first hop), answered with
 * {@code text/plain} beginning {@code CON } (more to come) or {@code END }.
 */
final class AtTransport {
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    static final Pattern SERVICE_CODE = Pattern.compile("\\*[0-9*]{1,18}#");
    /** A whole journey's history; far more than any real session types. */
    static final int MAX_HISTORY = 8_000;

    private final UssdService service;

    AtTransport(UssdService service) {
        this.service = service;
    }

    void handle(RoutingContext ctx) {
        MultiMap form = ctx.request().formAttributes();
        String problem = problem(form);
        if (problem != null) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8").end(problem);
            return;
        }
        UssdRequest req = new UssdRequest(form.get("sessionId"), Msisdn.parse(form.get("phoneNumber")).orElseThrow(),
                ServiceCode.normalise(form.get("serviceCode")), new UssdRequest.History(form.get("text")));
        service.handle(req).onComplete(ar -> {
            // handle() never fails (faults become a busy screen); this guards against a bug becoming a hung gateway.
            String body = ar.succeeded() ? (ar.result().end() ? "END " : "CON ") + ar.result().text()
                    : "END " + id.kentongan.menu.SystemTexts.BUSY_BOTH;
            ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(body);
        });
    }

    /** A clear message for the gateway's operator, or null when the request is well formed. */
    static String problem(MultiMap form) {
        String sessionId = form.get("sessionId");
        if (sessionId == null || sessionId.isBlank()) return "sessionId is missing";
        if (!SESSION_ID.matcher(sessionId).matches()) return "sessionId must be 1-64 letters, digits or _.:-";
        String code = form.get("serviceCode");
        if (code == null || code.isBlank()) return "serviceCode is missing";
        if (!SERVICE_CODE.matcher(code.strip()).matches()) return "serviceCode must look like *567#";
        String phone = form.get("phoneNumber");
        if (phone == null || phone.isBlank()) return "phoneNumber is missing";
        Optional<Msisdn> msisdn = Msisdn.parse(phone);
        if (msisdn.isEmpty()) return "phoneNumber is not an Indonesian mobile number (08…, +628… or 628…)";
        String text = form.get("text");
        if (text == null) return "text is missing (send it empty on the first hop)";
        if (text.length() > MAX_HISTORY) return "text is longer than " + MAX_HISTORY + " characters";
        return null;
    }

}
