package id.kentongan.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The HTTP client against WireMock playing a provider that keeps ops/api/payment-provider.yaml. */
class HttpPaymentServiceTest extends PaymentServiceContract {
    private WireMockServer provider;
    private HttpPaymentService client;

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(get(urlMatching("/payment-codes/.*")).atPriority(10).willReturn(aResponse().withStatus(404)));
        client = new HttpPaymentService(backendTo("payment", provider.baseUrl()));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Override
    PaymentService service() {
        return client;
    }

    @Override
    void givenCode(PaymentRequest r, String code) {
        PaymentCode c = new PaymentCode(code, r.reference(), r.amount(), Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                PaymentCode.Status.PENDING);
        String json = PaymentJson.encode(c).encode();
        provider.stubFor(post(urlEqualTo("/payment-codes")).withHeader("Idempotency-Key", equalTo(r.idempotencyKey()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(json)));
        provider.stubFor(get(urlEqualTo("/payment-codes/" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }
}
