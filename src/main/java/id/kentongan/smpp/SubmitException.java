package id.kentongan.smpp;

/** Why a submit_sm did not get an id, and so what to do next. */
public final class SubmitException extends Exception {
    public enum Kind {
        /** Not sent or refused for now (not bound, throttled, queue full): back off and retry. */
        TRANSIENT,
        /** Sent, but no answer in time: it may or may not have been taken. Resend at most once, same key. */
        UNKNOWN,
        /** Refused for good (invalid destination, ...): dead letter with the reason. */
        PERMANENT
    }

    private final Kind kind;
    private final int status;

    public SubmitException(Kind kind, int status, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
