package id.kentongan.outbox;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.Blocking;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;

import java.time.Duration;

/** Who asked for no reminders (SMS STOP) — kept per phone, {@code kt:{628…}:optout}, until MULAI. */
public final class OptOuts {
    private static final Duration KEEP = Duration.ofDays(3650);
    private final TtlStore store;

    public OptOuts(TtlStore store) {
        this.store = store;
    }

    public Future<Void> optOut(Msisdn who) {
        return store.put(key(who), "1", KEEP);
    }

    public Future<Void> optIn(Msisdn who) {
        return store.remove(key(who));
    }

    public Future<Boolean> optedOut(Msisdn who) {
        return store.get(key(who)).map(v -> v.isPresent());
    }

    /** The numbers (628…) among {@code msisdns} that opted out: one read for them all. */
    public Future<java.util.Set<String>> optedOutAmong(java.util.Collection<String> msisdns) {
        java.util.List<String> numbers = java.util.List.copyOf(msisdns);
        return store.getAll(numbers.stream().map(n -> key(new Msisdn(n))).toList()).map(values -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (int i = 0; i < numbers.size(); i++) if (values.get(i).isPresent()) out.add(numbers.get(i));
            return out;
        });
    }

    /** For the SMS sender's threads: blocks until the store answers. */
    public OptOutCheck blocking() {
        return numbers -> Blocking.await(optedOutAmong(numbers));
    }

    private String key(Msisdn who) {
        return store.keys().optOut(who);
    }
}
