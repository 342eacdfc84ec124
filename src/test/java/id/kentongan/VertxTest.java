package id.kentongan;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

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

}
