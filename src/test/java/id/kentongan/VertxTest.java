package id.kentongan;

import id.kentongan.backend.BackendClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Duration;

import static id.kentongan.Instances.await;

/** A fresh Vert.x per test, closed after it; {@link #await} for tests that drive futures from the test thread. */
public abstract class VertxTest {
    protected Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() {
        await(vertx.close());
    }

    /** A client of the external system {@code name} at {@code baseUrl} (a WireMock server), as the tests set it: 2 s a call. */
    protected BackendClient backendTo(String name, String baseUrl) {
        return new BackendClient(vertx, name, new BackendClient.Settings(URI.create(baseUrl), Duration.ofSeconds(2), 5, Duration.ofSeconds(30)));
    }

}
