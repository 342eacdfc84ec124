package id.kentongan.payment;

import id.kentongan.Instances;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.TtlStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Tag("redis")
class SandboxPaymentServiceTest extends PaymentServiceContract {
    private TtlStore store;
    private SandboxPaymentService sandbox;

    @BeforeEach
    void open() {
        store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(2));
        sandbox = new SandboxPaymentService(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        await(store.close());
    }

    @Override
    PaymentService service() {
        return sandbox;
    }

    @Override
    void givenCode(PaymentRequest r, String code) {
        // The sandbox makes its own codes.
    }

    @Test
    void aCodeIsPaidOnceOnly() {
        PaymentCode c = await(sandbox.createCode(request(16_800)));
        assertEquals(PaymentCode.Status.PAID, await(sandbox.markPaid(c.code())).orElseThrow().status());
        assertEquals(Optional.empty(), await(sandbox.markPaid(c.code())), "a paid code cannot be paid again");
        assertEquals(PaymentCode.Status.PAID, await(sandbox.find(c.code(), c.reference())).orElseThrow().status());
    }
}
