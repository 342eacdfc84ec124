package id.kentongan.session;

import id.kentongan.menu.SessionState;
import id.kentongan.text.DataKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the session store may keep of a secret (issue 14, finding 1): a slow hash for one hop, never the secret. */
class SessionCodecTest {
    static final SessionCodec CODEC = new SessionCodec(DataKey.random());

    private static SessionState typed(String pin) {
        return new SessionState("v1", "pin_new2", 0, "id", List.of("pin_new"), Map.of("agent_name", "Siti A."), Map.of("pin", pin));
    }

    @Test
    void aSecretTypedInThisHopIsStoredAsASaltedHashThatMatchesOnlyItAndOnlyForOneHop() {
        String json = CODEC.encode(new UssdSession("s1", "*568#", UssdSession.Phase.ACTIVE, typed("481516"), null, "k", 1));
        assertFalse(json.contains("481516"), json);
        SessionState next = CODEC.decode(json).state();
        String held = next.secrets().get("pin");
        assertTrue(SessionState.sameSecret(held, "481516"));
        assertFalse(SessionState.sameSecret(held, "481517"));
        assertFalse(CODEC.encode(new UssdSession("s1", "*568#", UssdSession.Phase.ACTIVE, typed("481516"), null, "k", 1))
                .contains(held.split("\\$")[3]), "a new salt each time");
        String again = CODEC.encode(new UssdSession("s1", "*568#", UssdSession.Phase.ACTIVE, next, null, "k2", 2));
        assertFalse(again.contains("pbkdf2"), "a held hash is not kept a second hop: " + again);
    }

    @Test
    void anEndedSessionKeepsNoSecretAtAll() {
        String json = CODEC.encode(new UssdSession("s1", "*568#", UssdSession.Phase.ENDED, typed("481516"), null, "k", 1));
        assertFalse(json.contains("481516") || json.contains("pbkdf2"), json);
        assertEquals(Map.of(), CODEC.decode(json).state().secrets());
    }
}
