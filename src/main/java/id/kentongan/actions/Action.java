package id.kentongan.actions;

import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import io.vertx.core.Future;

import java.util.function.Function;

/** A named effect a menu's action screen may call, e.g. {@code member.register}. */
public interface Action {
    ActionSpec spec();

    Future<ActionOutcome> run(ActionCall call);

    /** Whether a doubled call (retry, second instance) must get the first call's outcome instead of running again. */
    boolean once();

    static Action of(ActionSpec spec, Function<ActionCall, Future<ActionOutcome>> body) {
        return new Simple(spec, body, false);
    }

    /** An action that runs at most once per session step: registrations and payment codes. */
    static Action once(ActionSpec spec, Function<ActionCall, Future<ActionOutcome>> body) {
        return new Simple(spec, body, true);
    }

    /** An action given by its spec and a function. */
    record Simple(ActionSpec spec, Function<ActionCall, Future<ActionOutcome>> body, boolean once) implements Action {
        @Override
        public Future<ActionOutcome> run(ActionCall call) {
            return body.apply(call);
        }
    }
}
