package id.kentongan.store;

import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import io.lettuce.core.ScriptOutputType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts run by SHA; a Redis that forgot them (restart, new node: NOSCRIPT) gets the body once, and the call succeeds. */
@Tag("redis")
class ScriptTest {

    @Test
    void aScriptRedisForgotIsLoadedAgainAndRunsOnce() throws Exception {
        Redis redis = new Redis(Instances.REDIS, Duration.ofSeconds(2));
        try (RedisAdmin c = RedisAdmin.open()) {
            Keyspace keys = new Keyspace("kt-test-script-" + UUID.randomUUID().toString().substring(0, 8));
            String campaign = keys.campaign("c1");
            c.sync().hset(campaign, "state", "SCHEDULED");

            c.sync().scriptFlush();
            assertEquals(List.of(false), c.sync().scriptExists(Script.CAMPAIGN_MOVE_STATE.sha()), "Redis has forgotten it");
            String was = Script.CAMPAIGN_MOVE_STATE.run(redis.sync(), ScriptOutputType.VALUE, new String[]{campaign}, "SCHEDULED", "RUNNING");
            assertEquals("SCHEDULED", was);
            assertEquals("RUNNING", c.sync().hget(campaign, "state"), "the move happened once");
            assertEquals(List.of(true), c.sync().scriptExists(Script.CAMPAIGN_MOVE_STATE.sha()), "and Redis knows it again");

            c.sync().scriptFlush(); // the same without blocking, as the event loop runs it
            Long added = Script.CAMPAIGN_ADD_TARGETS.<Long>runAsync(redis.async().toCompletableFuture().get(), ScriptOutputType.INTEGER,
                    new String[]{keys.campaign("c1", "targets"), keys.campaign("c1", "todo")}, "6281234567890", "{}", "6281234567891", "{}",
                    "6281234567890", "{}").toCompletableFuture().get();
            assertEquals(2L, added, "a number twice in a page is one target");
            assertEquals(1L, c.sync().xlen(keys.campaign("c1", "todo")));
            assertTrue(c.sync().sismember(keys.campaign("c1", "targets"), "6281234567890"));
            assertEquals(0L, (Long) Script.CAMPAIGN_ADD_TARGETS.run(redis.sync(), ScriptOutputType.INTEGER,
                    new String[]{keys.campaign("c1", "targets"), keys.campaign("c1", "todo")}, "6281234567891", "{}"), "a page of known numbers adds nothing");
            assertEquals(1L, c.sync().xlen(keys.campaign("c1", "todo")), "and no entry");
            c.sync().del(campaign, keys.campaign("c1", "targets"), keys.campaign("c1", "todo"));
        } finally {
            redis.close().toCompletionStage().toCompletableFuture().get();
        }
    }
}
