package id.kentongan.menu;

/** The engine's answer to one input: the new state and either a reply for the phone or an effect to run first. */
public record Step(SessionState state, Reply reply, Effect effect) {
    public Step {
        if ((reply == null) == (effect == null)) throw new IllegalArgumentException("exactly one of reply, effect");
    }

    static Step reply(SessionState state, Reply reply) {
        return new Step(state, reply, null);
    }

    static Step effect(SessionState state, Effect effect) {
        return new Step(state, null, effect);
    }

    public boolean needsEffect() {
        return effect != null;
    }
}
