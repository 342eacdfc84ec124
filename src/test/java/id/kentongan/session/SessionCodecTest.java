package id.kentongan.session;

import id.kentongan.menu.SessionState;
import id.kentongan.text.DataKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void whatAWorkerTypesComesBackAsTypedHoweverAwkward() {
        // Quotes, backslashes, a line break, non-Latin letters and an emoji in what was typed, the history and the hop key.
        Map<String, String> typed = new java.util.LinkedHashMap<>();
        typed.put("nik", "3302140101900001");
        typed.put("name", "SITI \"BU\" AMINAH\\ NGAPAK\nBARIS 2 ÉÑ 𝄞 😀");
        typed.put("empty", "");
        SessionState state = new SessionState("v9", "reg_confirm", 2, "jv", List.of("main", "reg_\"nik\""), typed);
        SessionState offered = new SessionState("v8", "pay_months", 0, "en", List.of(), Map.of());
        UssdSession s = new UssdSession("ATUid_\"x\"\u0001", "*567#", UssdSession.Phase.RESUME_OFFER, state, offered, "1*2*\\*3", 1_796_335_539L);
        String text = CODEC.encode(s);
        assertEquals(s, CODEC.decode(text));
        assertFalse(text.contains("3302140101900001") || text.contains("AMINAH"), "typed values only sealed: " + text);
        // Plain JSON: any reader sees the same fields.
        JsonObject j = new JsonObject(text);
        assertEquals("R", j.getString("p"));
        assertEquals(List.of("main", "reg_\"nik\""), j.getJsonObject("s").getJsonArray("h").getList());
        assertEquals(2, j.getJsonObject("s").getInteger("g"));
        assertEquals("1*2*\\*3", j.getString("k"));
    }

    @Test
    void aDialogueWrittenByTheEarlierJsonTreeIsReadTheSame() {
        // As the codec wrote it before issue 18 (a JSON tree), so instances of both builds read each other's dialogues.
        DataKey key = DataKey.random();
        String sealed = key.seal(new JsonObject().put("nik", "3302140101900001").put("name", "PEKERJA A").encode());
        String before = new JsonObject().put("i", "s7").put("c", "*567#").put("p", "A").put("t", 1_796_335_539L)
                .put("s", new JsonObject().put("v", "9ec2").put("s", "reg_job").put("l", "id").put("h", new JsonArray().add("main").add("reg_nik"))
                        .put("x", sealed))
                .put("k", "#3:9").encode();
        UssdSession read = new SessionCodec(key).decode(before);
        assertEquals(new UssdSession("s7", "*567#", UssdSession.Phase.ACTIVE, new SessionState("9ec2", "reg_job", 0, "id", List.of("main", "reg_nik"),
                Map.of("nik", "3302140101900001", "name", "PEKERJA A")), null, "#3:9", 1_796_335_539L), read);
        assertEquals(read, new SessionCodec(key).decode(new SessionCodec(key).encode(read)));
    }

    @Test
    void whatIsNotADialogueIsRefusedAsSuch() {
        for (String bad : List.of("", "[]", "{", "{\"i\":\"s\"}", "{\"p\":\"Q\",\"s\":{\"v\":\"1\",\"s\":\"a\",\"l\":\"id\"}}",
                "{\"p\":\"A\",\"s\":{\"v\":\"1\",\"s\":\"a\"}}", "{\"p\":\"A\",\"s\":{\"v\":\"1\",\"s\":\"a\",\"l\":\"id\",\"x\":\"k1:AAAA\"}}",
                "not json at all")) {
            assertThrows(IllegalArgumentException.class, () -> CODEC.decode(bad), bad);
        }
        // Sealed with another instance's key: refused, so the store begins the dialogue again.
        String other = new SessionCodec(DataKey.random()).encode(SessionStoreContract.midRegistration("s1"));
        assertThrows(IllegalArgumentException.class, () -> CODEC.decode(other));
    }
}
