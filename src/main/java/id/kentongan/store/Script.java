package id.kentongan.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script from {@code src/main/resources/redis/}, read once and run by its SHA-1 (EVALSHA): the body travels
 * only when Redis does not know it yet (NOSCRIPT after a restart or on a new node), then once more by SHA.
 */
public final class Script {
    public static final Script OUTBOX_ENQUEUE = load("outbox-enqueue");
    public static final Script OUTBOX_FINISH = load("outbox-finish");
    public static final Script COUNT_WITHIN = load("count-within");
    public static final Script READ_AND_COUNT = load("read-and-count");
    public static final Script CAMPAIGN_ADD_TARGETS = load("campaign-add-targets");
    public static final Script CAMPAIGN_MOVE_STATE = load("campaign-move-state");
    public static final Script REMINDERS_CLAIM = load("reminders-claim");
    public static final Script REMINDERS_RECLAIM = load("reminders-reclaim");
    public static final Script HASH_SWAP = load("hash-swap");
    public static final Script KEEP_NEWEST = load("keep-newest");
    public static final Script HASH_ADD = load("hash-add");
    public static final Script PUT_IF_ABSENT_WITH = load("put-if-absent-with");

    private final String name;
    private final String body;
    private final String sha;

    private Script(String name, String body) {
        this.name = name;
        this.body = body;
        this.sha = sha1(body);
    }

    static Script load(String name) {
        try (InputStream in = Script.class.getResourceAsStream("/redis/" + name + ".lua")) {
            if (in == null) throw new IllegalStateException("missing resource /redis/" + name + ".lua");
            return new Script(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public String sha() {
        return sha;
    }

    /** On a worker thread. */
    public <T> T run(RedisClusterCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            return redis.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            redis.scriptLoad(body);
            return redis.evalsha(sha, type, keys, args);
        }
    }

    /** Without blocking: for the event loop. */
    public <T> CompletionStage<T> runAsync(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        // One future more than the command's own, and only a failure composes (it ran on every session read).
        return redis.<T>evalsha(sha, type, keys, args).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof RedisNoScriptException)) return CompletableFuture.<T>failedFuture(cause);
            return redis.scriptLoad(body).thenCompose(loaded -> redis.<T>evalsha(sha, type, keys, args));
        });
    }

    private static String sha1(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + sha.substring(0, 8);
    }
}
