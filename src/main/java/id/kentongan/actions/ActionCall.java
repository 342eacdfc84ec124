package id.kentongan.actions;

import id.kentongan.domain.Msisdn;

import java.util.Map;

/**
 * One call of an action: who, in which session, with the session's values. {@code idempotencyKey} is the same
 * when a gateway retries the hop, so a retried payment request is not a second payment.
 */
public record ActionCall(Msisdn msisdn, String sessionId, String screen, Map<String, String> values, String language) {
    /** A call without a dialogue language (an SMS keyword): Indonesian. */
    public ActionCall(Msisdn msisdn, String sessionId, String screen, Map<String, String> values) {
        this(msisdn, sessionId, screen, values, "id");
    }

    public String value(String key) {
        return values.get(key);
    }

    /** Keys only: values hold NIKs, names and, for the sign-in actions, the PIN. */
    @Override
    public String toString() {
        return "ActionCall[" + msisdn.masked() + " " + sessionId + " " + screen + " " + values.keySet() + "]";
    }

    /** Called by an SMS keyword, whose reply is itself the SMS the worker keeps. */
    public boolean bySms() {
        return sessionId.startsWith("sms-");
    }

    public String idempotencyKey() {
        return sessionId + ":" + screen;
    }
}
