package id.kentongan.session;

import com.github.benmanes.caffeine.cache.Ticker;
import id.kentongan.store.MemoryTtlStore;
import id.kentongan.store.TtlStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemorySessionStoreTest extends SessionStoreContract {
    private final AtomicLong nanos = new AtomicLong();

    @Override
    TtlStore newBackend(Vertx vertx) {
        Ticker ticker = nanos::get;
        return new MemoryTtlStore(ticker, 10_000);
    }

    @Test
    void aDialogueIsGoneOnceTheResumeWindowHasPassed() {
        UssdSession s = midRegistration("s-expiring");
        await(store.save(msisdn, s));
        nanos.addAndGet(Duration.ofSeconds(299).toNanos());
        assertTrue(await(store.load(msisdn, HOPS)).session().isPresent());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals(Optional.empty(), await(store.load(msisdn, HOPS)).session());
    }
}
