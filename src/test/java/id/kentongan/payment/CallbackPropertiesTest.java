package id.kentongan.payment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, fuzzing: the payment callback verifier on thousands of generated callbacks, correctly signed or not.
 * Every one gets a verdict: credit a whole, positive amount for a code, or refuse with 400 or 401; never an exception,
 * never a credit without a valid signature.
 */
class CallbackPropertiesTest {
    static final String SECRET = "provider-secret";
    static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

    record Callback(String body, String timestamp, boolean signed, String signature) {}

    @Provide
    Arbitrary<Callback> callbacks() {
        Arbitrary<Object> amount = Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l), Arbitraries.integers().between(-5, 200_000).map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of("16800", "", "1e3").map(s -> (Object) s),
                Arbitraries.of(new java.math.BigInteger("99999999999999999999999"), new java.math.BigDecimal("16800.00"), new java.math.BigDecimal("16800.99"))
                        .map(n -> (Object) n));
        Arbitrary<Object> code = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70).map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.just((Object) new io.vertx.core.json.JsonObject()));
        Arbitrary<Object> status = Arbitraries.of("PAID", "paid", "FAILED", "", "PAID ").map(s -> (Object) s);
        Arbitrary<String> json = Combinators.combine(code, amount, status, Arbitraries.of(Set.of(), Set.of("code"), Set.of("amount"), Set.of("status")))
                .as((c, a, s, missing) -> {
                    io.vertx.core.json.JsonObject o = new io.vertx.core.json.JsonObject();
                    if (!missing.contains("code")) o.put("code", c);
                    if (!missing.contains("amount")) o.put("amount", a);
                    if (!missing.contains("status")) o.put("status", s);
                    return o.encode();
                });
        Arbitrary<String> body = Arbitraries.frequencyOf(Tuple.of(6, json), Tuple.of(1, Arbitraries.strings().ofMaxLength(100)),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "[1,2]", "1", "\"PAID\"", "{\"code\":")));
        Arbitrary<String> timestamp = Arbitraries.oneOf(Arbitraries.of(Long.toString(NOW.getEpochSecond()), Long.toString(NOW.getEpochSecond() - 299),
                Long.toString(NOW.getEpochSecond() + 301), " " + NOW.getEpochSecond() + " ", "", "abc", "99999999999999999999"),
                Arbitraries.longs().map(l -> Long.toString(l)));
        Arbitrary<String> forged = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70), Arbitraries.just("0".repeat(64)));
        return Combinators.combine(body, timestamp, Arbitraries.of(true, false), forged).as(Callback::new);
    }

    @Property(tries = 5000)
    void everyCallbackGetsAVerdictAndOnlyASignedOneCredits(@ForAll("callbacks") Callback c) {
        byte[] raw = c.body().getBytes(StandardCharsets.UTF_8);
        String signature = c.signed() ? Signatures.sign(SECRET, c.timestamp(), raw) : c.signature();
        PaymentCallback.Verdict v = PaymentCallback.verify(SECRET, c.timestamp(), signature, raw, NOW);
        assertTrue(List.of(0, 400, 401).contains(v.status()), "status " + v.status());
        if (!c.signed()) assertEquals(401, v.status(), "a forged signature never credits");
        if (v.status() == 0) {
            assertTrue(v.amount() > 0 && v.code() != null && !v.code().isBlank(), v.toString());
            io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(c.body());
            assertEquals(new java.math.BigDecimal(body.getValue("amount").toString()).stripTrailingZeros(),
                    java.math.BigDecimal.valueOf(v.amount()).stripTrailingZeros(), "the amount credited is the amount paid, whole");
        } else {
            assertTrue(v.reason() != null && !v.reason().isBlank());
        }
    }

    @Property(tries = 500)
    void noSecretNoCredit(@ForAll("callbacks") Callback c) {
        byte[] raw = c.body().getBytes(StandardCharsets.UTF_8);
        assertEquals(401, PaymentCallback.verify("", c.timestamp(), Signatures.sign("x", c.timestamp(), raw), raw, NOW).status());
    }
}
