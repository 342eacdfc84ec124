package id.kentongan.community;

import ch.qos.logback.classic.spi.ILoggingEvent;
import id.kentongan.AdminClient;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import id.kentongan.LogCapture;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.smpp.SmsSegments;
import id.kentongan.store.Keyspace;
import id.kentongan.tools.SmscSimulator;
import io.lettuce.core.ScanArgs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The community channel end to end over real HTTP, Redis and SMPP (the built-in simulator): an agent signs in with a
 * PIN, registers a worker who must say YA by SMS, collects cash; referrals and solidarity notices with their limits
 * and consent rules.
 */
@Tag("redis")
class CommunityTest {
    static final Keyspace KEYS = Instances.withRedis().keyspace();
    static Instances instances;
    static Kentongan k;
    static SmscSimulator sim;
    static int nik = 70_000; // NIK indexes of this test (see Instances.nik)

    @BeforeAll
    static void start() {
        instances = new Instances();
        k = instances.start(Instances.withRedis());
        sim = Instances.simulator(k);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    static JsonObject admin(String method, String path, JsonObject body) throws Exception {
        HttpResponse<String> r = AdminClient.admin(k).send(method, path, body);
        return new JsonObject(r.body()).put("_status", r.statusCode());
    }

    static String phone() {
        return Msisdn.parse(Instances.newPhone()).orElseThrow().value();
    }

    static String sid() {
        return "c-" + UUID.randomUUID();
    }

    static List<String> sms(String to, int atLeast) throws InterruptedException {
        return Instances.smsTo(to, atLeast, k);
    }

    /** A new agent in a new group; returns the agent's number. */
    static String newAgent(String group) throws Exception {
        String agent = phone();
        assertEquals(201, admin("POST", "/admin/agents", new JsonObject().put("msisdn", agent).put("name", "Siti Aminah")
                .put("area", "Pasar Ajibarang").put("groups", new JsonArray().add(group))).getInteger("_status"));
        return agent;
    }

    static Call signIn(String agent, String pin, boolean firstTime) {
        Call c = new Call(sid(), agent, k.port()).code("*568#");
        Answer hello = c.dial();
        if (firstTime) {
            assertEquals("CON Halo Siti A., buat PIN 6 angka untuk menu agen:", hello.body());
            assertEquals("CON Ketik ulang PIN:", c.press(pin).body());
        } else {
            assertEquals("CON Halo Siti A., masukkan PIN:", hello.body());
        }
        Answer main = c.press(pin);
        assertTrue(main.body().startsWith("CON Perisai Siti A.\n1. Daftarkan pekerja"), main.body());
        return c;
    }

    @Test
    void anAgentRegistersAWorkerWhoseYesBySmsGatesItAndThePinNeverShows() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            String group = "Paguyuban Parkir Pasar Ajibarang " + System.nanoTime();
            String agent = newAgent(group);
            String pin = "482913";
            Call c = signIn(agent, pin, true);

            String worker = phone();
            String workerNik = Instances.nik(nik++);
            assertEquals("CON No. HP pekerja (untuk SMS persetujuan):", c.press("1").body());
            assertTrue(c.press("0" + worker.substring(2)).body().startsWith("CON NIK pekerja"));
            assertTrue(c.press(workerNik).body().startsWith("CON Nama lengkap"));
            assertTrue(c.press("Budi Santoso").body().startsWith("CON Pekerjaan"));
            assertTrue(c.press("1").body().startsWith("CON Penghasilan"));
            Answer confirm = c.press("1");
            assertTrue(confirm.body().startsWith("CON BUDI SANTOSO\nHP " + worker + "\nIuran Rp16.800/bulan"), confirm.body());
            Answer sent = c.press("1");
            assertTrue(sent.body().startsWith("END SMS persetujuan terkirim"), sent.body());

            String ask = sms(worker, 1).get(0);
            assertTrue(ask.contains("agen Perisai Siti A.") && ask.contains("Balas YA atau TIDAK"), ask);
            assertTrue(ask.contains("NIK ****" + workerNik.substring(12)) && !ask.contains(workerNik), "the NIK is masked: " + ask);
            assertEquals(Optional.empty(), Instances.await(k.members().findByMsisdn(new Msisdn(worker))), "nothing registered before YA");

            sim.mo(worker, "567", "ya");
            List<String> toWorker = sms(worker, 2);
            assertTrue(toWorker.stream().anyMatch(t -> t.startsWith("Selamat, Anda terdaftar JKK+JKM. Nomor kartu (KPJ): ")), toWorker.toString());
            Member m = Instances.await(k.members().findByMsisdn(new Msisdn(worker))).orElseThrow();
            assertEquals("BUDI SANTOSO", m.name());
            List<String> toAgent = sms(agent, 1);
            assertTrue(toAgent.get(0).contains("terdaftar JKK+JKM, KPJ " + m.kpj()), toAgent.toString());
            JsonObject agentView = admin("GET", "/admin/agents/" + agent, null);
            assertEquals(1, agentView.getInteger("registered"), agentView.encode());
            JsonObject groupView = admin("GET", "/admin/groups/" + Groups.code(group), null);
            assertEquals(1, groupView.getJsonArray("members").size(), groupView.encode());
            assertEquals("pending", groupView.getJsonArray("members").getJsonObject(0).getString("status"));

            // A worker who says TIDAK is not registered, and the agent is told.
            Call c2 = signIn(agent, pin, false);
            String refuser = phone();
            c2.press("1");
            c2.press(refuser);
            c2.press(Instances.nik(nik++));
            c2.press("Wati");
            c2.press("2");
            c2.press("1");
            assertTrue(c2.press("1").body().startsWith("END SMS persetujuan"));
            sms(refuser, 1);
            sim.mo(refuser, "567", "TIDAK");
            assertTrue(sms(refuser, 2).stream().anyMatch(t -> t.startsWith("Baik, pendaftaran dibatalkan")));
            assertTrue(sms(agent, 2).stream().anyMatch(t -> t.contains("menolak pendaftaran")));
            assertEquals(Optional.empty(), Instances.await(k.members().findByMsisdn(new Msisdn(refuser))));

            // Three wrong PINs lock the agent menu for 15 minutes, even for the right PIN.
            Call wrong = new Call(sid(), agent, k.port()).code("*568#");
            wrong.dial();
            assertEquals("CON PIN salah, sisa 2 kali. Masukkan PIN:", wrong.press("111111").body());
            assertEquals("CON PIN salah, sisa 1 kali. Masukkan PIN:", wrong.press("222222").body());
            assertEquals("END PIN salah 3 kali. Menu agen dikunci 15 menit.", wrong.press("333333").body());
            assertEquals("END PIN salah 3 kali. Menu agen dikunci 15 menit.", new Call(sid(), agent, k.port()).code("*568#").dial().body());
            // The operator resets the PIN: the lock is lifted and the agent chooses a new PIN.
            assertEquals(200, admin("POST", "/admin/agents/" + agent + "/reset-pin", null).getInteger("_status"));
            signIn(agent, "246802", true);
            // A non-agent is told so.
            assertTrue(new Call(sid(), phone(), k.port()).code("*568#").dial().body().startsWith("END Nomor ini bukan agen Perisai"));

            // The PIN in clear: in no log line, in no Redis value of the agent's keys (the session included).
            for (ILoggingEvent e : logs.events()) assertFalse(e.getFormattedMessage().contains(pin), e.getFormattedMessage());
            try (RedisAdmin r = RedisAdmin.open()) {
                // Every key of the agent's number in any namespace (all share its hash tag), found by walking the whole key space.
                List<String> keys = new java.util.ArrayList<>();
                io.lettuce.core.KeyScanCursor<String> cur = r.sync().scan(ScanArgs.Builder.matches("*{" + agent + "}*").limit(50_000));
                while (true) {
                    keys.addAll(cur.getKeys());
                    if (cur.isFinished()) break;
                    cur = r.sync().scan(cur, ScanArgs.Builder.matches("*{" + agent + "}*").limit(50_000));
                }
                assertTrue(keys.contains(KEYS.agentPin(new Msisdn(agent))), keys.toString());
                assertTrue(keys.contains(KEYS.ussdSession(new Msisdn(agent))), keys.toString());
                for (String key : keys) {
                    String type = r.sync().type(key);
                    String value = switch (type) {
                        case "string" -> r.sync().get(key);
                        case "zset" -> String.join(",", r.sync().zrange(key, 0, -1)); // the SMS sent to the agent (their keys)
                        default -> String.join(",", r.sync().smembers(key));
                    };
                    assertFalse(value.contains(pin), key + " holds the PIN: " + value);
                }
                assertTrue(r.sync().get(KEYS.agentPin(new Msisdn(agent))).startsWith("pbkdf2-sha256$120000$"));
            }
        }
    }

    /**
     * Issue 14, finding 1: between the two entries of a new PIN the session held {@code "pin":"481516"}. Now the first
     * entry is kept only as a salted slow hash for that one hop; a mismatch, and a sign-in, leave nothing of it.
     */
    @Test
    void aNewPinIsHeldOnlyAsASaltedHashForOneHopAndThenNotAtAll() throws Exception {
        String agent = newAgent("Paguyuban Ojek Terminal " + System.nanoTime());
        String sessionKey = KEYS.ussdSession(new Msisdn(agent));
        try (RedisAdmin r = RedisAdmin.open()) {
            Call c = new Call(sid(), agent, k.port()).code("*568#");
            c.dial();
            assertEquals("CON Ketik ulang PIN:", c.press("481516").body());
            String between = r.sync().get(sessionKey);
            assertFalse(between.contains("481516"), between);
            assertTrue(between.contains("\"z\":{\"pin\":\"pbkdf2-sha256$10000$"), "a salted slow hash of the first entry: " + between);

            assertEquals("CON PIN tidak sama. Buat PIN 6 angka:", c.press("481517").body());
            String afterMismatch = r.sync().get(sessionKey);
            assertFalse(afterMismatch.contains("pbkdf2") || afterMismatch.contains("48151"), afterMismatch);

            assertEquals("CON Ketik ulang PIN:", c.press("481516").body());
            assertTrue(c.press("481516").body().startsWith("CON Perisai Siti A."));
            String signedIn = r.sync().get(sessionKey);
            assertFalse(signedIn.contains("pbkdf2") || signedIn.contains("481516") || signedIn.contains("\"z\""), signedIn);

            // Signing in with the PIN typed in one hop: nothing held either.
            Call again = new Call(sid(), agent, k.port()).code("*568#");
            assertTrue(again.dial().body().startsWith("CON Menu tadi terputus."));
            assertEquals("CON Halo Siti A., masukkan PIN:", again.press("2").body());
            assertTrue(again.press("481516").body().startsWith("CON Perisai Siti A."));
            String second = r.sync().get(sessionKey);
            assertFalse(second.contains("pbkdf2") || second.contains("481516"), second);
        }
    }

    /**
     * Issue 14, finding 9: PIN, drop the call, redial, "1" (Lanjutkan), any choice answered "Sesi agen berakhir" (the
     * sign-in belongs to the session that typed the PIN). A resumed agent dialogue now asks for the PIN and goes on
     * from where it dropped, with what was typed kept; a wrong PIN there counts like any other.
     */
    @Test
    void aResumedAgentDialogueAsksForThePinAgainAndGoesOnWhereItDropped() throws Exception {
        String agent = newAgent("Pangkalan Ojek Ajibarang " + System.nanoTime());
        Call c = signIn(agent, "135790", true);
        String worker = phone();
        c.press("1");
        assertTrue(c.press("0" + worker.substring(2)).body().startsWith("CON NIK pekerja"));
        // The call drops here. The agent dials again and takes up the dialogue.
        Call back = new Call(sid(), agent, k.port()).code("*568#");
        assertEquals("CON Menu tadi terputus.\n1. Lanjutkan\n2. Mulai dari awal", back.dial().body());
        assertEquals("CON Halo Siti A., masukkan PIN:", back.press("1").body());
        assertEquals("CON PIN salah, sisa 2 kali. Masukkan PIN:", back.press("000000").body());
        Answer where = back.press("135790");
        assertTrue(where.body().startsWith("CON NIK pekerja"), "back where it dropped: " + where.body());
        assertTrue(back.press(Instances.nik(nik++)).body().startsWith("CON Nama lengkap"));
        assertTrue(back.press("Rina Wulandari").body().startsWith("CON Pekerjaan"));
        assertTrue(back.press("1").body().startsWith("CON Penghasilan"));
        Answer confirm = back.press("1");
        assertTrue(confirm.body().startsWith("CON RINA WULANDARI\nHP " + worker), "the phone typed before the drop is kept: " + confirm.body());
        assertTrue(back.press("1").body().startsWith("END SMS persetujuan terkirim"));
        // "0" from the resumed page goes back through the journey, not to the PIN screen.
        new Call(sid(), agent, k.port()).code("*568#").dial(); // the offer, left unanswered: the next dial starts afresh
        Call c3 = signIn(agent, "135790", false);
        assertEquals("CON No. HP pekerja (untuk SMS persetujuan):", c3.press("1").body());
        c3.press(phone());
        Call back3 = new Call(sid(), agent, k.port()).code("*568#");
        back3.dial();
        back3.press("1");
        assertTrue(back3.press("135790").body().startsWith("CON NIK pekerja"));
        assertEquals("CON No. HP pekerja (untuk SMS persetujuan):", back3.press("0").body());
    }

    @Test
    void anAgentRecordsCashOnceTheWorkerGetsAReceiptAndTheBalanceAddsUp() throws Exception {
        String agent = newAgent("Koperasi Pasar " + System.nanoTime());
        SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        Member worker = new Member(Long.toString(26_800_000_000L + System.nanoTime() % 100_000_000L), new Nik(Instances.nik(nik++)),
                "RUKMINI WATI", new Msisdn(phone()), Occupation.PEDAGANG_KAKI_LIMA, new ContributionPlan(1_000_000),
                today.minusMonths(2), YearMonth.from(today).minusMonths(1));
        Instances.await(sandbox.put(worker));
        assertEquals(MembershipStatus.State.LAPSED, worker.status(today).state());

        Call c = signIn(agent, "135790", true);
        assertEquals("CON No. HP peserta yang membayar:", c.press("3").body());
        assertEquals("CON Bayar berapa bulan (1-12)?", c.press("0" + worker.msisdn().value().substring(2)).body());
        assertTrue(c.press("13").body().contains("Isi 1 sampai 12 bulan."), "13 months is refused with a hint");
        Answer confirm = c.press("3");
        assertEquals("CON Rukmini W. KPJ " + worker.kpj() + "\n3 bulan: Rp50.400\nUang sudah diterima?\n1. Ya, catat\n2. Batal\n0. Kembali",
                confirm.body());
        Answer done = c.press("1");
        String paidThrough = YearMonth.from(today).plusMonths(2).format(java.time.format.DateTimeFormatter.ofPattern("MM/yyyy"));
        assertEquals("END Tercatat Rp50.400. Sudah bayar sampai " + paidThrough + ". Kuitansi SMS dikirim ke peserta.\nUang untuk disetor: Rp50.400",
                done.body());
        // The gateway retries the same hop: the same answer, no second payment.
        assertEquals(done.body(), c.retry().body());

        String receipt = sms(worker.msisdn().value(), 1).get(0);
        assertTrue(receipt.contains("iuran 3 bulan Rp50.400 diterima agen Perisai Siti A.") && receipt.contains("aktif sampai " + paidThrough), receipt);
        Member after = Instances.await(k.members().findByMsisdn(worker.msisdn())).orElseThrow();
        assertEquals(MembershipStatus.State.ACTIVE, after.status(today).state());
        assertEquals(YearMonth.from(today).plusMonths(2), after.paidThrough(), "credited once: three months from the first unpaid one");
        JsonObject view = admin("GET", "/admin/agents/" + agent, null);
        assertEquals(50_400L, view.getLong("cashToDeposit"));
        assertEquals(1, view.getInteger("collections"));
        Instances.drained(k);
        assertEquals(1, sms(worker.msisdn().value(), 0).size(), "one receipt");

        // A second, separate collection adds to the balance; the summary shows it.
        Call again = signIn(agent, "135790", false);
        again.press("3");
        again.press(worker.msisdn().value());
        again.press("1");
        assertTrue(again.press("1").body().endsWith("Uang untuk disetor: Rp67.200"));
        Call summary = signIn(agent, "135790", false);
        assertEquals("END Ringkasan Siti A.\nDidaftarkan bulan ini: 0\nAnggota: 0, aktif 0%\nUang untuk disetor: Rp67.200", summary.press("4").body());
    }

    @Test
    void anInvitationNamesTheInviterWithinItsLimitsAndARegistrationThanksThem() throws Exception {
        SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        Member inviter = new Member(Long.toString(26_810_000_000L + System.nanoTime() % 100_000_000L), new Nik(Instances.nik(nik++)),
                "JOKO SUSILO", new Msisdn(phone()), Occupation.OJEK, new ContributionPlan(1_000_000), today.minusMonths(2), YearMonth.from(today));
        Instances.await(sandbox.put(inviter));
        String me = inviter.msisdn().value();

        String friend = phone();
        assertEquals("END Undangan terkirim lewat SMS dengan nama depan Anda. Terima kasih sudah mengajak teman!", invite(me, friend).body());
        String invitation = sms(friend, 1).get(0);
        assertTrue(invitation.startsWith("Joko mengajak Anda ikut BPJS Ketenagakerjaan") && invitation.contains("tekan *567#"), invitation);
        assertFalse(invitation.contains("SUSILO") || invitation.contains("Susilo"), "first name only");
        assertTrue(invite(me, friend).body().startsWith("END Nomor ini sudah pernah diundang"), "never twice to one number");
        assertTrue(invite(me, me).body().startsWith("END Itu nomor Anda sendiri"));
        String stopped = phone();
        sim.mo(stopped, "567", "STOP");
        sms(stopped, 1);
        assertTrue(invite(me, stopped).body().startsWith("END Nomor ini tidak ingin menerima SMS"));
        assertTrue(invite(me, phone()).body().startsWith("END Undangan terkirim"));
        assertTrue(invite(me, phone()).body().startsWith("END Undangan terkirim"));
        String fourth = phone();
        assertTrue(invite(me, fourth).body().startsWith("END Batas 3 undangan per hari"), "three a day");
        Instances.drained(k);
        assertEquals(0, sms(fourth, 0).size());

        // The friend registers: the inviter is thanked, by the friend's first name.
        Call reg = new Call(sid(), friend, k.port());
        reg.dial();
        reg.press("1");
        reg.press(Instances.nik(nik++));
        reg.press("Ani Lestari");
        reg.press("2");
        reg.press("1");
        assertTrue(reg.press("1").body().startsWith("END Selamat, Anda terdaftar"));
        assertTrue(sms(me, 1).stream().anyMatch(t -> t.equals("Terima kasih! Ani sudah terdaftar JKK+JKM berkat ajakan Anda. Bersama kita terlindungi.")),
                sms(me, 1).toString());
        // The participation report counts her under the invitation's channel (issue 17: trust, solidarity, networks).
        io.vertx.core.json.JsonArray channels = new io.vertx.core.json.JsonObject(AdminClient.admin(k).get("/admin/reports/participation").body())
                .getJsonArray("byChannel");
        assertTrue(channels.stream().anyMatch(o -> ((io.vertx.core.json.JsonObject) o).getString("key").equals("invited")
                && ((io.vertx.core.json.JsonObject) o).getLong("registrations") >= 1), channels.encode());
    }

    static Answer invite(String from, String friend) {
        Call c = new Call(sid(), from, k.port());
        assertTrue(c.dial().body().contains("6. Ajak teman"));
        assertTrue(c.press("6").body().startsWith("CON No. HP teman"));
        return c.press(friend);
    }

    @Test
    void solidarityNoticesGoOnlyWithTheFamilysConsentToGroupMembersWhoAskedAndNeverSayTheAmount() throws Exception {
        SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
        String group = "Pangkalan Ojek Terminal " + System.nanoTime();
        Member deceased = member(sandbox, "SLAMET RIYADI", YearMonth.from(today), today);
        Member noConsent = member(sandbox, "SUPARMI", YearMonth.from(today), today);
        Member covered = member(sandbox, "WAHYU", YearMonth.from(today), today);
        String uncovered = phone();      // in the group, not a member yet
        String notAsked = phone();       // in the group, never sent KABAR
        String stopped = phone();        // sent KABAR, then STOP
        JsonArray all = new JsonArray().add(deceased.msisdn().value()).add(noConsent.msisdn().value()).add(covered.msisdn().value())
                .add(uncovered).add(notAsked).add(stopped);
        assertEquals(201, admin("POST", "/admin/groups", new JsonObject().put("name", group)).getInteger("_status"));
        assertEquals(6, admin("PUT", "/admin/groups/" + Groups.code(group) + "/members", new JsonObject().put("msisdns", all)).getInteger("members"));
        for (String n : List.of(deceased.msisdn().value(), noConsent.msisdn().value(), covered.msisdn().value(), uncovered, stopped)) {
            sim.mo(n, "567", "KABAR");
            assertTrue(sms(n, 1).get(0).startsWith("Anda akan menerima kabar kelompok"));
        }
        sim.mo(stopped, "567", "STOP");
        sms(stopped, 2);

        JsonObject refused = admin("POST", "/admin/benefits", new JsonObject().put("msisdn", noConsent.msisdn().value()).put("kind", "JKM")
                .put("familyConsent", false));
        assertEquals("recorded", refused.getString("state"), refused.encode());
        assertEquals(0, refused.getInteger("notified"));

        JsonObject told = admin("POST", "/admin/benefits", new JsonObject().put("msisdn", deceased.msisdn().value()).put("kind", "JKM")
                .put("familyConsent", true));
        assertEquals(3, told.getInteger("notified"), "the covered, the uncovered and the other member who asked: " + told.encode());
        String toCovered = sms(covered.msisdn().value(), 2).stream().filter(t -> t.startsWith("Kabar ")).findFirst().orElseThrow();
        String toUncovered = sms(uncovered, 2).stream().filter(t -> t.startsWith("Kabar ")).findFirst().orElseThrow();
        assertTrue(toCovered.contains("keluarga rekan kita Slamet menerima santunan JKM") && !toCovered.contains("Belum terlindungi"), toCovered);
        Community community = new Community(null, null, null, null, null, null, null, null, "*567#", Instances.DATA_KEY);
        for (String kind : List.of("JKM", "JKK")) {
            for (String language : List.of("id", "en", "jv")) {
                String longest = community.solidarityText("x".repeat(80), "Muhammadiyahs", kind, false, language);
                assertEquals(1, SmsSegments.count(longest), language + " " + longest.length() + ": " + longest);
            }
        }
        assertTrue(toUncovered.contains("Belum terlindungi? Tekan *567#."), toUncovered);
        for (String t : List.of(toCovered, toUncovered)) {
            assertFalse(t.contains("Rp") || t.contains("RIYADI") || t.contains("Riyadi") || t.contains(deceased.nik().value())
                    || t.contains(deceased.kpj()) || t.contains(deceased.msisdn().value().substring(2)), "no amount, surname, NIK, KPJ or number: " + t);
        }
        Instances.drained(k);
        assertEquals(1, sms(deceased.msisdn().value(), 0).size(), "the family's own phone is not sent the notice (only the KABAR reply)");
        assertEquals(2, sms(noConsent.msisdn().value(), 0).size(), "the KABAR reply and the notice about Slamet, none about herself");
        assertEquals(0, sms(notAsked, 0).size(), "never asked for group news");
        assertEquals(2, sms(stopped, 0).size(), "only the KABAR and STOP replies");

        JsonObject twice = admin("POST", "/admin/benefits", new JsonObject().put("msisdn", deceased.msisdn().value()).put("kind", "JKM")
                .put("familyConsent", true));
        assertEquals("recorded_before", twice.getString("state"));
        assertEquals(400, admin("POST", "/admin/benefits", new JsonObject().put("msisdn", deceased.msisdn().value()).put("kind", "JKM"))
                .getInteger("_status"), "consent must be stated");
    }

    static Member member(SandboxMembershipService sandbox, String name, YearMonth paid, LocalDate today) {
        Member m = new Member(Long.toString(26_820_000_000L + System.nanoTime() % 100_000_000L), new Nik(Instances.nik(nik++)), name,
                new Msisdn(phone()), Occupation.OJEK, new ContributionPlan(1_000_000), today.minusMonths(3), paid);
        Instances.await(sandbox.put(m));
        return m;
    }
}
