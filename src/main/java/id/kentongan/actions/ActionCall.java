package id.kentongan.actions;

import id.kentongan.domain.Msisdn;

import java.util.Map;

/**
 * One call of an action: who, in which session, with the session's values. {@code idempotencyKey} is the same
 * when a gateway retries the hop, so a retried payment request is not a second payment.
 */
public record ActionCall(Msisdn msisdn, String sessionId, String screen, Map<String, String> values) {
    public String value(String key) {
        return values.get(key);
    }

    /** Keys only: values hold NIKs, names and, for the sign-in actions, the PIN. */
    @Override
    public String toString() {
        return "ActionCall[" + msisdn.masked() + " " + sessionId + " " + screen + " " + values.keySet() + "]";
    }

    public String idempotencyKey() {
        return sessionId + ":" + screen;
    }
}
