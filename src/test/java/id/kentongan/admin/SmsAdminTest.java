package id.kentongan.admin;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.domain.Msisdn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, SMS for the console: a phone's messages with their states (the number masked but for an admin), the dead
 * letters with their reasons, and an admin sending one again. Real Redis, HTTP and SMPP (the built-in simulator).
 */
@Tag("redis")
class SmsAdminTest {
    @Test
    void aPhonesMessagesAndADeadLetterSentAgain() throws Exception {
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.isolated());
            String phone = Instances.newPhone();
            String full = Msisdn.parse(phone).orElseThrow().value();
            // A registration by USSD (its keepsake SMS) and an SMS answer.
            Call c = new Call("s-" + UUID.randomUUID(), phone, k.port());
            c.dial();
            c.press("1");
            c.press(Instances.nik(98_900));
            c.press("Ratmi");
            c.press("1");
            c.press("1");
            assertTrue(c.press("1").body().startsWith("END Selamat"));
            Instances.simulator(k).mo(full, "567", "CEK");
            assertEquals(2, Instances.smsTo(full, 2, k).size());

            AdminClient viewer = new AdminClient(k.port(), Instances.VIEWER_TOKEN);
            JsonObject seen = Eventually.value("both delivered", Duration.ofSeconds(10),
                    () -> new JsonObject(viewer.get("/admin/sms?msisdn=" + phone).body()),
                    j -> j.getJsonArray("messages").size() == 2 && j.getJsonArray("messages").stream()
                            .allMatch(o -> ((JsonObject) o).getString("state").equals("DELIVRD")));
            assertEquals(Msisdn.parse(phone).orElseThrow().masked(), seen.getString("msisdn"), "masked for a viewer");
            assertEquals(List.of("answer", "registration"), seen.getJsonArray("messages").stream().map(o -> ((JsonObject) o).getString("kind")).toList(),
                    "newest first");
            assertEquals(full, new JsonObject(AdminClient.admin(k).get("/admin/sms?msisdn=" + phone).body()).getString("msisdn"), "whole for an admin");
            assertEquals(400, viewer.get("/admin/sms?msisdn=12").statusCode());

            // The SMSC refuses the next message for good: a dead letter, shown with its reason; sent again by an admin.
            Instances.simulator(k).rejectNext(1);
            Instances.simulator(k).mo(full, "567", "BANTUAN");
            JsonObject dead = Eventually.value("a dead letter", Duration.ofSeconds(10), () -> new JsonObject(viewer.get("/admin/sms/dead").body()),
                    j -> j.getJsonArray("dead").size() == 1);
            JsonObject letter = dead.getJsonArray("dead").getJsonObject(0);
            assertEquals("submit_sm refused with status 0xb", letter.getString("reason"));
            assertEquals(Msisdn.parse(phone).orElseThrow().masked(), letter.getString("to"));
            assertFalse(letter.containsKey("text"), "a viewer does not read the text");
            JsonObject forAdmin = new JsonObject(AdminClient.admin(k).get("/admin/sms/dead").body()).getJsonArray("dead").getJsonObject(0);
            assertTrue(forAdmin.getString("text").startsWith("Kentongan BPJS TK: DAFTAR#NIK#NAMA"), forAdmin.encode());
            String id = letter.getString("id");
            assertEquals(403, viewer.send("POST", "/admin/sms/dead/" + id + "/send-again", null).statusCode());
            var again = AdminClient.admin(k).send("POST", "/admin/sms/dead/" + id + "/send-again", null);
            assertEquals(200, again.statusCode(), again.body());
            List<String> got = Instances.smsTo(full, 3, k);
            assertEquals(3, got.size(), got.toString());
            assertTrue(got.get(2).startsWith("Kentongan BPJS TK: DAFTAR#NIK#NAMA"), got.toString());
            assertEquals(new JsonArray(), new JsonObject(viewer.get("/admin/sms/dead").body()).getJsonArray("dead"), "no longer dead");
            assertEquals(404, AdminClient.admin(k).send("POST", "/admin/sms/dead/" + id + "/send-again", null).statusCode(), "once");
        }
    }
}
