package id.kentongan.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static id.kentongan.Instances.await;
import static id.kentongan.payment.ProviderSamples.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DOKU adapter against WireMock answering with DOKU's documented samples: the shared contract, and DOKU's signing. */
class DokuPaymentServiceTest extends PaymentServiceContract {
    static final String CLIENT_ID = "MCH-0001-10791114622547";
    static final String SECRET = "SK-hCJ42G28TA0MKG9LE2E_1";
    static final String CREATE = "/doku-virtual-account/v2/payment-code";
    private WireMockServer doku;
    private DokuPaymentService client;

    @BeforeEach
    void startDoku() {
        doku = new WireMockServer(options().dynamicPort());
        doku.start();
        doku.stubFor(get(urlMatching("/orders/v1/status/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"Order not found\"}}")));
        client = new DokuPaymentService(backendTo("payment", doku.baseUrl()),
                CLIENT_ID, SECRET, "doku", Clock.systemUTC());
    }

    @AfterEach
    void stopDoku() {
        doku.stop();
    }

    @Override
    PaymentService service() {
        return client;
    }

    /** DOKU makes the virtual account once; the same invoice again is refused, and the order is read back by its status. */
    @Override
    void givenCode(PaymentRequest r, String code) {
        String amount = Long.toString(r.amount());
        doku.stubFor(post(urlEqualTo(CREATE)).inScenario(r.reference()).whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Client-Id", equalTo(CLIENT_ID))
                .withRequestBody(matchingJsonPath("$.order.invoice_number", equalTo(r.reference())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(sample("doku/payment-code-200.json", "invoice_number", r.reference(), "amount", amount, "va_number", code)))
                .willSetStateTo("made"));
        doku.stubFor(post(urlEqualTo(CREATE)).inScenario(r.reference()).whenScenarioStateIs("made")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"invalid_parameter\",\"message\":\"Invoice number already used\"}}")));
        doku.stubFor(get(urlEqualTo("/orders/v1/status/" + r.reference())).withHeader("Client-Id", equalTo(CLIENT_ID))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sample("doku/status.json",
                        "invoice_number", r.reference(), "amount", amount, "va_number", code, "status", "PENDING"))));
    }

    @Test
    void everyRequestIsSignedAsDokuDocumentsAndTheWorkerSeesTheVirtualAccount() {
        PaymentRequest r = request(50_400);
        givenCode(r, "8889940000000046");
        PaymentCode c = await(client.createCode(r));
        assertEquals("DOKU VA 8889 9400 0000 0046", c.shown());
        assertEquals(ProviderSamples.EXPIRES, c.expiresAt(), "expired_date is WIB");
        await(client.find(c.code(), r.reference()));
        LoggedRequest create = doku.findAll(postRequestedFor(urlEqualTo(CREATE))).get(0);
        LoggedRequest status = doku.findAll(getRequestedFor(urlEqualTo("/orders/v1/status/" + r.reference()))).get(0);
        // Recomputed from what arrived: the Digest of the exact bytes sent, the target, the headers.
        assertEquals(DokuPaymentService.signature(CLIENT_ID, create.getHeader("Request-Id"), create.getHeader("Request-Timestamp"), CREATE,
                create.getBody(), SECRET), create.getHeader("Signature"));
        assertTrue(create.getHeader("Signature").startsWith("HMACSHA256="));
        assertEquals(DokuPaymentService.signature(CLIENT_ID, status.getHeader("Request-Id"), status.getHeader("Request-Timestamp"),
                "/orders/v1/status/" + r.reference(), null, SECRET), status.getHeader("Signature"), "a GET is signed without a Digest");
        assertFalse(create.getHeader("Request-Id").equals(status.getHeader("Request-Id")), "a Request-Id per request");
        JsonObject sent = new JsonObject(create.getBodyAsString());
        assertEquals(50_400, sent.getJsonObject("order").getLong("amount"));
        assertEquals("FIX_BILL", sent.getJsonObject("virtual_account_info").getString("billing_type"));
    }

    @Test
    void aNotificationIsTrustedOnlyWithItsSignatureOverOurPath() {
        String body = sample("doku/notification.json", "invoice_number", "KT-26000000001-3-abcdef", "amount", "50400", "va_number", "8889940000000046",
                "status", "SUCCESS");
        DokuNotices notices = new DokuNotices(CLIENT_ID, SECRET, "/payments/callback/doku");
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String sig = DokuPaymentService.signature(CLIENT_ID, "479b663f", now.toString(), "/payments/callback/doku", body.getBytes(), SECRET);
        java.util.Map<String, String> h = new java.util.HashMap<>(java.util.Map.of("Client-Id", CLIENT_ID, "Request-Id", "479b663f",
                "Request-Timestamp", now.toString(), "Signature", sig));
        PaymentCallback.Verdict ok = notices.read(h::get, body.getBytes(), now);
        assertEquals(PaymentCallback.Verdict.notice("KT-26000000001-3-abcdef", 50_400, PaymentCallback.Outcome.PAID), ok);
        assertEquals(401, notices.read(h::get, body.replace("50400", "5040").getBytes(), now).status(), "a changed body");
        assertEquals(401, notices.read(h::get, body.getBytes(), now.plusSeconds(600)).status(), "a stale one");
        h.put("Client-Id", "MCH-0001-someone-else");
        assertEquals(401, notices.read(h::get, body.getBytes(), now).status(), "another merchant's");
        String expired = body.replace("\"SUCCESS\"", "\"EXPIRED\"");
        h.put("Client-Id", CLIENT_ID);
        h.put("Signature", DokuPaymentService.signature(CLIENT_ID, "479b663f", now.toString(), "/payments/callback/doku", expired.getBytes(), SECRET));
        assertEquals(PaymentCallback.Outcome.CLOSED, notices.read(h::get, expired.getBytes(), now).outcome());
    }
}
