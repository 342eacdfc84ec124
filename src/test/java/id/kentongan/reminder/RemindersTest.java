package id.kentongan.reminder;

import id.kentongan.Instances;
import id.kentongan.RedisAdmin;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.MutableClock;
import id.kentongan.community.Ledger;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.Contribution;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.store.RedisTtlStore;
import id.kentongan.tools.SmscSimulator;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Due-date reminders on a fixed clock, over real Redis and real SMPP (the built-in simulator): planned at 22:00 WIB,
 * sent at 07:00, once, not to a worker who sent STOP, and not again when the member list is read twice or by a second
 * instance.
 */
@Tag("redis")
class RemindersTest {
    private static int n = 60_000; // NIK indexes of this test only (see Instances.nik)

    static Member member(YearMonth paidThrough) {
        return new Member(Long.toString(26_500_000_000L + (System.nanoTime() % 400_000_000L)), new Nik(Instances.nik(n++)),
                "SITI AMINAH", Msisdn.parse(Instances.newPhone()).orElseThrow(), Occupation.TUKANG_PARKIR,
                new ContributionPlan(1_000_000), LocalDate.of(2026, 3, 2), paidThrough);
    }

    @Test
    void remindersGoAtSevenInTheMorningOnceAndNeverToAWorkerWhoSentStop() throws Exception {
        MutableClock clock = MutableClock.wib("2026-11-23T22:00");
        try (Instances instances = new Instances()) {
            // A core system and a schedule of its own: other tests' members must not be reminded here.
            KentonganConfig cfg = Instances.isolatedWithQuietHours();
            Kentongan a = instances.start(cfg, clock);
            Kentongan b = instances.start(cfg, clock);
            SandboxMembershipService sandbox = (SandboxMembershipService) a.members();
            Member dueIn7Days = member(YearMonth.of(2026, 11));   // cover ends 30 November
            Member willStop = member(YearMonth.of(2026, 11));
            Member lapsed = member(YearMonth.of(2026, 10));      // no cover since 1 November
            Member paidAhead = member(YearMonth.of(2027, 3));
            for (Member m : List.of(dueIn7Days, willStop, lapsed, paidAhead)) Instances.await(sandbox.put(m));
            Reminders reminders = a.reminders().orElseThrow();

            Reminders.ScanReport read = reminders.scan();
            assertTrue(read.ran());
            assertTrue(read.members() >= 4, "the member list holds this run's members: " + read.members());
            assertEquals(0, reminders.dispatch(100), "22:00 is in the quiet hours: nothing goes now");

            // STOP after planning: honoured when the message would leave.
            SmscSimulator sim = Instances.simulator(a);
            sim.mo(willStop.msisdn().value(), "567", "STOP");
            assertTrue(Instances.smsTo(willStop.msisdn().value(), 1, a, b).get(0).contains("tidak akan"), "STOP is confirmed");

            clock.set("2026-11-24T06:59");
            assertEquals(0, reminders.dispatch(100));
            clock.set("2026-11-24T07:00");
            int queued = reminders.dispatch(100);
            assertEquals(3, queued, "due in 7 days, lapsed, and the one who sent STOP (withheld at sending)");

            List<String> toDue = Instances.smsTo(dueIn7Days.msisdn().value(), 1, a, b);
            assertEquals(1, toDue.size());
            assertTrue(toDue.get(0).contains("habis 30/11/2026") && toDue.get(0).contains("Rp16.800"), toDue.get(0));
            List<String> toLapsed = Instances.smsTo(lapsed.msisdn().value(), 1, a, b);
            assertEquals(1, toLapsed.size());
            assertTrue(toLapsed.get(0).contains("sejak 01/11/2026") && toLapsed.get(0).contains("TIDAK punya asuransi"), toLapsed.get(0));

            // The member list read twice, and by the other instance; sending again on both: nothing new.
            reminders.scan();
            b.reminders().orElseThrow().scan();
            assertEquals(0, reminders.dispatch(100));
            assertEquals(0, b.reminders().orElseThrow().dispatch(100));
            // Planned again and claimed again, but all sent before: the claims are released, not left to be reclaimed forever.
            assertEquals(0L, claimed(cfg), "no reminder left claimed");
            clock.set("2026-11-24T12:00");
            assertEquals(0, b.reminders().orElseThrow().dispatch(100));
            Instances.drained(a, b); // anything wrongly queued has reached the simulator by now
            assertEquals(1, Instances.smsTo(dueIn7Days.msisdn().value(), 0, a, b).size());
            assertEquals(1, Instances.smsTo(lapsed.msisdn().value(), 0, a, b).size());
            assertEquals(1, Instances.smsTo(willStop.msisdn().value(), 0, a, b).size(), "only the STOP confirmation");
            assertEquals(0, Instances.smsTo(paidAhead.msisdn().value(), 0, a, b).size());
            String stoppedKey = "rem:" + willStop.kpj() + ":2026-11:BEFORE_7";
            assertEquals(Optional.of("OPTED_OUT"), Instances.await(a.sms().outbox().state(stoppedKey)));

            // Six days on, the day before cover ends: the next reminder, once.
            clock.set("2026-11-29T07:30");
            reminders.scan();
            assertEquals(2, reminders.dispatch(100) + b.reminders().orElseThrow().dispatch(100),
                    "BEFORE_1 for the two whose cover ends tomorrow (one of them withheld at sending)");
            List<String> again = Instances.smsTo(dueIn7Days.msisdn().value(), 2, a, b);
            assertEquals(2, again.size());
            assertEquals(1, again.stream().filter(t -> t.contains("habis BESOK 30/11/2026")).count(), again.toString());
            Instances.drained(a, b);
            assertEquals(1, Instances.smsTo(willStop.msisdn().value(), 0, a, b).size(), "still only the STOP confirmation");
        }
    }

