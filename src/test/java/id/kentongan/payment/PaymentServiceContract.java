package id.kentongan.payment;

import id.kentongan.VertxTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What any payment provider behind Kentongan must do. Runs against the sandbox (on Redis), the own contract's HTTP
 * client, Midtrans and DOKU — the last three against WireMock answering as each provider documents.
 */
abstract class PaymentServiceContract extends VertxTest {
    abstract PaymentService service();

    /** The provider will answer this request with this code (the sandbox picks its own). */
    abstract void givenCode(PaymentRequest r, String code);

    static PaymentRequest request(long amount) {
        String key = "sess-" + UUID.randomUUID() + ":pay_create";
        return new PaymentRequest("KT-27000000001-3-" + UUID.randomUUID().toString().substring(0, 8), amount, "Iuran BPJS TK 3 bln", key);
    }

    @Test
    void aPendingCodeIsCreatedForTheAmountAndReference() {
        PaymentRequest r = request(80_400);
        givenCode(r, "8899000011112222");
        PaymentCode c = await(service().createCode(r));
        assertTrue(c.code().matches("\\d{16}"), c.code());
        assertEquals(80_400, c.amount());
        assertEquals(r.reference(), c.reference());
        assertEquals(PaymentCode.Status.PENDING, c.status());
        assertTrue(c.expiresAt().isAfter(Instant.now()));
        assertEquals(c.code().substring(0, 4) + " " + c.code().substring(4, 8) + " " + c.code().substring(8, 12) + " "
                + c.code().substring(12), c.grouped());
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameCode() {
        PaymentRequest r = request(16_800);
        givenCode(r, "8899000011113333");
        assertEquals(await(service().createCode(r)).code(), await(service().createCode(r)).code());
    }

    @Test
    void aCodeCanBeQueriedAndAnUnknownCodeIsNotFound() {
        PaymentRequest r = request(33_600);
        givenCode(r, "8899000011114444");
        PaymentCode c = await(service().createCode(r));
        assertEquals(Optional.of(c), await(service().find(c.code(), r.reference())));
        assertEquals(Optional.empty(), await(service().find("8899999999999999", "KT-0-1-" + UUID.randomUUID().toString().substring(0, 8))));
    }
}
