package id.kentongan.session;

import id.kentongan.menu.SessionState;

/**
 * A phone's USSD dialogue as stored between hops — one per phone, since a handset holds one USSD dialogue at a time.
 * {@code lastHop} identifies the last request answered (the Africa's Talking input history, or Hubtel's sequence
 * number): a gateway's retry of it is answered again from the state, without advancing the journey. {@code lastSeen}
 * (epoch seconds) tells a live dialogue from one that dropped and may be resumed.
 */
public record UssdSession(String sessionId, String serviceCode, Phase phase, SessionState state, SessionState offered,
                          String lastHop, long lastSeen) {

    public enum Phase {
        /** Walking the menu. */
        ACTIVE,
        /** Asked whether to continue a dropped session ({@code offered}) or start again. */
        RESUME_OFFER,
        /** Ended; kept so that a retried last request gets the same END screen, and nothing is offered for resume. */
        ENDED
    }
}