    /**
     * Issue 16: a reminder is written in the language the phone chose (here by SMS BASA JAWA / BASA INGGRIS), both when
     * the member list's reading wrote it and when, the reading too old, each member is looked up again.
     */
    @Test
    void remindersAreWrittenInThePhonesLanguage() throws Exception {
        MutableClock clock = MutableClock.wib("2026-11-23T22:00");
        try (Instances instances = new Instances()) {
            KentonganConfig cfg = Instances.isolatedWithQuietHours();
            Kentongan a = instances.start(cfg, clock);
            SandboxMembershipService sandbox = (SandboxMembershipService) a.members();
            Member banyumasan = member(YearMonth.of(2026, 11));
            Member english = member(YearMonth.of(2026, 11));
            Member indonesian = member(YearMonth.of(2026, 11));
            for (Member m : List.of(banyumasan, english, indonesian)) Instances.await(sandbox.put(m));
            SmscSimulator sim = Instances.simulator(a);
            sim.mo(banyumasan.msisdn().value(), "567", "BASA JAWA");
            sim.mo(english.msisdn().value(), "567", "basa inggris");
            assertTrue(Instances.smsTo(banyumasan.msisdn().value(), 1, a).get(0).startsWith("Basa diganti dadi Basa Banyumasan"));
            assertTrue(Instances.smsTo(english.msisdn().value(), 1, a).get(0).startsWith("Language set to English"));

            Reminders reminders = a.reminders().orElseThrow();
            assertTrue(reminders.scan().ran());
            clock.set("2026-11-24T07:00");
            assertEquals(3, reminders.dispatch(100));
            assertEquals("BPJS TK: Siti, asuransi kecelakaan kerja & kematian rika entek 30/11/2026. Iuran Rp16.800/sasi. "
                    + "Bales BAYAR utawa pencet *567#. STOP=mandheg", Instances.smsTo(banyumasan.msisdn().value(), 2, a).get(1));
            assertEquals("BPJS TK: Dear Siti, your work accident & death insurance ends 30/11/2026. Rp16.800/month. "
                    + "Reply BAYAR or dial *567#. STOP=no more", Instances.smsTo(english.msisdn().value(), 2, a).get(1));
            assertEquals("BPJS TK: Yth Siti, asuransi kecelakaan kerja & kematian Anda habis 30/11/2026. Iuran Rp16.800/bulan. "
                    + "Balas BAYAR atau tekan *567#. STOP=berhenti", Instances.smsTo(indonesian.msisdn().value(), 1, a).get(0));

            // Five days on, no new reading: each member looked up again, the text written in the phone's language still.
            clock.set("2026-11-29T07:30");
            assertEquals(3, reminders.dispatch(100));
            assertTrue(Instances.smsTo(banyumasan.msisdn().value(), 3, a).get(2).contains("rika entek SESUK 30/11/2026"));
            assertTrue(Instances.smsTo(english.msisdn().value(), 3, a).get(2).contains("ends TOMORROW 30/11/2026"));
            assertTrue(Instances.smsTo(indonesian.msisdn().value(), 2, a).get(1).contains("Anda habis BESOK 30/11/2026"));
        }
    }

