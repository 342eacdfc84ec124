package id.kentongan.ussd;

import id.kentongan.domain.Msisdn;
import id.kentongan.menu.SystemTexts;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Africa's Talking convention: a form post with {@code sessionId}, {@code serviceCode}, {@code phoneNumber},
 * {@code networkCode} and {@code text} (the {@code *}-joined inputs so far, empty on the first hop), answered with
 * {@code text/plain} beginning {@code CON } (more to come) or {@code END }.
 */
final class AtTransport {
    private static final Logger log = LoggerFactory.getLogger(AtTransport.class);
    /** A whole journey's history; far more than any real session types. */
    static final int MAX_HISTORY = 8_000;

    private final UssdService service;

    AtTransport(UssdService service) {
        this.service = service;
    }

    /**
     * Answers one hop; {@code body} is the whole request body (already limited in size by the caller), {@code requestId}
     * the id its answer carries.
     */
    void handle(HttpServerResponse response, Buffer body, String requestId) {
        Parsed parsed;
        try {
            parsed = parse(FormBody.parse(body.toString(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            parsed = Parsed.wrong("the body is not a valid URL-encoded form");
        }
        if (parsed.problem() != null) {
            log.warn("POST /ussd/at answered 400: {}", parsed.problem()); // the problem names a field, never its value
            response.setStatusCode(400).putHeader(CONTENT_TYPE, TEXT).end(parsed.problem());
            return;
        }
        service.handle(parsed.request().withRequestId(requestId)).onComplete(ar -> {
            // handle() never fails (faults become a busy screen); this guards against a bug becoming a hung gateway.
            String text = ar.succeeded() ? (ar.result().end() ? "END " : "CON ") + ar.result().text()
                    : "END " + SystemTexts.BUSY_BOTH;
            response.putHeader(CONTENT_TYPE, TEXT).end(text);
        });
    }

    private static final CharSequence CONTENT_TYPE = io.vertx.core.http.HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence TEXT = io.vertx.core.http.HttpHeaders.createOptimized("text/plain; charset=utf-8");

    /** The request, or a clear message for the gateway's operator saying what is wrong with it. */
    record Parsed(UssdRequest request, String problem) {
        static Parsed wrong(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** A gateway's session id: 1-64 of {@code [A-Za-z0-9_.:-]} (checked by hand: every hop). */
    static boolean sessionId(String s) {
        if (s.isEmpty() || s.length() > 64) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':' || c == '-')) return false;
        }
        return true;
    }

    /** A service code: {@code *}, 1-18 of {@code [0-9*]}, {@code #} (checked by hand: every hop). */
    static boolean serviceCode(String s) {
        if (s.length() < 3 || s.length() > 20 || s.charAt(0) != '*' || s.charAt(s.length() - 1) != '#') return false;
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '*')) return false;
        }
        return true;
    }

    /** Checks and reads the form once: every field is parsed a single time on this per-hop path. */
    static Parsed parse(java.util.Map<String, String> form) {
        String sessionId = form.get("sessionId");
        if (sessionId == null || sessionId.isBlank()) return Parsed.wrong("sessionId is missing");
        if (!sessionId(sessionId)) return Parsed.wrong("sessionId must be 1-64 letters, digits or _.:-");
        String code = form.get("serviceCode");
        if (code == null || code.isBlank()) return Parsed.wrong("serviceCode is missing");
        if (!serviceCode(code.strip())) return Parsed.wrong("serviceCode must look like *567#");
        String phone = form.get("phoneNumber");
        if (phone == null || phone.isBlank()) return Parsed.wrong("phoneNumber is missing");
        Optional<Msisdn> msisdn = Msisdn.parse(phone);
        if (msisdn.isEmpty()) return Parsed.wrong("phoneNumber is not an Indonesian mobile number (08…, +628… or 628…)");
        String text = form.get("text");
        if (text == null) return Parsed.wrong("text is missing (send it empty on the first hop)");
        if (text.length() > MAX_HISTORY) return Parsed.wrong("text is longer than " + MAX_HISTORY + " characters");
        return new Parsed(new UssdRequest(sessionId, msisdn.get(), ServiceCode.normalise(code), new UssdRequest.History(text)), null);
    }

}
