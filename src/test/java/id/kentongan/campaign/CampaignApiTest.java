package id.kentongan.campaign;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.MutableClock;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.smpp.SmsSegments;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API over real HTTP, campaigns over real Redis and SMPP (the built-in simulator). */
@Tag("redis")
class CampaignApiTest {
    static Instances instances;
    static Kentongan k;

    @BeforeAll
    static void start() {
        instances = new Instances();
        k = instances.start(Instances.withRedis());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    record Answer(int status, JsonObject body) {}

    static Answer call(String method, String path, String token, JsonObject body) {
        HttpResponse<String> r = new AdminClient(k.port(), token).send(method, path, body);
        return new Answer(r.statusCode(), r.body().isBlank() ? new JsonObject() : new JsonObject(r.body()));
    }

    static Answer admin(String method, String path, JsonObject body) throws Exception {
        return call(method, path, Instances.ADMIN_TOKEN, body);
    }

    @Test
    void aBadTemplateOrTargetIsRefusedWithTheReason() throws Exception {
        Answer unknown = admin("POST", "/admin/campaigns", new JsonObject().put("name", "x").put("text", "Halo {nama}")
                .put("target", new JsonObject().put("status", "lapsed")));
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().getString("error").startsWith("unknown field {nama}"), unknown.body().encode());
        Answer tooLong = admin("POST", "/admin/campaigns/preview", new JsonObject().put("text", "x".repeat(600)));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().getString("error").startsWith("too long"));
        Answer listWithFields = admin("POST", "/admin/campaigns", new JsonObject().put("name", "x").put("text", "Halo {name}")
                .put("target", new JsonObject().put("msisdns", new JsonArray().add("081234567890"))));
        assertEquals(400, listWithFields.status());
        assertTrue(listWithFields.body().getString("error").contains("only {ussd}"), listWithFields.body().encode());
        assertEquals(400, admin("POST", "/admin/campaigns", new JsonObject().put("name", "x").put("text", "Halo")
                .put("target", new JsonObject().put("status", "asleep"))).status());
        assertEquals(400, call("POST", "/admin/campaigns", Instances.ADMIN_TOKEN, null).status(), "no body");
        Answer preview = admin("POST", "/admin/campaigns/preview", new JsonObject().put("text", "Yth {name}, bayar {amountDue} lewat {ussd}"));
        assertEquals(200, preview.status());
        assertEquals("Yth Siti, bayar Rp16.800 lewat *567#", preview.body().getString("text"));
        assertEquals(1, preview.body().getInteger("segments"));
        assertEquals("GSM-7", preview.body().getString("encoding"));
    }

    /** A campaign to many numbers is answered with their count and the first twenty, not the whole list on every poll. */
    @Test
    void aLongListOfNumbersIsCountedNotSentBackWhole() throws Exception {
        JsonArray numbers = new JsonArray();
        for (int i = 0; i < 500; i++) numbers.add(String.format("0813%08d", 70_000_000 + i));
        Answer created = admin("POST", "/admin/campaigns", new JsonObject().put("name", "long list").put("text", "Tekan {ussd}")
                .put("target", new JsonObject().put("msisdns", numbers)).put("sendAt", "2099-01-01T00:00:00Z"));
        assertEquals(201, created.status(), created.body().encode());
        for (JsonObject shown : List.of(created.body(), admin("GET", "/admin/campaigns/" + created.body().getString("id"), null).body())) {
            assertEquals(500, shown.getJsonObject("target").getInteger("msisdnCount"), shown.encode());
            assertEquals(20, shown.getJsonObject("target").getJsonArray("msisdns").size());
        }
        admin("POST", "/admin/campaigns/" + created.body().getString("id") + "/cancel", null);
    }

    @Test
    void pauseResumeAndCancelFollowTheCampaignsState() throws Exception {
        Answer created = admin("POST", "/admin/campaigns", new JsonObject().put("name", "later").put("text", "Tekan {ussd}")
                .put("target", new JsonObject().put("status", "lapsed")).put("sendAt", "2099-01-01T00:00:00Z"));
        assertEquals(201, created.status(), created.body().encode());
        String id = created.body().getString("id");
        assertEquals("scheduled", created.body().getString("state"));
        assertEquals("paused", admin("POST", "/admin/campaigns/" + id + "/pause", null).body().getString("state"));
        assertEquals("scheduled", admin("POST", "/admin/campaigns/" + id + "/resume", null).body().getString("state"));
        assertEquals("cancelled", admin("POST", "/admin/campaigns/" + id + "/cancel", null).body().getString("state"));
        Answer again = admin("POST", "/admin/campaigns/" + id + "/resume", null);
        assertEquals(409, again.status());
        assertTrue(again.body().getString("error").contains("cancelled"));
        assertEquals(404, admin("GET", "/admin/campaigns/20990101-ffffff", null).status());
        assertTrue(admin("GET", "/admin/campaigns", null).body().getJsonArray("campaigns").stream()
                .anyMatch(c -> ((JsonObject) c).getString("id").equals(id)));
    }

    @Test
    void aCampaignReachesItsTargetsOnceAndItsProgressMatchesTheSmsc() throws Exception {
        SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        String district = String.format("%02d.%02d.%02d", 90 + (int) (System.nanoTime() % 9), 1 + (int) (System.nanoTime() % 97), 7);
        List<Member> lapsedParkers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean target = i % 3 != 0;
            Occupation job = i % 5 == 0 ? Occupation.OJEK : Occupation.TUKANG_PARKIR;
            YearMonth paid = target ? YearMonth.from(today).minusMonths(1) : YearMonth.from(today).plusMonths(2);
            String nik = district.replace(".", "") + Instances.nik(30_000 + i).substring(6);
            Member m = new Member(Long.toString(26_600_000_000L + i + (System.nanoTime() % 100_000) * 100), new Nik(nik), "PEKERJA " + i,
                    Msisdn.parse(Instances.newPhone()).orElseThrow(), job, new ContributionPlan(1_000_000), today.minusMonths(6), paid);
            Instances.await(sandbox.put(m));
            if (target && job == Occupation.TUKANG_PARKIR) lapsedParkers.add(m);
        }
        assertTrue(lapsedParkers.size() >= 10);
        SmscSimulator sim = Instances.simulator(k);
        String stopper = lapsedParkers.get(0).msisdn().value();
        sim.mo(stopper, "567", "STOP");
        Instances.smsTo(stopper, 1, k);

        Answer created = admin("POST", "/admin/campaigns", new JsonObject().put("name", "Parkir Ajibarang belum bayar")
                .put("text", "Yth {name}, perlindungan JKK+JKM Anda tidak aktif. Bayar {amountDue} lewat {ussd} pilih 3.")
                .put("target", new JsonObject().put("occupation", "tukang_parkir").put("district", district).put("status", "lapsed")));
        assertEquals(201, created.status(), created.body().encode());
        String id = created.body().getString("id");
        Campaigns campaigns = k.campaigns().orElseThrow();
        for (int i = 0; i < 50 && !campaigns.get(id).orElseThrow().state().equals(Campaigns.State.COMPLETED); i++) {
            campaigns.tick(7); // small batches: several rounds, as under load
        }
        assertEquals(Campaigns.State.COMPLETED, campaigns.get(id).orElseThrow().state());

        String prefix = "camp:" + id + ":";
        int expected = lapsedParkers.size() - 1; // one sent STOP
        JsonObject progress = Eventually.value("every message delivered or withheld", Duration.ofSeconds(10),
                () -> call("GET", "/admin/campaigns/" + id, Instances.ADMIN_TOKEN, null).body().getJsonObject("progress"),
                p -> p.getLong("delivered") == expected && p.getLong("optedOut") == 1);
        List<SmscSimulator.Received> got = sim.received().stream().filter(r -> r.key() != null && r.key().startsWith(prefix)).toList();
        Set<String> to = got.stream().map(SmscSimulator.Received::to).collect(Collectors.toSet());
        assertEquals(expected, got.size(), "one message per target, none twice");
        assertEquals(lapsedParkers.stream().map(m -> m.msisdn().value()).filter(n -> !n.equals(stopper)).collect(Collectors.toSet()), to);
        assertEquals(lapsedParkers.size(), progress.getLong("targeted"), progress.encode());
        assertEquals(lapsedParkers.size(), progress.getLong("queued"));
        assertEquals(got.size(), progress.getLong("submitted"), "submitted = what the SMSC received");
        assertEquals(got.size(), progress.getLong("delivered"), "delivered = the simulator's receipts");
        assertEquals(0, progress.getLong("failed"));
        assertEquals(1, progress.getLong("optedOut"));
        String first = SmsSegments.decode(got.get(0).dataCoding(), got.get(0).payload());
        assertTrue(first.startsWith("Yth Pekerja, perlindungan") && first.contains("*567# pilih 3"), first);
    }

    @Test
    void aCampaignStartedInTheQuietHoursWaitsForTheMorning() throws Exception {
        MutableClock clock = MutableClock.wib("2026-11-23T22:00");
        try (Instances own = new Instances()) {
            // Quiet hours 21:00-07:00 and a schedule of its own (it must not work on the other tests' campaigns).
            Kentongan night = own.start(Instances.isolatedWithQuietHours(), clock);
            Campaigns c = night.campaigns().orElseThrow();
            String number = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            Campaigns.Campaign x = c.create("malam", "Info BPJS TK: daftar JKK+JKM lewat {ussd}.",
                    Target.parse(new JsonObject().put("msisdns", new JsonArray().add(number))), java.util.Optional.empty());
            assertEquals(Campaigns.State.RUNNING, x.state());
            assertEquals(0, c.tick(100), "22:00: nothing goes");
            clock.set("2026-11-24T06:59");
            assertEquals(0, c.tick(100));
            clock.set("2026-11-24T07:00");
            assertEquals(1, c.tick(100), "07:00: the message goes");
            assertEquals(1, Instances.smsTo(number, 1, night, k).size()); // the outbox is shared: either may send it
        }
    }

    @Test
    void aGroupCampaignReachesTheGroupsMembersOnly() throws Exception {
        SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        List<String> inGroup = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Member m = new Member(Long.toString(26_700_000_000L + i + (System.nanoTime() % 100_000) * 100), new Nik(Instances.nik(31_000 + i)),
                    "ANGGOTA " + i, Msisdn.parse(Instances.newPhone()).orElseThrow(), Occupation.PEDAGANG_KAKI_LIMA,
                    new ContributionPlan(1_000_000), today.minusMonths(2), YearMonth.from(today));
            Instances.await(sandbox.put(m));
            (i < 4 ? inGroup : outside).add(m.msisdn().value());
        }
        String group = "Koperasi Pasar " + System.nanoTime();
        Answer set = admin("PUT", "/admin/groups/" + java.net.URLEncoder.encode(group, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                + "/members", new JsonObject().put("msisdns", new JsonArray(new ArrayList<>(inGroup))));
        assertEquals(200, set.status(), set.body().encode());
        assertEquals(4, set.body().getLong("members"));
        // Issue 17: how many it reaches, before sending; a target reaching nobody is refused; each in their language.
        Answer audience = admin("POST", "/admin/campaigns/audience", new JsonObject().put("target", new JsonObject().put("group", group)));
        assertEquals(new JsonObject().put("count", 4).put("complete", true), audience.body());
        Answer nobody = admin("POST", "/admin/campaigns", new JsonObject().put("name", "Kosong").put("text", "Halo {name}")
                .put("target", new JsonObject().put("group", group).put("status", "lapsed")));
        assertEquals(400, nobody.status());
        assertEquals("this target reaches nobody: no member matches every criterion; widen it", nobody.body().getString("error"));
        String banyumasan = inGroup.get(0);
        Instances.simulator(k).mo(banyumasan, "567", "BASA JAWA");
        assertEquals(1, Instances.smsTo(banyumasan, 1, k).size(), "BASA JAWA answered");
        Answer preview = admin("POST", "/admin/campaigns/preview", new JsonObject().put("texts", new JsonObject()
                .put("id", "Yth {name}, kartu {kpj} aktif s.d. {paidThrough}.").put("jv", "{name}, kartu {kpj} aktif nganti {paidThrough}.")));
        assertEquals("Siti, kartu 26000000001 aktif nganti 11/2026.", preview.body().getJsonObject("jv").getString("text"));
        assertEquals(1, preview.body().getJsonObject("jv").getInteger("segments"));
        assertEquals("GSM-7", preview.body().getJsonObject("jv").getString("encoding"));
        Answer created = admin("POST", "/admin/campaigns", new JsonObject().put("name", "Rapat koperasi")
                .put("texts", new JsonObject().put("id", "Yth {name}, kartu {kpj} aktif s.d. {paidThrough}.")
                        .put("jv", "{name}, kartu {kpj} aktif nganti {paidThrough}.")).put("target", new JsonObject().put("group", group)));
        assertEquals(201, created.status(), created.body().encode());
        String id = created.body().getString("id");
        Campaigns campaigns = k.campaigns().orElseThrow();
        for (int i = 0; i < 20 && campaigns.get(id).orElseThrow().state() != Campaigns.State.COMPLETED; i++) campaigns.tick(100);
        List<String> toBanyumasan = Instances.smsTo(banyumasan, 2, k);
        assertTrue(toBanyumasan.get(1).startsWith("Anggota, kartu ") && toBanyumasan.get(1).contains(" aktif nganti "), toBanyumasan.toString());
        for (String n : inGroup.subList(1, 4)) {
            List<String> got = Instances.smsTo(n, 1, k);
            assertEquals(1, got.size(), "group member " + n);
            assertTrue(got.get(0).startsWith("Yth Anggota, kartu "), got.get(0));
        }
        for (String n : outside) assertEquals(0, Instances.smsTo(n, 0, k).size(), "not in the group " + n);
        assertEquals(4, campaigns.progress(id).targeted());
    }
}
