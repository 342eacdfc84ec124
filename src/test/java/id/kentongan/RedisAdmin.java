package id.kentongan;

import id.kentongan.store.Redis;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.time.Duration;

/**
 * A test's own look into the Redis under test, whatever its topology (one server, Sentinel, a cluster: commands on a
 * cluster go to the node holding the key; SCAN and MGET span the nodes).
 */
public final class RedisAdmin implements AutoCloseable {
    private final Redis redis = new Redis(Instances.REDIS, Duration.ofSeconds(10));

    public static RedisAdmin open() {
        return new RedisAdmin();
    }

    public RedisClusterCommands<String, String> sync() {
        return redis.sync();
    }

    public boolean cluster() {
        return redis.cluster();
    }

    @Override
    public void close() {
        Instances.await(redis.close());
    }
}
