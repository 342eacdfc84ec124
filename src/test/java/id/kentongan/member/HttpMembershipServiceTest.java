package id.kentongan.member;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.kentongan.Instances;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static id.kentongan.Instances.await;

/** The HTTP client against WireMock playing a core system that keeps ops/api/core-system.yaml. */
class HttpMembershipServiceTest extends MembershipServiceContract {
    private WireMockServer core;
    private HttpMembershipService client;

    @BeforeEach
    void startCore() {
        core = new WireMockServer(options().dynamicPort());
        core.start();
        // Anything not stubbed is unknown to the core system.
        core.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/bpu/members/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        client = new HttpMembershipService(backendTo("core", core.baseUrl()),
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stopCore() {
        core.stop();
    }

    @Override
    MembershipService service() {
        return client;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, JsonObject body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.encode());
    }

    @Override
    void given(Member m) {
        core.stubFor(get(urlEqualTo("/bpu/members/by-nik/" + m.nik().value())).willReturn(json(200, MemberJson.encode(m))));
        core.stubFor(get(urlEqualTo("/bpu/members/by-msisdn/" + m.msisdn().value())).willReturn(json(200, MemberJson.encode(m))));
        core.stubFor(post(urlEqualTo("/bpu/members")).withRequestBody(matchingJsonPath("$.nik", equalTo(m.nik().value())))
                .willReturn(json(409, new JsonObject().put("error", "already_registered").put("kpj", m.kpj()))));
        for (int months : new int[] {1, 3, 6, 12}) {
            core.stubFor(post(urlEqualTo("/bpu/members/" + m.kpj() + "/bills"))
                    .withRequestBody(matchingJsonPath("$.months", equalTo(Integer.toString(months))))
                    .willReturn(json(200, MemberJson.encode(Bill.forMember(m, months)))));
            Member paid = new Member(m.kpj(), m.nik(), m.name(), m.msisdn(), m.occupation(), m.plan(), m.registeredOn(),
                    Bill.forMember(m, months).to());
            core.stubFor(post(urlEqualTo("/bpu/members/" + m.kpj() + "/contributions"))
                    .withRequestBody(matchingJsonPath("$.months", equalTo(Integer.toString(months))))
                    .willReturn(json(200, MemberJson.encode(paid))));
        }
    }

    @Override
    void givenNewRegistration(Registration r, String kpj) {
        Member created = new Member(kpj, r.nik(), r.name(), r.msisdn(), r.occupation(), r.plan(), TODAY, null);
        core.stubFor(post(urlEqualTo("/bpu/members")).withRequestBody(matchingJsonPath("$.nik", equalTo(r.nik().value())))
                .withHeader("Idempotency-Key", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .willReturn(json(201, MemberJson.encode(created))));
    }

    @org.junit.jupiter.api.Test
    void lookUpsByPhoneAreCachedUntilAPaymentLandsForThatPhone() {
        Member m = member(8, java.time.YearMonth.from(TODAY));
        given(m);
        await(client.findByMsisdn(m.msisdn()));
        await(client.findByMsisdn(m.msisdn()));
        core.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/bpu/members/by-msisdn/" + m.msisdn().value())));
        await(client.credit(new Contribution(m.kpj(), 1, 26_800, "KT-ref-1")));
        await(client.findByMsisdn(m.msisdn()));
        core.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/bpu/members/by-msisdn/" + m.msisdn().value())));
        core.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/bpu/members/" + m.kpj() + "/contributions"))
                .withHeader("Idempotency-Key", equalTo("KT-ref-1")));
    }

    @org.junit.jupiter.api.Test
    void theMemberListIsReadPageByPageAndABrokenPageFails() {
        Member a = member(50, java.time.YearMonth.from(TODAY));
        Member b = member(51, null);
        core.stubFor(get(urlEqualTo("/bpu/members?limit=2")).willReturn(json(200, new JsonObject()
                .put("members", new io.vertx.core.json.JsonArray().add(MemberJson.encode(a))).put("next", "c1"))));
        core.stubFor(get(urlEqualTo("/bpu/members?limit=2&after=c1")).willReturn(json(200, new JsonObject()
                .put("members", new io.vertx.core.json.JsonArray().add(MemberJson.encode(b))).putNull("next"))));
        MembershipService.MemberPage first = await(client.members(null, 2));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(a), first.members());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("c1"), first.next());
        MembershipService.MemberPage last = await(client.members("c1", 2));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(b), last.members());
        org.junit.jupiter.api.Assertions.assertTrue(last.next().isEmpty());
        core.stubFor(get(urlEqualTo("/bpu/members?limit=2&after=bad")).willReturn(json(200, new JsonObject().put("members", "nope"))));
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> await(client.members("bad", 2)));
    }

    @org.junit.jupiter.api.Test
    void aRegistrationByAnAgentNamesTheAgentAndASelfRegistrationSaysSo() {
        Registration self = new Registration(new Nik(Instances.nik(20_050)), "SARI", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.PEDAGANG_KAKI_LIMA, new ContributionPlan(1_000_000));
        Msisdn agent = Msisdn.parse(Instances.newPhone()).orElseThrow();
        Registration byAgent = new Registration(new Nik(Instances.nik(20_051)), "TONO", Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.OJEK, new ContributionPlan(1_000_000)).throughAgent(agent);
        givenNewRegistration(self, "27100000050");
        givenNewRegistration(byAgent, "27100000051");
        await(client.register(self, "s1"));
        await(client.register(byAgent, "s2"));
        core.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/bpu/members"))
                .withRequestBody(matchingJsonPath("$.nik", equalTo(self.nik().value())))
                .withRequestBody(matchingJsonPath("$.channel.type", equalTo("self"))));
        core.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/bpu/members"))
                .withRequestBody(matchingJsonPath("$.nik", equalTo(byAgent.nik().value())))
                .withRequestBody(matchingJsonPath("$.channel.type", equalTo("agent")))
                .withRequestBody(matchingJsonPath("$.channel.agent", equalTo(agent.value()))));
    }
}
