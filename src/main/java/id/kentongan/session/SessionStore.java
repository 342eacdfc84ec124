package id.kentongan.session;

import id.kentongan.domain.Msisdn;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import id.kentongan.text.DataKey;
import io.vertx.core.Future;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * USSD dialogues, one key per phone: {@code kt:{628…}:ussd}, and the phone's preferred language {@code kt:{628…}:lang}.
 * A hop costs one read ({@link #load}: both keys in one MGET — they share the MSISDN as Redis Cluster hash tag) and one
 * write ({@link #save}). The dialogue key lives for the resume window: a dialogue is live while its last hop is within
 * the session TTL, and resumable from a new dial within the resume window.
 */
public final class SessionStore {

    /** What one read brings: the phone's last dialogue, if any, and its preferred language, if any. */
    public record Loaded(Optional<UssdSession> session, Optional<String> language, boolean withinQuota) {}

    private final TtlStore store;
    private final Duration sessionTtl;
    private final Duration resumeWindow;

    private final SessionCodec codec;

    public SessionStore(TtlStore store, Duration sessionTtl, Duration resumeWindow, DataKey key) {
        this.codec = new SessionCodec(key);
        this.store = store;
        this.sessionTtl = sessionTtl;
        this.resumeWindow = resumeWindow;
    }

    private String sessionKey(Msisdn msisdn) {
        return store.keys().ussdSession(msisdn);
    }

    private String languageKey(Msisdn msisdn) {
        return store.keys().language(msisdn);
    }

    /** The phone's dialogue and language, one read that also counts the hop against the number's {@code quota}. */
    public Future<Loaded> load(Msisdn msisdn, Quota quota) {
        return store.getAllCounting(List.of(sessionKey(msisdn), languageKey(msisdn)), store.keys().quota(quota.name(), msisdn.value()), quota.window())
                .map(c -> new Loaded(c.values().get(0).flatMap(this::readable), c.values().get(1), c.count() <= quota.max()));
    }

    public Future<Void> save(Msisdn msisdn, UssdSession session) {
        return store.put(sessionKey(msisdn), codec.encode(session), resumeWindow.compareTo(sessionTtl) > 0 ? resumeWindow : sessionTtl);
    }

    /** A dialogue this instance cannot read (sealed with another key: instances configured apart) begins again. */
    private Optional<UssdSession> readable(String text) {
        try {
            return Optional.of(codec.decode(text));
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(SessionStore.class).warn("a stored dialogue could not be read ({}): it begins again; "
                    + "every instance needs the same security.dataKey", e.getMessage());
            return Optional.empty();
        }
    }

    public Future<Void> rememberLanguage(Msisdn msisdn, String language) {
        // A worker who chose English keeps it on later dials, as after SMS BASA INGGRIS: one memory for both.
        return store.put(languageKey(msisdn), language, PhoneLanguage.MEMORY);
    }

    public TtlStore backend() {
        return store;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    public Duration resumeWindow() {
        return resumeWindow;
    }
}
