package id.kentongan.session;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;

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
    /** A worker who chose English keeps it on later dials; forgotten after a long silence, like any preference. */
    static final Duration LANGUAGE_MEMORY = Duration.ofDays(400);

    /** What one read brings: the phone's last dialogue, if any, and its preferred language, if any. */
    public record Loaded(Optional<UssdSession> session, Optional<String> language) {}

    private final TtlStore store;
    private final Duration sessionTtl;
    private final Duration resumeWindow;

    public SessionStore(TtlStore store, Duration sessionTtl, Duration resumeWindow) {
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

    public Future<Loaded> load(Msisdn msisdn) {
        return store.getAll(List.of(sessionKey(msisdn), languageKey(msisdn)))
                .map(v -> new Loaded(v.get(0).map(SessionCodec::decode), v.get(1)));
    }

    public Future<Void> save(Msisdn msisdn, UssdSession session) {
        return store.put(sessionKey(msisdn), SessionCodec.encode(session), resumeWindow.compareTo(sessionTtl) > 0 ? resumeWindow : sessionTtl);
    }

    public Future<Void> rememberLanguage(Msisdn msisdn, String language) {
        return store.put(languageKey(msisdn), language, LANGUAGE_MEMORY);
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
