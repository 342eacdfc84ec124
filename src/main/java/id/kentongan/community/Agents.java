package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.TtlStore;
import id.kentongan.text.SlowHash;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Perisai agents, in the session store. The PIN is set by the agent on first use and kept only as a slow hash; three
 * wrong PINs in a row lock the agent menu for {@link #LOCK}. A successful PIN marks the USSD session as signed in for
 * {@link #SIGNED_IN}; every agent action checks that mark. Each agent keeps a running cash balance (what they
 * collected and have not yet deposited) and the list of what they registered and collected, for reconciliation.
 */
public final class Agents {
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int TRIES = 3;
    static final Duration SIGNED_IN = Duration.ofMinutes(10);
    private static final Duration KEEP = Duration.ofDays(3650);

    public enum Login { OK, WRONG, LOCKED }

    private final Vertx vertx;
    private final TtlStore store;

    public Agents(Vertx vertx, TtlStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    private String key(Msisdn m) {
        return store.keys().agent(m);
    }

    public Future<Void> save(Agent a) {
        return store.put(key(a.msisdn()), a.toJson().encode(), KEEP).compose(v -> store.addToSet(store.keys().agents(), a.msisdn().value())).mapEmpty();
    }

    public Future<Optional<Agent>> find(Msisdn m) {
        return store.get(key(m)).map(v -> v.map(j -> Agent.fromJson(new JsonObject(j))));
    }

    public Future<Set<String>> all() {
        return store.members(store.keys().agents());
    }

    public Future<Boolean> hasPin(Msisdn m) {
        return store.get(store.keys().agentPin(m)).map(Optional::isPresent);
    }

    public Future<Boolean> locked(Msisdn m) {
        return store.get(store.keys().agentLock(m)).map(Optional::isPresent);
    }

    /** Sets the PIN once: false when one is set already (changing it is an operator's job). */
    public Future<Boolean> setPin(Msisdn m, String pin) {
        return vertx.executeBlocking(() -> SlowHash.hash(pin, SlowHash.PIN_ITERATIONS), false)
                .compose(hash -> store.putIfAbsent(store.keys().agentPin(m), hash, KEEP));
    }

    /**
     * Checks a PIN. The attempt is counted (atomically, shared by every instance) BEFORE the PIN is verified, so at most
     * {@link #TRIES} wrong PINs are ever verified per agent within {@link #LOCK} (of the last attempt), however many
     * arrive at once; the third wrong one locks the agent menu for 15 minutes, and so does any attempt beyond it.
     */
    public Future<Login> login(Msisdn m, String pin, String sessionId) {
        return locked(m).compose(isLocked -> {
            if (isLocked) return Future.succeededFuture(Login.LOCKED);
            return store.incrementWithin(store.keys().agentFailures(m), LOCK).compose(attempt -> {
                if (attempt > TRIES) return lock(m);
                return store.get(store.keys().agentPin(m)).compose(stored -> {
                    if (stored.isEmpty()) return Future.succeededFuture(Login.WRONG);
                    return vertx.executeBlocking(() -> SlowHash.matches(pin, stored.get()), false).compose(ok -> {
                        if (ok) {
                            // Only this attempt is taken back (not the count reset): a right PIN racing a burst of wrong
                            // ones cannot reopen the door for three more guesses.
                            return store.add(store.keys().agentFailures(m), -1)
                                    .compose(v -> store.put(store.keys().agentSignedIn(m, sessionId), "1", SIGNED_IN)).map(Login.OK);
                        }
                        return attempt >= TRIES ? lock(m) : Future.succeededFuture(Login.WRONG);
                    });
                });
            });
        });
    }

    private Future<Login> lock(Msisdn m) {
        return store.put(store.keys().agentLock(m), "1", LOCK).map(Login.LOCKED);
    }

    /** An operator's reset (a forgotten PIN, or a lock to lift): the agent chooses a new PIN on the next dial. */
    /** Lifts the lock and forgets the wrong tries; the PIN stays. */
    public Future<Void> unlock(Msisdn m) {
        return Future.all(store.remove(store.keys().agentFailures(m)), store.remove(store.keys().agentLock(m))).mapEmpty();
    }

    public Future<Void> resetPin(Msisdn m) {
        return Future.all(store.remove(store.keys().agentPin(m)), store.remove(store.keys().agentFailures(m)), store.remove(store.keys().agentLock(m))).mapEmpty();
    }

    public Future<Integer> triesLeft(Msisdn m) {
        return store.get(store.keys().agentFailures(m)).map(f -> TRIES - f.map(Integer::parseInt).orElse(0));
    }

    /** Whether this USSD session of the agent entered the right PIN (within the last 10 minutes). */
    public Future<Boolean> signedIn(Msisdn m, String sessionId) {
        return store.get(store.keys().agentSignedIn(m, sessionId)).map(Optional::isPresent);
    }

    /** Adds collected cash to the agent's balance; returns the new balance. */
    public Future<Long> collected(Msisdn agent, long amount, String record) {
        return store.addToSet(key(agent) + ":collections", record)
                .compose(fresh -> fresh ? store.add(key(agent) + ":cash", amount) : balance(agent));
    }

    public Future<Long> balance(Msisdn agent) {
        return store.get(key(agent) + ":cash").map(v -> v.map(Long::parseLong).orElse(0L));
    }

    public Future<Set<String>> collections(Msisdn agent) {
        return store.members(key(agent) + ":collections");
    }
}
