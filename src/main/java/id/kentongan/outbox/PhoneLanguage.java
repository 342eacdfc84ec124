package id.kentongan.outbox;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.Keyspace;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Wording;
import io.vertx.core.Future;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The language a phone chose (in a menu, or by SMS BASA …), kept per phone as {@code kt:{628…}:lang}, and the
 * service's SMS texts in it: every SMS to a phone is written in its language, Bahasa Indonesia where none was chosen.
 */
public final class PhoneLanguage {
    /** How long a phone's choice is remembered: a preference, forgotten after a long silence. */
    public static final Duration MEMORY = Duration.ofDays(400);

    private final TtlStore store;
    private final Wording wording;

    public PhoneLanguage(TtlStore store, Wording wording) {
        this.store = store;
        this.wording = wording;
    }

    /** The phone's language; Bahasa Indonesia when none was chosen or it cannot be read now (an SMS is never held back for it). */
    public Future<String> of(Msisdn phone) {
        return store.get(store.keys().language(phone)).map(l -> Wording.known(l.orElse(null))).recover(e -> {
            LoggerFactory.getLogger(PhoneLanguage.class).warn("the language of {} could not be read ({}): Bahasa Indonesia", phone.masked(), e.toString());
            return Future.succeededFuture("id");
        });
    }

    public Future<Void> remember(Msisdn phone, String language) {
        return store.put(store.keys().language(phone), Wording.known(language), MEMORY);
    }

    /** The text {@code name} in the phone's language. */
    public Future<String> say(Msisdn phone, String name, String... namesAndValues) {
        return of(phone).map(l -> wording.say(name, l, namesAndValues));
    }

    public Future<String> say(Msisdn phone, String name, Map<String, String> values) {
        return of(phone).map(l -> wording.say(name, l, values));
    }

    /**
     * Each phone's chosen language (Bahasa Indonesia where none), one MGET for them all: for the blocking readers of
     * many phones at once (the reminder reading, a campaign's page of work). Keyed by the number as stored (628…).
     */
    public static Map<String, String> ofAll(io.lettuce.core.cluster.api.sync.RedisClusterCommands<String, String> redis,
                                            Keyspace keys, java.util.Collection<String> msisdns) {
        java.util.List<String> distinct = msisdns.stream().distinct().toList();
        Map<String, String> out = new java.util.HashMap<>();
        if (distinct.isEmpty()) return out;
        java.util.List<io.lettuce.core.KeyValue<String, String>> found = redis.mget(distinct.stream().map(n -> keys.language(new Msisdn(n))).toArray(String[]::new));
        for (int i = 0; i < distinct.size(); i++) out.put(distinct.get(i), Wording.known(found.get(i).getValueOrElse(null)));
        return out;
    }

    public Wording wording() {
        return wording;
    }
}
