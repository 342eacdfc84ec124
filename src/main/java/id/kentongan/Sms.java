package id.kentongan;

import id.kentongan.smpp.SmscConfig;


import java.time.Duration;
import java.util.Optional;

/**
 * SMS settings. No SMSC means the built-in simulator, started in-process (demo mode). {@code namespace} prefixes the
 * outbox keys in Redis, so that separate deployments (or test runs) sharing one Redis do not drain each other's queue.
 */
public record Sms(Optional<SmscConfig> smsc, String namespace, Duration patience, Duration reclaimIdle) {
    public static Sms embedded() {
        return new Sms(Optional.empty(), "kt:sms", Duration.ofSeconds(30), Duration.ofSeconds(90));
    }

    public Sms {
        if (!namespace.matches("[A-Za-z0-9:_\\-{}]{1,64}")) throw new IllegalArgumentException("invalid configuration: sms.namespace " + namespace);
        if (reclaimIdle.compareTo(patience.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("invalid configuration: sms.reclaimIdle must be at least twice sms.patience");
        }
    }

    public Sms with(SmscConfig c) {
        return new Sms(Optional.of(c), namespace, patience, reclaimIdle);
    }

    public Sms withNamespace(String ns, Duration patience, Duration reclaimIdle) {
        return new Sms(smsc, ns, patience, reclaimIdle);
    }
}
