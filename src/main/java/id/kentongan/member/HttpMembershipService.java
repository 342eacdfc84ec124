package id.kentongan.member;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kentongan.backend.BackendClient;
import id.kentongan.backend.BackendException;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Optional;

/**
 * The core system over HTTP (ops/api/core-system.yaml). Look-ups by phone number, which every status and payment
 * screen starts with, are cached briefly; a registration or a recorded payment for that number drops the entry so
 * the worker never sees a status older than their own payment.
 */
public final class HttpMembershipService implements MembershipService {
    private final BackendClient core;
    private final Cache<String, Optional<Member>> byMsisdn;

    public HttpMembershipService(BackendClient core, Duration statusCacheTtl) {
        this.core = core;
        this.byMsisdn = Caffeine.newBuilder().expireAfterWrite(statusCacheTtl).maximumSize(100_000).build();
    }

    @Override
    public Future<Optional<Member>> findByNik(Nik nik) {
        return core.get("/bpu/members/by-nik/" + nik.value()).map(HttpMembershipService::memberOrEmpty);
    }

    @Override
    public Future<Optional<Member>> findByMsisdn(Msisdn msisdn) {
        Optional<Member> cached = byMsisdn.getIfPresent(msisdn.value());
        if (cached != null) return Future.succeededFuture(cached);
        return core.get("/bpu/members/by-msisdn/" + msisdn.value()).map(HttpMembershipService::memberOrEmpty)
                .onSuccess(m -> byMsisdn.put(msisdn.value(), m));
    }

    @Override
    public Future<Registered> register(Registration r, String idempotencyKey) {
        JsonObject body = new JsonObject().put("nik", r.nik().value()).put("name", r.name()).put("msisdn", r.msisdn().value())
                .put("occupation", r.occupation().code()).put("declaredIncome", r.plan().declaredIncome())
                .put("channel", r.agent().map(a -> new JsonObject().put("type", "agent").put("agent", a.value()))
                        .orElse(new JsonObject().put("type", "self")));
        return core.post("/bpu/members", body, idempotencyKey).compose(res -> {
            byMsisdn.invalidate(r.msisdn().value());
            if (res.status() == 409) {
                // Already registered: the contract names the KPJ; the member itself comes from the look-up.
                return findByNik(r.nik()).map(m -> new Registered(m.orElseThrow(() ->
                        new BackendException("core said NIK is registered but does not find it")), false));
            }
            if (res.status() == 404) return Future.failedFuture(new BackendException("core: registration endpoint not found"));
            return Future.succeededFuture(new Registered(decode(res.body()), true));
        });
    }

    @Override
    public Future<MemberPage> members(String after, int limit) {
        String q = "/bpu/members?limit=" + limit + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
        return core.get(q).map(res -> {
            if (res.status() != 200) throw new BackendException("core: member list answered " + res.status());
            try {
                JsonObject page = res.body();
                java.util.List<Member> members = new java.util.ArrayList<>();
                for (Object o : page.getJsonArray("members")) members.add(MemberJson.decode((JsonObject) o));
                return new MemberPage(members, Optional.ofNullable(page.getString("next")));
            } catch (RuntimeException e) {
                throw new BackendException("core: member list breaks the contract: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Future<Bill> bill(String kpj, int months) {
        return core.post("/bpu/members/" + kpj + "/bills", new JsonObject().put("months", months), "bill:" + kpj + ":" + months)
                .map(res -> {
                    if (res.status() == 404) throw new IllegalArgumentException("no member with KPJ " + kpj);
                    if (res.status() == 409) throw new IllegalStateException("membership " + kpj + " has ended");
                    try {
                        return MemberJson.decodeBill(res.body());
                    } catch (IllegalArgumentException e) {
                        throw new BackendException("core: " + e.getMessage(), e);
                    }
                });
    }

    @Override
    public Future<Member> credit(Contribution c) {
        JsonObject body = new JsonObject().put("months", c.months()).put("amount", c.amount()).put("reference", c.reference());
        return core.post("/bpu/members/" + c.kpj() + "/contributions", body, c.reference()).map(res -> {
            if (res.status() != 200 && res.status() != 201) throw new IllegalArgumentException("no member with KPJ " + c.kpj());
            Member m = decode(res.body());
            byMsisdn.invalidate(m.msisdn().value()); // the next status shows the payment
            return m;
        });
    }

    private static Optional<Member> memberOrEmpty(BackendClient.Response res) {
        return res.status() == 404 ? Optional.empty() : Optional.of(decode(res.body()));
    }

    private static Member decode(JsonObject json) {
        try {
            return MemberJson.decode(json);
        } catch (IllegalArgumentException e) {
            throw new BackendException("core: " + e.getMessage(), e);
        }
    }
}