    /**
     * Sending trusts the last reading of the member list while it is young (no second look-up of each member): a
     * payment through Kentongan takes the member's reminders out of the schedule, a payment elsewhere is seen by the
     * next reading; once the reading is older than a day and some, each member is looked up again.
     */
    @Test
    void aYoungReadingAnswersForItsRemindersAndPaymentsMakeThemMoot() throws Exception {
        MutableClock clock = MutableClock.wib("2026-11-23T22:00");
        Vertx vertx = Vertx.vertx();
        try (Instances instances = new Instances()) {
            KentonganConfig cfg = Instances.isolatedWithQuietHours();
            Kentongan a = instances.start(cfg, clock);
            RedisTtlStore store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), cfg.keyspace());
            Ledger ledger = new Ledger(store);
            SandboxMembershipService sandbox = (SandboxMembershipService) a.members();
            Member paysHere = member(YearMonth.of(2026, 11));
            Member paysAtABank = member(YearMonth.of(2026, 11));
            Member renamed = member(YearMonth.of(2026, 11));
            for (Member m : List.of(paysHere, paysAtABank, renamed)) Instances.await(sandbox.put(m));
            Reminders reminders = a.reminders().orElseThrow();
            reminders.scan();

            // 22:30, through Kentongan (as the payment callback records it): its reminders leave the schedule.
            Member credited = Instances.await(sandbox.credit(new Contribution(paysHere.kpj(), 1, 16_800, "REF-" + paysHere.kpj())));
            Instances.await(ledger.paid(new Ledger.Paid("REF-" + paysHere.kpj(), paysHere.kpj(), 1, 16_800,
                    LocalDate.of(2026, 11, 23), "code", Optional.empty()), credited));
            // 23:00, at a bank counter: only the core system knows; the 06:30 reading sees it.
            Instances.await(sandbox.put(with(paysAtABank, paysAtABank.name(), YearMonth.of(2026, 12))));
            clock.set("2026-11-24T06:30");
            reminders.scan();
            // 06:45: the core system's record changes again; the 07:00 sending does not ask it (the reading answers).
            Instances.await(sandbox.put(with(renamed, "RATNA SARI", renamed.paidThrough())));

            clock.set("2026-11-24T07:00");
            assertEquals(1, reminders.dispatch(100), "only the one who has not paid");
            List<String> sent = Instances.smsTo(renamed.msisdn().value(), 1, a);
            assertTrue(sent.get(0).contains("Siti") && sent.get(0).contains("habis 30/11/2026"), "written from the 06:30 reading: " + sent);
            Instances.drained(a);
            assertEquals(0, Instances.smsTo(paysHere.msisdn().value(), 0, a).size());
            assertEquals(0, Instances.smsTo(paysAtABank.msisdn().value(), 0, a).size());

            // No reading for five days (it failed): the day before cover ends, each member is looked up again.
            clock.set("2026-11-29T07:30");
            assertEquals(1, reminders.dispatch(100));
            List<String> again = Instances.smsTo(renamed.msisdn().value(), 2, a);
            assertTrue(again.stream().anyMatch(t -> t.contains("Ratna") && t.contains("BESOK")), "looked up again: " + again);
            Instances.await(store.close());
        } finally {
            Instances.await(vertx.close());
        }
    }

    /** The reminder says how to answer it; answering BAYAR 3 brings a payment code by SMS. */
    @Test
    void aReminderIsAnsweredWithBayarThreeAndAPaymentCodeComesBack() throws Exception {
        MutableClock clock = MutableClock.wib("2026-11-23T22:00");
        try (Instances instances = new Instances()) {
            KentonganConfig cfg = Instances.isolatedWithQuietHours();
            Kentongan a = instances.start(cfg, clock);
            Member due = member(YearMonth.of(2026, 11));
            Instances.await(((SandboxMembershipService) a.members()).put(due));
            Reminders reminders = a.reminders().orElseThrow();
            reminders.scan();
            clock.set("2026-11-24T07:00");
            assertEquals(1, reminders.dispatch(100));
            String to = due.msisdn().value();
            String reminder = Instances.smsTo(to, 1, a).get(0);
            assertTrue(reminder.contains("Balas BAYAR atau tekan *567#"), reminder);

            Instances.simulator(a).mo(to, "567", "BAYAR 3");
            List<String> both = Instances.smsTo(to, 2, a);
            assertEquals(2, both.size(), both.toString());
            assertTrue(both.get(1).startsWith("Kode iuran: 8899 ") && both.get(1).contains("Rp50.400"), both.get(1));
        }
    }

    private static Member with(Member m, String name, YearMonth paidThrough) {
        return new Member(m.kpj(), m.nik(), name, m.msisdn(), m.occupation(), m.plan(), m.registeredOn(), paidThrough);
    }

    private static long claimed(KentonganConfig cfg) {
        try (RedisAdmin c = RedisAdmin.open()) {
            return c.sync().zcard(cfg.keyspace().remindersClaimed());
        }
    }
}
