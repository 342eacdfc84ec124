package id.kentongan.session;

import id.kentongan.Instances;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.store.TtlStore;
import id.kentongan.text.DataKey;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real Redis on 127.0.0.1:6379 (started by .ci/run when it is not running). */
@Tag("redis")
class RedisSessionStoreTest extends SessionStoreContract {
    static final String REDIS = Instances.REDIS;

    @Override
    TtlStore newBackend(Vertx vertx) {
        return new RedisTtlStore(vertx, REDIS, Duration.ofSeconds(2));
    }

    @Test
    void aSessionInTheMiddleOfARegistrationIsSmall() {
        UssdSession s = midRegistration("ATUid_0123456789abcdef0123456789abcdef");
        await(store.save(msisdn, s));
        String key = backend.keys().ussdSession(msisdn);
        long json = new SessionCodec(DataKey.random()).encode(s).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        String stored = await(backend.get(key)).orElseThrow();
        for (String typed : s.state().values().values()) {
            assertTrue(!stored.contains(typed), "what the worker typed is sealed: " + typed + " in " + stored);
        }
        long redis = await(((RedisTtlStore) backend).memoryUsage(key));
        System.out.printf("session size: %d bytes of JSON, %d bytes in Redis (MEMORY USAGE)%n", json, redis);
        // Sealing the typed values (issue 14) costs a nonce, a tag and base64's third: ~100 bytes over the 330 of before.
        assertTrue(json <= 480, "JSON " + json);
        assertTrue(redis <= 640, "MEMORY USAGE " + redis);
        await(backend.remove(key));
    }
}
