package id.kentongan;

import id.kentongan.outbox.RedisSmsOutbox;
import id.kentongan.smpp.SmscConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * SMS settings. No SMSC means the built-in simulator, started in-process (demo mode). Its keys in Redis are under
 * {@code redis.namespace} (see {@code store.Keyspace}).
 */
public record Sms(Optional<SmscConfig> smsc, Duration patience, Duration reclaimIdle, int outboxShards) {
    public static Sms embedded() {
        return new Sms(Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(90), RedisSmsOutbox.DEFAULT_SHARDS);
    }

    public Sms {
        if (reclaimIdle.compareTo(patience.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("invalid configuration: sms.reclaimIdle must be at least twice sms.patience");
        }
        if (outboxShards < 1 || outboxShards > 256) throw new IllegalArgumentException("invalid configuration: sms.outboxShards must be 1..256");
    }

    public Sms with(SmscConfig c) {
        return new Sms(Optional.of(c), patience, reclaimIdle, outboxShards);
    }

    public Sms withPatience(Duration patience, Duration reclaimIdle) {
        return new Sms(smsc, patience, reclaimIdle, outboxShards);
    }

    public Sms withShards(int shards) {
        return new Sms(smsc, patience, reclaimIdle, shards);
    }
}
