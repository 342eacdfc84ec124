package id.kentongan.ussd;

import id.kentongan.AdminClient;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.MutableClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, must-show 2: the funnel of the registration journey equals what a scripted set of dialogues did — four
 * finish, three drop at reg_name (and dial again at once), two time out at reg_nik (and dial again ten minutes on), two
 * type a wrong NIK once and then go back from reg_name. Embedded mode, real HTTP, a clock of the test's own.
 */
class FunnelTest {
    private static int nik = 97_500; // NIK indexes of this test only

    @Test
    void theRegistrationFunnelCountsWhatTheDialoguesDid() throws Exception {
        MutableClock clock = MutableClock.wib("2026-12-03T10:00");
        KentonganConfig cfg = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5));
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(cfg, clock);
            List<String> phones = new ArrayList<>();
            // A: four finish a registration.
            for (int i = 0; i < 4; i++) {
                Call c = call(k, phones);
                c.dial();
                c.press("1");
                c.press(Instances.nik(nik++));
                c.press("Sri Wahyuni");
                c.press("1");
                c.press("1");
                assertTrue(c.press("1").body().startsWith("END Selamat, Anda terdaftar"));
            }
            // B: three drop at reg_name and dial again 30 s later; offered to go on, they start again and leave.
            List<String> dropping = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Call c = call(k, phones);
                c.dial();
                c.press("1");
                assertEquals("CON Nama lengkap sesuai KTP:", c.press(Instances.nik(nik++)).body());
                dropping.add(phones.get(phones.size() - 1));
            }
            // C: two reach reg_nik and do not answer.
            List<String> silent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Call c = call(k, phones);
                c.dial();
                assertTrue(c.press("1").body().startsWith("CON Masukkan NIK"));
                silent.add(phones.get(phones.size() - 1));
            }
            clock.advance(Duration.ofSeconds(30));
            for (String p : dropping) {
                Call again = new Call("f-" + UUID.randomUUID(), p, k.port());
                assertTrue(again.dial().body().startsWith("CON Menu tadi terputus."));
                assertTrue(again.press("2").body().startsWith("CON Kentongan BPJS Ketenagakerjaan"));
            }
            // D: two type a wrong NIK once, then a right one, then go back from reg_name.
            for (int i = 0; i < 2; i++) {
                Call c = call(k, phones);
                c.dial();
                c.press("1");
                assertTrue(c.press("123").body().startsWith("CON NIK harus 16 angka."));
                c.press(Instances.nik(nik++));
                assertTrue(c.press("0").body().startsWith("CON Masukkan NIK"));
            }
            clock.advance(Duration.ofMinutes(10)); // past the network's session time and the resume window
            for (String p : silent) {
                Answer fresh = new Call("f-" + UUID.randomUUID(), p, k.port()).dial();
                assertTrue(fresh.body().startsWith("CON Kentongan BPJS Ketenagakerjaan"), fresh.body());
            }
            Instances.await(k.funnel().flush());

            String body = AdminClient.admin(k).get("/admin/menus/*567%23/funnel?from=2026-12-03&to=2026-12-03").body();
            JsonObject answer = new JsonObject(body);
            JsonArray funnels = answer.getJsonArray("funnels");
            assertEquals(1, funnels.size(), "one version, one language: " + body);
            JsonObject f = funnels.getJsonObject(0);
            assertEquals(answer.getString("liveVersion"), f.getString("version"));
            assertEquals("id", f.getString("language"));
            Map<String, String> got = new TreeMap<>();
            for (Object o : f.getJsonArray("screens")) {
                JsonObject s = (JsonObject) o;
                got.put(s.getString("screen"), counts(s));
            }
            Map<String, String> want = new TreeMap<>(Map.of(
                    // reached, on, back, retried, busy, finished, dropped, timed out, left
                    "main", "16 11 0 0 0 0 0 0 5",
                    "reg_nik", "13 9 0 2 0 0 0 2 2",
                    "reg_name", "9 4 2 0 0 0 3 0 0",
                    "reg_job", "4 4 0 0 0 0 0 0 0",
                    "reg_income", "4 4 0 0 0 0 0 0 0",
                    "reg_confirm", "4 4 0 0 0 0 0 0 0",
                    "reg_done", "4 0 0 0 0 4 0 0 0"));
            assertEquals(want, got);
            assertEquals(List.of("main", "reg_nik", "reg_name", "reg_job", "reg_income", "reg_confirm", "reg_done"),
                    f.getJsonArray("screens").stream().map(o -> ((JsonObject) o).getString("screen")).toList(), "the menu file's order");
            for (String p : phones) assertFalse(body.contains(p.substring(1)), "no phone number in the funnel");
            assertEquals(400, AdminClient.admin(k).get("/admin/menus/*567%23/funnel?from=2026-01-01&to=2026-12-03").statusCode(),
                    "at most 92 days");
        }
    }

    private static Call call(Kentongan k, List<String> phones) {
        String p = Instances.newPhone();
        phones.add(p);
        return new Call("f-" + UUID.randomUUID(), p, k.port());
    }

    private static String counts(JsonObject s) {
        return String.join(" ", List.of("reached", "on", "back", "retried", "busy", "finished", "dropped", "timedOut", "left").stream()
                .map(n -> Long.toString(s.getLong(n))).toList());
    }
}
