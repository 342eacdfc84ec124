package id.kentongan.publishing;

import id.kentongan.AdminClient;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one Redis: a menu published through the admin API reaches new dials on both within 5 s, a dialogue
 * begun before finishes on its version, a rollback brings the old texts back, an invalid upload changes nothing.
 */
@Tag("redis")
class MenuLifecycleTest {

    record Reply(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    static Reply admin(Kentongan k, String method, String path, String contentType, String body, String token) {
        HttpResponse<String> r = AdminClient.as(k, token).send(method, path, contentType, body);
        return new Reply(r.statusCode(), r.body());
    }

    static String mainScreen(Kentongan k) {
        return new Call("m-" + UUID.randomUUID(), Instances.newPhone(), k.port()).dial().body();
    }

    /** Milliseconds until both instances show {@code text} on a new dial (fails after 5 s). */
    static long untilBothShow(Kentongan a, Kentongan b, String text) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!(mainScreen(a).contains(text) && mainScreen(b).contains(text))) {
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "both instances show '" + text + "' within 5 s");
            Thread.sleep(50);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aPublishReachesBothInstancesInflightDialoguesFinishOnTheirVersionAndRollbackRestores() throws Exception {
        KentonganConfig cfg = Instances.isolated().withMenuPoll(Duration.ofMillis(250)); // menu versions of its own
        try (Instances instances = new Instances()) {
            Kentongan a = instances.start(cfg);
            Kentongan b = instances.start(cfg);
            String original = Files.readString(Path.of("menus/bpu.yaml"));
            String oldVersion = admin(a, "GET", "/admin/menus/567", null, null, Instances.VIEWER_TOKEN).json().getString("live");
            assertTrue(mainScreen(a).contains("Perlindungan pekerja mandiri") && mainScreen(b).contains("Perlindungan pekerja mandiri"));

            // A worker is mid-registration on the old version.
            String phone = Instances.newPhone();
            Call inflight = new Call("inflight-" + UUID.randomUUID(), phone, a.port(), b.port());
            inflight.dial();
            assertTrue(inflight.press("1").body().startsWith("CON Masukkan NIK"));

            // An invalid upload changes nothing and says what is wrong, with the line.
            Reply broken = admin(a, "POST", "/admin/menus?file=bpu.yaml", "text/yaml", original.replace("next: reg_check", "next: reg_chek"),
                    Instances.EDITOR_TOKEN);
            assertEquals(400, broken.status());
            JsonObject problem = broken.json().getJsonArray("problems").getJsonObject(0);
            assertEquals("bpu.yaml", problem.getString("file"));
            assertEquals("reg_nik", problem.getString("screen"));
            assertTrue(problem.getInteger("line") > 0 && problem.getString("message").contains("reg_chek"), problem.encode());
            assertEquals(403, admin(a, "POST", "/admin/menus", "text/yaml", original, Instances.VIEWER_TOKEN).status(), "viewers do not publish");

            String changed = original.replace("Perlindungan pekerja mandiri", "Lindungi diri dan keluarga")
                    .replace("Selamat, Anda terdaftar asuransi", "Hore, Anda terdaftar asuransi");
            assertEquals(200, admin(a, "POST", "/admin/menus/validate", "text/yaml", changed, Instances.VIEWER_TOKEN).status());
            Reply published = admin(a, "POST", "/admin/menus?file=bpu.yaml", "text/yaml", changed, Instances.EDITOR_TOKEN);
            assertEquals(201, published.status(), published.body());
            String newVersion = published.json().getString("version");
            long took = untilBothShow(a, b, "Lindungi diri dan keluarga");
            System.out.println("new menu version on both instances after " + took + " ms");

            // The dialogue begun before finishes on its own version, hopping between the instances.
            inflight.press(Instances.nik(90_001));
            inflight.press("Tini");
            inflight.press("1");
            inflight.press("1");
            Answer done = inflight.press("1");
            assertTrue(done.body().startsWith("END Selamat, Anda terdaftar asuransi kecelakaan kerja & kematian!"), "old version's text: " + done.body());

            Reply diff = admin(a, "GET", "/admin/menus/567/diff?from=" + oldVersion + "&to=" + newVersion, null, null, Instances.VIEWER_TOKEN);
            assertTrue(diff.json().getJsonArray("lines").contains("-       id: \"Kentongan BPJS Ketenagakerjaan\\nPerlindungan pekerja mandiri\""), diff.body());
            assertTrue(diff.json().getJsonArray("lines").contains("+       id: \"Kentongan BPJS Ketenagakerjaan\\nLindungi diri dan keluarga\""), diff.body());

            Reply preview = admin(a, "POST", "/admin/menus/preview", "application/json", new JsonObject().put("serviceCode", "*567#")
                    .put("screen", "reg_done").put("values", new JsonObject().put("kpj", "26000000099").put("monthly", "16800")).encode(),
                    Instances.VIEWER_TOKEN);
            assertTrue(preview.json().getJsonArray("pages").getString(0).startsWith("Hore, Anda terdaftar asuransi kecelakaan kerja & kematian!\nNomor kartu (KPJ): 26000000099"), preview.body());

            Reply back = admin(a, "POST", "/admin/menus/567/rollback", "application/json", new JsonObject().put("version", oldVersion).encode(),
                    Instances.EDITOR_TOKEN);
            assertEquals(200, back.status(), back.body());
            untilBothShow(a, b, "Perlindungan pekerja mandiri");
            assertTrue(new Call("after-" + UUID.randomUUID(), Instances.newPhone(), b.port()).dial().body().contains("Perlindungan pekerja mandiri"));
            JsonObject versions = admin(b, "GET", "/admin/menus/567", null, null, Instances.VIEWER_TOKEN).json();
            assertEquals(oldVersion, versions.getString("live"));
            assertEquals(2, versions.getJsonArray("versions").size(), versions.encode());
            JsonObject audit = admin(a, "GET", "/admin/audit", null, null, Instances.ADMIN_TOKEN).json();
            assertTrue(audit.getJsonArray("entries").stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("what").equals("roll back menu *567#")
                    && oldVersion.equals(e.getString("after")) && newVersion.equals(e.getString("before"))), audit.encode());
        }
    }
}
