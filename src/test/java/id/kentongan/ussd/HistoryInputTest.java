package id.kentongan.ussd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deriving the new input from Africa's Talking's *-joined history. */
class HistoryInputTest {
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
        assertEquals(List.of("1"), new UssdRequest.History("1").inputsAfter(""));
        assertEquals(List.of("3302145507900001"), new UssdRequest.History("1*3302145507900001").inputsAfter("1"));
    }

    @Test
    void anInputContainingAStarStaysWhole() {
        assertEquals(List.of("a*b"), new UssdRequest.History("1*a*b").inputsAfter("1"));
    }

    @Test
    void navigationInputsAreInputsLikeAnyOther() {
        assertEquals(List.of("0"), new UssdRequest.History("1*2*0").inputsAfter("1*2"));
        assertEquals(List.of("00"), new UssdRequest.History("1*2*0*00").inputsAfter("1*2*0"));
    }

    @Test
    void anEmptyInputIsKept() {
        assertEquals(List.of(""), new UssdRequest.History("1*").inputsAfter("1"));
    }

    @Test
    void aRewrittenHistoryFallsBackToItsLastPart() {
        assertEquals(List.of("4"), new UssdRequest.History("1*4").inputsAfter("1*2*0"));
    }
}
