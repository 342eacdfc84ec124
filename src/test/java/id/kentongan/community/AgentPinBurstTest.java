package id.kentongan.community;

import id.kentongan.Instances;
import id.kentongan.domain.Msisdn;
import id.kentongan.store.Keyspace;
import id.kentongan.store.RedisTtlStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PIN burst (issue 14, finding 2): 100 wrong PINs and the right one, all at once, half through each of two
 * instances' stores on one Redis. The attempt is counted atomically before the PIN is checked, so at most three wrong
 * PINs are ever verified; the agent ends locked, and the right PIN is refused while locked.
 */
@Tag("redis")
class AgentPinBurstTest {
    @Test
    void aHundredWrongPinsAndTheRightOneAtOnceVerifyAtMostThreeWrongAndLockTheAgent() throws Exception {
        Vertx vertx = Vertx.vertx();
        Keyspace keys = new Keyspace(Instances.newNamespace());
        RedisTtlStore one = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), keys);
        RedisTtlStore two = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), keys);
        try {
            Agents a = new Agents(vertx, one);
            Agents b = new Agents(vertx, two);
            Msisdn agent = new Msisdn("6281299990001");
            assertTrue(Instances.await(a.setPin(agent, "481516")));
            List<Future<Agents.Login>> burst = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String wrong = String.format("%06d", 100_000 + i);
                burst.add((i % 2 == 0 ? a : b).login(agent, wrong, "s" + i));
                if (i == 50) burst.add(b.login(agent, "481516", "right"));
            }
            Instances.await(Future.join(new ArrayList<>(burst)));
            Map<Agents.Login, Long> outcomes = burst.stream().map(Future::result)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long wrongVerified = outcomes.getOrDefault(Agents.Login.WRONG, 0L);
            System.out.println("PIN burst of 101 across two instances: " + outcomes);
            assertTrue(wrongVerified <= 2, "at most three wrong PINs verified (the third locks): " + outcomes);
            assertTrue(outcomes.getOrDefault(Agents.Login.OK, 0L) <= 1, outcomes.toString());
            assertTrue(outcomes.getOrDefault(Agents.Login.LOCKED, 0L) >= 97, outcomes.toString());
            assertTrue(Instances.await(a.locked(agent)), "the agent is locked");
            assertEquals(Agents.Login.LOCKED, Instances.await(b.login(agent, "481516", "later")), "the right PIN is refused while locked");
        } finally {
            Instances.await(one.close());
            Instances.await(two.close());
            Instances.await(vertx.close());
        }
    }
}
