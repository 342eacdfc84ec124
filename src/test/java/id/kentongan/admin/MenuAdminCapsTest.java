package id.kentongan.admin;

import id.kentongan.AdminClient;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.menu.MenuCompiler;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 4: a viewer's {@code draft-diff} of 400,000 newlines built a 356 × 400,000 table on the request
 * thread and never answered (OutOfMemoryError). Every menu text the API takes is now capped; the diff is Myers' and
 * runs off the event loop.
 */
@Tag("redis")
class MenuAdminCapsTest {
    @Test
    void everyMenuTextRouteRefusesAnOversizedTextAndTheServiceStaysUp() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            AdminClient viewer = AdminClient.as(k, Instances.VIEWER_TOKEN);
            String bomb = "\n".repeat(400_000);
            for (String route : List.of("/admin/menus/draft-diff", "/admin/menus/validate", "/admin/menus/simulate", "/admin/menus/preview")) {
                HttpResponse<String> r = viewer.send("POST", route, new JsonObject().put("serviceCode", "*567#").put("text", bomb)
                        .put("screen", "main"));
                assertEquals(413, r.statusCode(), route + ": " + r.body());
                assertTrue(r.body().contains("a menu file is at most"), r.body());
            }
            HttpResponse<String> lines = viewer.send("POST", "/admin/menus/draft-diff", new JsonObject().put("serviceCode", "*567#")
                    .put("text", "#\n".repeat(MenuCompiler.MAX_LINES + 1)));
            assertEquals(413, lines.statusCode());
            assertTrue(lines.body().contains("at most " + MenuCompiler.MAX_LINES + " lines"), lines.body());
            String wide = "x".repeat(MenuCompiler.MAX_BYTES + 1);
            assertEquals(413, viewer.send("POST", "/admin/menus/draft-diff", new JsonObject().put("serviceCode", "*567#").put("text", wide)).statusCode());
            assertEquals(200, viewer.get("/admin/menus").statusCode(), "still answering");
        }
    }

    @Test
    void aDiffAtTheCapIsAnsweredAndMarksWhatChanged() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis());
            String live = Files.readString(Path.of("menus/bpu.yaml"));
            String draft = live.replace("Perlindungan pekerja mandiri", "Lindungi diri dan keluarga")
                    + "# padding\n".repeat(MenuCompiler.MAX_LINES - (int) live.lines().count() - 2);
            JsonObject diff = AdminClient.as(k, Instances.VIEWER_TOKEN).json("POST", "/admin/menus/draft-diff",
                    new JsonObject().put("serviceCode", "*567#").put("text", draft));
            List<Object> lines = diff.getJsonArray("lines").getList();
            assertTrue(lines.stream().anyMatch(l -> l.toString().startsWith("- ") && l.toString().contains("Perlindungan pekerja mandiri")), "the old line, taken out");
            assertTrue(lines.stream().anyMatch(l -> l.toString().startsWith("+ ") && l.toString().contains("Lindungi diri dan keluarga")), "the new line, put in");
            assertTrue(lines.stream().filter(l -> l.toString().startsWith("+ # padding")).count() > 4000);
            long same = lines.stream().filter(l -> l.toString().startsWith("  ")).count();
            assertTrue(same >= live.lines().count() - 1, "every other line the same: " + same + " of " + live.lines().count());
        }
    }

    @Test
    void theDiffKeepsTheOrderOfLines() {
        assertEquals(List.of("  a", "- b", "+ B", "  c", "+ d"), LineDiff.of("a\nb\nc", "a\nB\nc\nd"));
        assertEquals(List.of("- x", "+ y"), LineDiff.of("x", "y"));
        assertEquals(List.of("  same"), LineDiff.of("same", "same"));
    }
}
