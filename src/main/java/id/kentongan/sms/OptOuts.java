package id.kentongan.sms;

import id.kentongan.member.Msisdn;
import id.kentongan.session.TtlStore;
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

    private static String key(Msisdn who) {
        return "kt:{" + who.value() + "}:optout";
    }
}
