package id.kentongan.backend;

/** An external system failed to answer usefully: unreachable, slow, a 5xx, or an answer that breaks the contract. */
public final class BackendException extends RuntimeException {
    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
