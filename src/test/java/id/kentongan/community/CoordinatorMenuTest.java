package id.kentongan.community;

import id.kentongan.AdminClient;
import id.kentongan.Gateway;
import id.kentongan.Gateway.Answer;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.MutableClock;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group's coordinator on *568#: the members with their status (first name and initial, paged), who has not paid this
 * month, and a reminder to them — once a week however often (or at once) it is asked, never at night.
 */
@Tag("redis")
class CoordinatorMenuTest {
    private static int nik = 97_000;

    private static Member member(String name, YearMonth paidThrough) {
        return member(name, paidThrough, LocalDate.of(2026, 6, 1));
    }

    private static Member member(String name, YearMonth paidThrough, LocalDate registered) {
        return new Member(Long.toString(23_000_000_000L + nik), new Nik(Instances.nik(nik++)), name, Msisdn.parse(Instances.newPhone()).orElseThrow(),
                Occupation.TUKANG_PARKIR, new ContributionPlan(1_000_000), registered, paidThrough);
    }

    private static Answer dial(Kentongan k, String phone, String text) {
        return Gateway.at(k.port(), "*568#", "co-" + UUID.randomUUID(), phone, text);
    }

    @Test
    void aCoordinatorSeesTheGroupTheUnpaidAndRemindsThemOnceAWeek() throws Exception {
        MutableClock clock = MutableClock.wib("2026-12-03T10:00");
        try (Instances instances = new Instances()) {
            KentonganConfig cfg = Instances.isolatedWithQuietHours();
            Kentongan k = instances.start(cfg, clock);
            SandboxMembershipService sandbox = (SandboxMembershipService) k.members();
            String coordinator = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            String group = "Parkir Pasar Ajibarang " + UUID.randomUUID().toString().substring(0, 4);
            AdminClient admin = AdminClient.admin(k);
            assertEquals(201, admin.send("POST", "/admin/groups", new JsonObject().put("name", group).put("coordinator", coordinator)).statusCode());

            List<Member> all = new ArrayList<>();
            all.add(member("DARSIH WULANDARI", YearMonth.of(2027, 2)));   // paid ahead
            all.add(member("SLAMET RIYADI", YearMonth.of(2026, 12)));     // cover ends this month: due
            all.add(member("PAIJO SANTOSO", YearMonth.of(2026, 10)));     // lapsed: due
            all.add(member("TINI SUHARTI", null, LocalDate.of(2026, 11, 20))); // registered last month, never paid: due
            for (int i = 0; i < 12; i++) all.add(member("PESERTA NOMOR" + (char) ('A' + i), YearMonth.of(2027, 1)));
            JsonArray numbers = new JsonArray();
            for (Member m : all) {
                Instances.await(sandbox.put(m));
                numbers.add(m.msisdn().value());
            }
            assertEquals(200, admin.send("PUT", "/admin/groups/" + Groups.code(group) + "/members", new JsonObject().put("msisdns", numbers)).statusCode());

            Answer menu = dial(k, coordinator, "");
            assertEquals("CON Koordinator " + group + "\n1. Anggota & status\n2. Belum bayar bulan ini\n3. Kirim pengingat ke grup\n0. Kembali", menu.body());

            // Members, paged: every one by first name and initial, never a number or NIK.
            StringBuilder seen = new StringBuilder();
            String sid = "co-" + UUID.randomUUID();
            String text = "1";
            Answer page = Gateway.at(k.port(), "*568#", sid, coordinator, text);
            assertTrue(page.body().startsWith("CON 16 anggota:\n"), page.body());
            int pages = 1;
            while (page.con()) {
                assertTrue(page.body().endsWith("\n99. Lanjut"), page.body());
                assertTrue(id.kentongan.text.Gsm7.fitsOnePage(page.screen()), page.body());
                seen.append(page.screen()).append('\n');
                text += "*99";
                page = Gateway.at(k.port(), "*568#", sid, coordinator, text);
                pages++;
            }
            seen.append(page.screen());
            assertTrue(pages >= 2, "paged: " + pages);
            String list = seen.toString();
            assertTrue(list.contains("Darsih W.: aktif sampai 02/2027") && list.contains("Slamet R.: aktif sampai 12/2026")
                    && list.contains("Paijo S.: tidak aktif 2 bulan") && list.contains("Tini S.: belum bayar"), list);
            for (Member m : all) {
                assertFalse(list.contains(m.msisdn().value().substring(2)) || list.contains(m.nik().value()), "no number or NIK: " + list);
            }

            Answer due = dial(k, coordinator, "2");
            assertTrue(due.end(), due.body());
            assertEquals("Belum bayar (3):\nPaijo S.: tidak aktif 2 bulan\nSlamet R.: aktif sampai 12/2026\nTini S.: belum bayar", due.screen());

            // A coordinator who chose Basa Banyumasan reads the list in it; a member who did gets the group's reminder in it.
            Instances.simulator(k).mo(coordinator, "567", "BASA JAWA");
            Instances.smsTo(coordinator, 1, k);
            assertEquals("Durung mbayar (3):\nPaijo S.: ora aktif 2 sasi\nSlamet R.: aktif nganti 12/2026\nTini S.: durung mbayar",
                    dial(k, coordinator, "2").screen());
            Instances.simulator(k).mo(coordinator, "567", "BASA INDONESIA");
            Instances.smsTo(coordinator, 2, k);
            Member paijo = all.get(2);
            Instances.simulator(k).mo(paijo.msisdn().value(), "567", "BASA JAWA");
            Instances.smsTo(paijo.msisdn().value(), 1, k);

            // "Send the group a reminder", asked by ten dialogues at once: one reminder to each of the three, once.
            ExecutorService pool = Executors.newFixedThreadPool(10);
            ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < 10; i++) pool.execute(() -> answers.add(dial(k, coordinator, "3*1").screen()));
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(1, answers.stream().filter(a -> a.equals("Pengingat dikirim ke 3 anggota.")).count(), answers.toString());
            assertEquals(9, answers.stream().filter(a -> a.equals("Pengingat grup sudah dikirim minggu ini. Bisa lagi mulai 07-12-2026.")).count(),
                    answers.toString());
            for (Member m : all.subList(1, 4)) {
                boolean banyumasan = m == paijo; // his first SMS confirmed BASA JAWA
                List<String> got = Instances.smsTo(m.msisdn().value(), banyumasan ? 2 : 1, k);
                assertEquals(banyumasan ? 2 : 1, got.size(), got.toString());
                String reminder = got.get(got.size() - 1);
                assertTrue(reminder.startsWith("BPJS TK (" + group) && reminder.contains(banyumasan ? "rika durung dibayar. Bales BAYAR" : "Balas BAYAR"), reminder);
            }
            Instances.drained(k);
            assertEquals(0, Instances.smsTo(all.get(0).msisdn().value(), 0, k).size(), "the paid member is not reminded");

            // The next week, at night: not now; in the morning: again.
            clock.set("2026-12-10T22:00");
            assertEquals("Malam hari tidak mengirim SMS. Coba lagi mulai jam 07:00.", dial(k, coordinator, "3*1").screen());
            clock.set("2026-12-11T08:00");
            assertEquals("Pengingat dikirim ke 3 anggota.", dial(k, coordinator, "3*1").screen());

            // Anyone else on *568# is neither agent nor coordinator.
            assertTrue(dial(k, Instances.newPhone(), "").screen().startsWith("Nomor ini bukan agen Perisai atau koordinator grup."));
        }
    }
}
