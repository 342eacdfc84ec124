package id.kentongan.session;

import id.kentongan.menu.Reply;
import id.kentongan.menu.SessionState;

/**
 * One USSD dialogue as stored between hops. {@code lastHop} identifies the last request answered (the Africa's
 * Talking input history, or Hubtel's sequence number) and {@code lastReply} what it got: a gateway's retry of that
 * request gets the same answer without advancing the journey twice.
 */
public record UssdSession(String sessionId, String serviceCode, Phase phase, SessionState state, SessionState offered,
                          String lastHop, Reply lastReply) {

    public enum Phase {
        /** Walking the menu. */
        ACTIVE,
        /** Asked whether to continue a dropped session ({@code offered}) or start again. */
        RESUME_OFFER,
        /** Ended; kept briefly so a retried last request gets the same END screen. */
        ENDED
    }
}
