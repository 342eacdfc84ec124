package id.kentongan.session;

import id.kentongan.member.Msisdn;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.Optional;

/**
 * Live USSD sessions and resume pointers. Keys carry the MSISDN as a Redis Cluster hash tag, so all of one
 * worker's keys live on one shard: {@code kt:{628…}:s:<sessionId>}, {@code kt:{628…}:resume} and the preferred
 * language {@code kt:{628…}:lang}.
 */
public final class SessionStore {
    /** A worker who chose English keeps it on later dials; forgotten after a long silence, like any preference. */
    static final Duration LANGUAGE_MEMORY = Duration.ofDays(400);

    private final TtlStore store;
    private final Duration sessionTtl;
    private final Duration resumeWindow;

    public SessionStore(TtlStore store, Duration sessionTtl, Duration resumeWindow) {
        this.store = store;
        this.sessionTtl = sessionTtl;
        this.resumeWindow = resumeWindow;
    }

    public static String sessionKey(Msisdn msisdn, String sessionId) {
        return "kt:{" + msisdn.value() + "}:s:" + sessionId;
    }

    public static String resumeKey(Msisdn msisdn) {
        return "kt:{" + msisdn.value() + "}:resume";
    }

    public static String languageKey(Msisdn msisdn) {
        return "kt:{" + msisdn.value() + "}:lang";
    }

    public Future<Optional<String>> preferredLanguage(Msisdn msisdn) {
        return store.get(languageKey(msisdn));
    }

    public Future<Void> rememberLanguage(Msisdn msisdn, String language) {
        return store.put(languageKey(msisdn), language, LANGUAGE_MEMORY);
    }

    public Future<Optional<UssdSession>> find(Msisdn msisdn, String sessionId) {
        return store.get(sessionKey(msisdn, sessionId)).map(v -> v.map(SessionCodec::decode));
    }

    public Future<Void> save(Msisdn msisdn, UssdSession session) {
        return store.put(sessionKey(msisdn, session.sessionId()), SessionCodec.encode(session), sessionTtl);
    }

    /** A dropped session that the worker may pick up again if they dial within the resume window. */
    public Future<Optional<UssdSession>> findResumable(Msisdn msisdn) {
        return store.get(resumeKey(msisdn)).map(v -> v.map(SessionCodec::decode));
    }

    public Future<Void> keepResumable(Msisdn msisdn, UssdSession session) {
        return store.put(resumeKey(msisdn), SessionCodec.encode(session), resumeWindow);
    }

    public Future<Void> forgetResumable(Msisdn msisdn) {
        return store.remove(resumeKey(msisdn));
    }

    public TtlStore backend() {
        return store;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }
}
