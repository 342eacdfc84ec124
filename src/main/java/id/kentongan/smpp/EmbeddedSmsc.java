package id.kentongan.smpp;

import java.io.IOException;

/**
 * An SMSC started inside the service when none is configured (the embedded default). The simulator in {@code tools}
 * is the only one; production code knows it through this seam, handed in by the composition root's caller.
 */
public interface EmbeddedSmsc extends AutoCloseable {
    /** The port it accepts binds on (127.0.0.1). */
    int port();

    @Override
    void close();

    /** Starts one on a free port. */
    @FunctionalInterface
    interface Factory {
        /** For a build without the tools: a configured SMSC is then required. */
        Factory NONE = () -> {
            throw new IOException("no SMSC configured (set KENTONGAN_SMSC) and this build has no built-in simulator");
        };

        EmbeddedSmsc start() throws IOException;
    }
}
