package id.kentongan.ussd;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, fuzzing: the two gateway readers on thousands of generated bodies. Documented outcomes only: a request, or
 * a named problem (answered 400); for the form parser, a map or IllegalArgumentException (a broken %-escape).
 */
class TransportPropertiesTest {
    /** Form-ish text: the characters that matter to the parser, often, and any others. */
    @Provide
    Arbitrary<String> formish() {
        Arbitrary<Character> special = Arbitraries.of('&', '=', '%', '+', '*', '#', '2', 'B', 'F', 'x');
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, special.list().ofMaxSize(60).map(l -> l.stream().map(String::valueOf).reduce("", String::concat))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(2, atForm()));
    }

    /** Bodies close to what Africa's Talking sends, with each field at times missing, empty or odd. */
    Arbitrary<String> atForm() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30), Arbitraries.of("", "*567#", "+6281234567890",
                "081234567890", "ATUid_1", "1*3302145507900001*Siti", "%E2%82%AC", "%zz", "a".repeat(300)));
        return Combinators.combine(value, value, value, value, Arbitraries.integers().between(0, 15))
                .as((sid, code, phone, text, drop) -> (drop == 1 ? "" : "sessionId=" + sid) + (drop == 2 ? "" : "&serviceCode=" + code)
                        + (drop == 3 ? "" : "&phoneNumber=" + phone) + (drop == 4 ? "" : "&text=" + text) + "&networkCode=51010");
    }

    @Property(tries = 3000)
    void theAtFormGivesARequestOrANamedProblem(@ForAll("formish") String body) {
        Map<String, String> form;
        try {
            form = FormBody.parse(body);
        } catch (IllegalArgumentException e) {
            return; // documented: a broken %-escape, answered 400
        }
        AtTransport.Parsed p = AtTransport.parse(form);
        assertNotNull(p);
        assertTrue(p.problem() != null || p.request() != null, "either a request or a problem");
        if (p.request() != null) {
            assertTrue(p.request().serviceCode().matches("\\*[0-9*]+#"), p.request().serviceCode());
            assertTrue(p.request().msisdn().value().startsWith("628"), p.request().msisdn().value());
        }
    }

    @Provide
    Arbitrary<String> hubtelish() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("Initiation", "Response", "Release", "Timeout", "*567#", "567", "+6281234567890", "s-1", "1", "-1", "999999999999")
                        .map(s -> (Object) s),
                Arbitraries.just((Object) new io.vertx.core.json.JsonObject().put("x", 1)), Arbitraries.just((Object) new io.vertx.core.json.JsonArray().add(1)));
        Arbitrary<String> field = Arbitraries.of("Type", "SessionId", "Mobile", "ServiceCode", "Sequence", "Message", "ClientState", "Operator");
        Arbitrary<String> json = Combinators.combine(field.list().ofMaxSize(8), value.list().ofSize(8)).as((names, values) -> {
            io.vertx.core.json.JsonObject o = new io.vertx.core.json.JsonObject();
            for (int i = 0; i < names.size(); i++) o.put(names.get(i), values.get(i));
            return o.encode();
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, json), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "null", "[]", "[1]", "\"x\"", "1", "{", "{\"Type\":")));
    }

    @Property(tries = 3000)
    void aHubtelBodyGivesAHopAClosingOrANamedProblem(@ForAll("hubtelish") String body) {
        HubtelTransport.Read r = HubtelTransport.read(body);
        int outcomes = (r.problem() != null ? 1 : 0) + (r.closed() ? 1 : 0) + (r.request() != null ? 1 : 0);
        assertEquals(1, outcomes, "exactly one outcome for " + body);
    }

    /** The gateway fields' definitions as regular expressions; the transports check them by hand, on every hop. */
    @Property(tries = 3000)
    void theHandWrittenChecksAgreeWithTheirDefinitions(@ForAll("idLike") String s) {
        assertEquals(java.util.regex.Pattern.matches("[A-Za-z0-9_.:\\-]{1,64}", s), AtTransport.sessionId(s), s);
        assertEquals(java.util.regex.Pattern.matches("\\*[0-9*]{1,18}#", s), AtTransport.serviceCode(s), s);
    }

    @Provide
    Arbitrary<String> idLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("*#0123456789").ofMaxLength(22),
                Arbitraries.strings().withChars("aZ09_.:-*# /\u00E9").ofMaxLength(70), Arbitraries.strings().ofMaxLength(66));
    }
}
