package id.kentongan.member;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.backend.BackendClient;
import id.kentongan.backend.BackendException;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the core-system client behaves when the core system misbehaves. WireMock plays the misbehaving core. */
class CoreSystemFaultsTest {
    private Vertx vertx;
    private WireMockServer core;
    private BackendClient backend;
    private HttpMembershipService client;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        core = new WireMockServer(options().dynamicPort());
        core.start();
        backend = new BackendClient(vertx, "core",
                new BackendClient.Settings(URI.create(core.baseUrl()), Duration.ofMillis(1_000), 3, Duration.ofMillis(400)));
        // 1 s, not less: on a loaded 2-core machine the first call of a fresh client took over 300 ms (and failed the
        // retry test as a time-out); the slow answer below still takes 3 s.
        client = new HttpMembershipService(backend, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        core.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static Throwable failure(Future<?> f) {
        CompletionException e = assertThrows(CompletionException.class, () -> f.toCompletionStage().toCompletableFuture().join());
        return e.getCause();
    }

    private static Nik nik() {
        return new Nik(Instances.nik(30_001));
    }

    @Test
    void aServerErrorOnALookUpIsRetriedOnceThenReported() {
        core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503)));
        Throwable e = failure(client.findByNik(nik()));
        assertInstanceOf(BackendException.class, e);
        assertTrue(e.getMessage().contains("503"), e.getMessage());
        core.verify(2, getRequestedFor(urlMatching("/bpu/members/by-nik/.*")));
    }

    @Test
    void aServerErrorOnARegistrationIsNotRetried() {
        core.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
        Registration r = new Registration(nik(), "SUDIRMAN", new Msisdn("6281311112222"), Occupation.OJEK, new ContributionPlan(1_000_000));
        assertInstanceOf(BackendException.class, failure(client.register(r, "k1")));
        core.verify(1, postRequestedFor(urlMatching("/bpu/members")));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutFailsWithoutWaitingForIt() {
        core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("{}")));
        Throwable e = failure(client.findByNik(nik()));
        assertInstanceOf(BackendException.class, e);
        assertTrue(e.getMessage().contains("unreachable or slow"), e.getMessage());
        core.verify(1, getRequestedFor(urlMatching("/bpu/members/by-nik/.*"))); // a time-out is not retried
    }

    @Test
    void malformedJsonIsAFailureNotAMember() {
        core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"kpj\": ")));
        assertInstanceOf(BackendException.class, failure(client.findByNik(nik())));
        core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"kpj\":\"1\",\"nik\":\"123\"}")));
        Throwable e = failure(client.findByNik(nik()));
        assertInstanceOf(BackendException.class, e);
        assertTrue(e.getMessage().contains("breaks the contract"), e.getMessage());
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesWhenTheCoreAnswersAgain() throws Exception {
        core.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
        Registration r = new Registration(nik(), "SUDIRMAN", new Msisdn("6281311112222"), Occupation.OJEK, new ContributionPlan(1_000_000));
        for (int i = 0; i < 3; i++) failure(client.register(r, "k" + i));
        assertEquals(CircuitBreakerState.OPEN, backend.state());
        Throwable fast = failure(client.register(r, "k-open"));
        assertInstanceOf(BackendException.class, fast);
        core.verify(3, postRequestedFor(urlMatching("/bpu/members"))); // the open circuit did not call the core

        core.resetAll();
        core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        // The circuit half-opens after 400 ms: the core answers again.
        Eventually.until("the core answering again once the circuit half-opens", Duration.ofSeconds(3),
                () -> client.findByNik(nik()).toCompletionStage().toCompletableFuture().handle((v, err) -> err == null).join());
        assertEquals(CircuitBreakerState.CLOSED, backend.state());
    }
}
