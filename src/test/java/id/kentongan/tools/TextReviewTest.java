package id.kentongan.tools;

import id.kentongan.text.Wording;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Banyumasan texts' review list (menus/REVIEW-jv.md) is as current as the texts, and none is missing. */
class TextReviewTest {
    @Test
    void theReviewListHoldsEveryTextAsItIsNow() throws Exception {
        String now = TextReview.markdown("jv", List.of(Path.of("menus/bpu.yaml"), Path.of("menus/perisai.yaml")));
        assertFalse(now.contains("**missing"), "every text has its Banyumasan");
        for (String name : Wording.standard().names()) assertTrue(now.contains("| " + name + " | "), name);
        assertTrue(now.contains("| reg_confirm | {name}<br>NIK ...{nik_end} lahir {born}"), "menu screens, lines joined");
        assertEquals(now, Files.readString(Path.of("menus/REVIEW-jv.md")),
                "menus/REVIEW-jv.md is older than the texts: java -jar target/kentongan.jar review-texts jv > menus/REVIEW-jv.md");
    }
}
