package id.kentongan.actions;

import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.store.Once;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions menus may name, each call bounded by the backend timeout: a gateway gives up after 10-15 s, so a
 * backend that fails or is slow becomes the {@code error} result (a kind "try again" screen), never a dropped session.
 */
public final class Actions {
    private static final Logger log = LoggerFactory.getLogger(Actions.class);

    private final Vertx vertx;
    private final Duration timeout;
    private final Once once;
    private final Map<String, Action> byName = new LinkedHashMap<>();

    public Actions(Vertx vertx, Duration timeout, Once once, List<Action> actions) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.once = once;
        for (Action a : actions) {
            if (byName.put(a.spec().name(), a) != null) throw new IllegalArgumentException("two actions named " + a.spec().name());
        }
    }

    public Map<String, ActionSpec> catalog() {
        Map<String, ActionSpec> c = new LinkedHashMap<>();
        byName.forEach((k, v) -> c.put(k, v.spec()));
        return c;
    }

    public Future<ActionOutcome> run(String name, ActionCall call) {
        Action action = byName.get(name);
        if (action == null) return Future.succeededFuture(ActionOutcome.error()); // a validated menu never gets here
        Promise<ActionOutcome> result = Promise.promise();
        long timer = vertx.setTimer(timeout.toMillis(), id -> {
            if (result.tryComplete(ActionOutcome.error())) {
                log.warn("action {} timed out after {} ms for {}", name, timeout.toMillis(), call.msisdn().masked());
            }
        });
        Future<ActionOutcome> running;
        try {
            running = action.once() ? runOnce(name, action, call) : action.run(call);
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        running.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                result.tryComplete(ar.result());
            } else if (result.tryComplete(ActionOutcome.error())) {
                log.warn("action {} failed for {}: {}", name, call.msisdn().masked(), ar.cause().toString());
            }
        });
        return result.future();
    }

    /** Keyed by phone, action and session step, so a retried or doubled step gets the first outcome. */
    private Future<ActionOutcome> runOnce(String name, Action action, ActionCall call) {
        String key = once.keys().once(call.msisdn(), name, call.idempotencyKey());
        return once.run(key, () -> action.run(call).map(Actions::encode), s -> !decode(s).result().equals(ActionSpec.ERROR))
                .map(Actions::decode);
    }

    private static String encode(ActionOutcome o) {
        return new JsonObject().put("r", o.result()).put("v", new JsonObject(new java.util.HashMap<>(o.values()))).encode();
    }

    private static ActionOutcome decode(String s) {
        JsonObject j = new JsonObject(s);
        Map<String, String> v = new LinkedHashMap<>();
        j.getJsonObject("v").forEach(e -> v.put(e.getKey(), String.valueOf(e.getValue())));
        return new ActionOutcome(j.getString("r"), v);
    }
}
