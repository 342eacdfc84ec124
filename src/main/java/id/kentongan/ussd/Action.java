package id.kentongan.ussd;

import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import io.vertx.core.Future;

import java.util.function.Function;

/** A named effect a menu's action screen may call, e.g. {@code member.register}. */
public interface Action {
    ActionSpec spec();

    Future<ActionOutcome> run(ActionCall call);

    static Action of(ActionSpec spec, Function<ActionCall, Future<ActionOutcome>> body) {
        return new Action() {
            @Override
            public ActionSpec spec() {
                return spec;
            }

            @Override
            public Future<ActionOutcome> run(ActionCall call) {
                return body.apply(call);
            }
        };
    }
}
