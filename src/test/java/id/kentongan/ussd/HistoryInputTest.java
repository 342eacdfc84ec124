package id.kentongan.ussd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deriving the new input from Africa's Talking's *-joined history. */
class HistoryInputTest {
    /** What the session keeps of the previous hop. */
    static String key(String previousText) {
        return new UssdRequest.History(previousText).key();
    }

    @Test
    void theKeptKeyDoesNotHoldWhatWasTyped() {
        String k = key("3*1*482913");
        assertEquals(false, k.contains("482913"), k);
        assertEquals(k, key("3*1*482913"), "a retry has the same key");
        assertEquals(false, k.equals(key("3*1*482914")) && k.equals(key("3*1*482915")), "different histories, different keys");
    }

    @Test
    void theFirstHopHasNoInput() {
        assertEquals(List.of(), new UssdRequest.History("").inputsAfter(null));
    }

    @Test
    void aDialledShortcutGivesEachPartAsAnInput() {
        assertEquals(List.of("2"), new UssdRequest.History("2").inputsAfter(null));
        assertEquals(List.of("3", "1"), new UssdRequest.History("3*1").inputsAfter(null));
    }

    @Test
    void theNewInputIsWhatFollowsThePreviousHistory() {
        assertEquals(List.of("1"), new UssdRequest.History("1").inputsAfter(key("")));
        assertEquals(List.of("3302145507900001"), new UssdRequest.History("1*3302145507900001").inputsAfter(key("1")));
    }

    @Test
    void anInputContainingAStarStaysWhole() {
        assertEquals(List.of("a*b"), new UssdRequest.History("1*a*b").inputsAfter(key("1")));
    }

    @Test
    void navigationInputsAreInputsLikeAnyOther() {
        assertEquals(List.of("0"), new UssdRequest.History("1*2*0").inputsAfter(key("1*2")));
        assertEquals(List.of("00"), new UssdRequest.History("1*2*0*00").inputsAfter(key("1*2*0")));
    }

    @Test
    void anEmptyInputIsKept() {
        assertEquals(List.of(""), new UssdRequest.History("1*").inputsAfter(key("1")));
    }

    @Test
    void aRewrittenHistoryFallsBackToItsLastPart() {
        assertEquals(List.of("4"), new UssdRequest.History("1*4").inputsAfter(key("1*2*0")));
        assertEquals(List.of("4"), new UssdRequest.History("1*4").inputsAfter("1*2"), "a key from before this format");
    }
}
