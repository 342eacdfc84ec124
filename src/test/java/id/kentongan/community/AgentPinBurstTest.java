package id.kentongan.community;

import id.kentongan.AdminClient;
import id.kentongan.Gateway;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.domain.Msisdn;
import id.kentongan.store.Keyspace;
import id.kentongan.store.RedisTtlStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /**
     * The same burst end to end: 100 wrong PINs and the right one typed at once as {@code *568*PIN#} dials, with their
     * own session ids, alternating between two service instances on one Redis.
     */
    @Test
    void aHundredWrongPinDialsAndTheRightOneAcrossTwoInstancesSignInNobodyAndLockTheAgent() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan one = instances.start(Instances.withRedis());
            Kentongan two = instances.start(Instances.withRedis());
            String agent = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            assertEquals(201, AdminClient.admin(one).send("POST", "/admin/agents", new JsonObject().put("msisdn", agent).put("name", "Siti Aminah")
                    .put("area", "Pasar Ajibarang").put("groups", new JsonArray().add("Burst " + System.nanoTime()))).statusCode());
            Call first = new Call("b-set", agent, one.port()).code("*568#");
            first.dial();
            first.press("481516");
            assertTrue(first.press("481516").body().startsWith("CON Perisai Siti A."));

            ExecutorService pool = Executors.newFixedThreadPool(40);
            try {
                List<CompletableFuture<String>> burst = new ArrayList<>();
                for (int i = 0; i < 101; i++) {
                    String pin = i == 50 ? "481516" : String.format("%06d", 100_000 + i);
                    int port = (i % 2 == 0 ? one : two).port();
                    String sid = "b-" + i;
                    burst.add(CompletableFuture.supplyAsync(() -> Gateway.at(port, "*568#", sid, agent, pin).body(), pool));
                }
                Map<String, Long> answers = burst.stream().map(CompletableFuture::join)
                        .collect(Collectors.groupingBy(b -> b.startsWith("CON PIN salah") ? "wrong" : b.startsWith("CON Perisai") ? "signed_in"
                                : b.startsWith("END PIN salah 3 kali") ? "locked" : b, Collectors.counting()));
                System.out.println("PIN dials of 101 across two instances: " + answers);
                assertTrue(answers.getOrDefault("wrong", 0L) <= 2, "at most three wrong PINs verified (the third locks): " + answers);
                assertTrue(answers.getOrDefault("signed_in", 0L) <= 1, answers.toString());
                assertEquals(101, answers.getOrDefault("wrong", 0L) + answers.getOrDefault("signed_in", 0L) + answers.getOrDefault("locked", 0L),
                        "every dial answered with one of the three: " + answers);
                assertEquals("END PIN salah 3 kali. Menu agen dikunci 15 menit.", Gateway.at(two.port(), "*568#", "b-after", agent, "481516").body(),
                        "the right PIN is refused while locked");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
