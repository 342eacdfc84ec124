package id.kentongan.session;

import id.kentongan.domain.Msisdn;
import id.kentongan.menu.SessionState;
import id.kentongan.store.Limits;
import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import id.kentongan.text.DataKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every session store must do. Run against Redis and against memory by the two subclasses. */
abstract class SessionStoreContract {
    static final Quota HOPS = Limits.defaults().hops();
    protected Vertx vertx;
    protected TtlStore backend;
    protected SessionStore store;
    protected final Msisdn msisdn = new Msisdn("62812" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999)));

    abstract TtlStore newBackend(Vertx vertx);

    @BeforeEach
    void open() {
        vertx = Vertx.vertx();
        backend = newBackend(vertx);
        store = new SessionStore(backend, Duration.ofSeconds(180), Duration.ofMinutes(5), DataKey.random());
    }

    @AfterEach
    void close() {
        await(backend.remove(backend.keys().ussdSession(msisdn)));
        await(backend.remove(backend.keys().language(msisdn)));
        await(backend.close());
        await(vertx.close());
    }


    static UssdSession midRegistration(String sessionId) {
        SessionState state = new SessionState("dce8577e7c2c", "reg_confirm", 0, "id", List.of("main", "reg_nik", "reg_name", "reg_job", "reg_income"),
                Map.of("nik", "3302145507900001", "name", "SITI AMINAH", "occupation", "penderes", "income", "1500000",
                        "jkk", "15000", "jkm", "6800", "monthly", "21800"));
        return new UssdSession(sessionId, "*567#", UssdSession.Phase.ACTIVE, state, null, "#34:6b1f", // an AT history key
                1_795_400_000L);
    }

    @Test
    void aSavedDialogueComesBackWholeInOneRead() {
        UssdSession s = midRegistration("s-" + UUID.randomUUID());
        await(store.save(msisdn, s));
        assertEquals(new SessionStore.Loaded(Optional.of(s), Optional.empty(), true), await(store.load(msisdn, HOPS)));
    }

    @Test
    void aPhoneWithNothingStoredLoadsEmpty() {
        assertEquals(new SessionStore.Loaded(Optional.empty(), Optional.empty(), true), await(store.load(msisdn, HOPS)));
    }

    @Test
    void theLanguagePreferenceComesWithTheDialogueAndOutlivesIt() {
        await(store.rememberLanguage(msisdn, "en"));
        assertEquals(Optional.of("en"), await(store.load(msisdn, HOPS)).language());
        Duration left = await(backend.ttl(backend.keys().language(msisdn))).orElseThrow();
        assertTrue(left.compareTo(Duration.ofDays(399)) > 0, left.toString());
    }

    @Test
    void aDialogueIsKeptForTheResumeWindowAndSavingAgainRenewsIt() {
        UssdSession s = midRegistration("s-" + UUID.randomUUID());
        await(store.save(msisdn, s));
        Duration left = await(backend.ttl(backend.keys().ussdSession(msisdn))).orElseThrow();
        assertTrue(left.compareTo(Duration.ofSeconds(290)) > 0 && left.compareTo(Duration.ofMinutes(5)) <= 0, left.toString());
        await(store.save(msisdn, s));
        assertTrue(await(backend.ttl(backend.keys().ussdSession(msisdn))).orElseThrow().compareTo(Duration.ofSeconds(290)) > 0);
    }

    @Test
    void aResumeOfferKeepsTheOfferedState() {
        UssdSession was = midRegistration("old");
        UssdSession offer = new UssdSession("new-" + UUID.randomUUID(), "*567#", UssdSession.Phase.RESUME_OFFER,
                new SessionState("v", "main", 0, "en", List.of(), Map.of()), was.state(), "", 1_795_400_100L);
        await(store.save(msisdn, offer));
        assertEquals(Optional.of(offer), await(store.load(msisdn, HOPS)).session());
    }

    @Test
    void putIfAbsentSetsOnlyOnceUntilRemoved() {
        String key = "kt:test:nx:" + UUID.randomUUID();
        assertTrue(await(backend.putIfAbsent(key, "first", Duration.ofSeconds(30))));
        assertEquals(false, await(backend.putIfAbsent(key, "second", Duration.ofSeconds(30))));
        assertEquals(Optional.of("first"), await(backend.get(key)));
        assertTrue(await(backend.ttl(key)).orElseThrow().compareTo(Duration.ofSeconds(30)) <= 0);
        await(backend.remove(key));
        assertTrue(await(backend.putIfAbsent(key, "third", Duration.ofSeconds(30))));
        await(backend.remove(key));
    }

    @Test
    void aCounterCountsFromOne() {
        String key = "kt:test:counter:" + UUID.randomUUID();
        assertEquals(1L, await(backend.increment(key)));
        assertEquals(2L, await(backend.increment(key)));
        await(backend.remove(key));
    }

    @Test
    void countersAddAnyAmountAndSetsHoldEachMemberOnce() {
        String counter = "kt:test:sum:" + UUID.randomUUID();
        assertEquals(50_400L, await(backend.add(counter, 50_400)));
        assertEquals(67_200L, await(backend.add(counter, 16_800)));
        String set = "kt:test:set:" + UUID.randomUUID();
        assertEquals(java.util.Set.of(), await(backend.members(set)));
        assertTrue(await(backend.addToSet(set, "6281234567890")));
        assertTrue(!await(backend.addToSet(set, "6281234567890")), "a second add changes nothing");
        assertTrue(await(backend.addToSet(set, "6281234567891")));
        assertEquals(java.util.Set.of("6281234567890", "6281234567891"), await(backend.members(set)));
        assertTrue(await(backend.removeFromSet(set, "6281234567890")));
        assertEquals(java.util.Set.of("6281234567891"), await(backend.members(set)));
        await(backend.remove(set));
        await(backend.remove(counter));
        assertEquals(java.util.Set.of(), await(backend.members(set)));
    }

    @Test
    void keysOfOnePhoneShareAClusterHashTag() {
        assertEquals("kt:{" + msisdn.value() + "}:ussd", backend.keys().ussdSession(msisdn));
        assertEquals("kt:{" + msisdn.value() + "}:lang", backend.keys().language(msisdn));
        assertEquals("kt:{" + msisdn.value() + "}:optout", backend.keys().optOut(msisdn));
        assertEquals("kt:{" + msisdn.value() + "}:agent:pin", backend.keys().agentPin(msisdn));
    }
}
