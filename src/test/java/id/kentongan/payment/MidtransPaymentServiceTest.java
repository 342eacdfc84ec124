package id.kentongan.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static id.kentongan.Instances.await;
import static id.kentongan.payment.ProviderSamples.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Midtrans adapter against WireMock answering with Midtrans' documented samples: the shared contract, and Midtrans' own rules. */
class MidtransPaymentServiceTest extends PaymentServiceContract {
    static final String SERVER_KEY = "SB-Mid-server-TEST0123456789abcdef";
    private WireMockServer midtrans;
    private MidtransPaymentService client;

    @BeforeEach
    void startMidtrans() {
        midtrans = new WireMockServer(options().dynamicPort());
        midtrans.start();
        midtrans.stubFor(get(urlMatching("/v2/.*/status")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(sample("midtrans/status-404.json"))));
        client = new MidtransPaymentService(backendTo("payment", midtrans.baseUrl()), SERVER_KEY, "bni");
    }

    @AfterEach
    void stopMidtrans() {
        midtrans.stop();
    }

    @Override
    PaymentService service() {
        return client;
    }

    /** Midtrans makes the order once; the same order id again is a 406, and the order is read back by its status. */
    @Override
    void givenCode(PaymentRequest r, String code) {
        String amount = Long.toString(r.amount());
        midtrans.stubFor(post(urlEqualTo("/v2/charge")).inScenario(r.reference()).whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo(basic()))
                .withRequestBody(matchingJsonPath("$.transaction_details.order_id", equalTo(r.reference())))
                .withRequestBody(matchingJsonPath("$.payment_type", equalTo("bank_transfer")))
                .withRequestBody(matchingJsonPath("$.bank_transfer.bank", equalTo("bni")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(sample("midtrans/charge-bni-201.json", "order_id", r.reference(), "gross_amount", amount, "va_number", code)))
                .willSetStateTo("made"));
        midtrans.stubFor(post(urlEqualTo("/v2/charge")).inScenario(r.reference()).whenScenarioStateIs("made")
                .willReturn(aResponse().withStatus(406).withHeader("Content-Type", "application/json").withBody(sample("midtrans/charge-406.json"))));
        midtrans.stubFor(get(urlEqualTo("/v2/" + r.reference() + "/status")).withHeader("Authorization", equalTo(basic()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(sample("midtrans/status-bni.json",
                        "order_id", r.reference(), "gross_amount", amount, "va_number", code, "status_code", "201", "transaction_status", "pending"))));
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes());
    }

    @Test
    void theWorkerIsShownTheBankAndTheAccountNumberAndTheOrderIsOurReference() {
        PaymentRequest r = request(50_400);
        givenCode(r, "8578000000111111");
        PaymentCode c = await(client.createCode(r));
        assertEquals("BNI VA 8578 0000 0011 1111", c.shown());
        assertEquals(ProviderSamples.EXPIRES, c.expiresAt(), "Midtrans' times are WIB");
        JsonObject sent = new JsonObject(midtrans.findAll(postRequestedFor(urlEqualTo("/v2/charge"))).get(0).getBodyAsString());
        assertEquals(50_400, sent.getJsonObject("transaction_details").getLong("gross_amount"));
        assertEquals(48, sent.getJsonObject("custom_expiry").getInteger("expiry_duration"));
    }

    @Test
    void aMandiriBillAndAnIndomaretCodeReadAsTheWorkerKeysThemIn() {
        PaymentCode bill = MidtransPaymentService.decode(new JsonObject(sample("midtrans/charge-mandiri-201.json", "order_id", "KT-1", "gross_amount", "16800")));
        assertEquals("Mandiri 70012 9900 0000 0260", bill.shown());
        PaymentCode store = MidtransPaymentService.decode(new JsonObject(sample("midtrans/charge-indomaret-201.json", "order_id", "KT-2", "gross_amount", "16800")));
        assertEquals("Indomaret 2501 9101 011", store.shown());
        assertEquals(16_800, store.amount());
        org.junit.jupiter.api.Assertions.assertTrue(bill.shown().length() <= PaymentCode.SHOWN_MAX && store.shown().length() <= PaymentCode.SHOWN_MAX);
    }

    @Test
    void aRefusedChargeThatMidtransNeverMadeIsAFailureNotACode() {
        PaymentRequest r = request(16_800);
        midtrans.stubFor(post(urlEqualTo("/v2/charge")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"status_code\":\"400\",\"status_message\":\"One or more parameters in the payload is invalid.\"}")));
        assertThrows(RuntimeException.class, () -> await(client.createCode(r)));
        assertThrows(IllegalArgumentException.class, () -> id.kentongan.domain.Rupiah.exact("16800.50"), "no fraction of a rupiah");
    }
}
