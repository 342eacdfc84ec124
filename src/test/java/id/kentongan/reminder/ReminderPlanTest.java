package id.kentongan.reminder;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.smpp.SmsSegments;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderPlanTest {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    final QuietHours quiet = QuietHours.standard(WIB);
    final ReminderPlan plan = new ReminderPlan(quiet);

    static Instant wib(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), WIB).toInstant();
    }

    static Member member(String name, YearMonth paidThrough) {
        return new Member("26000000042", new Nik("3302145507900001"), name, new Msisdn("6281234567890"), Occupation.TUKANG_PARKIR,
                new ContributionPlan(1_000_000), LocalDate.of(2026, 1, 5), paidThrough);
    }

    @Test
    void quietHoursRunFromNineAtNightToSevenInTheMorningJakartaTime() {
        assertTrue(quiet.quiet(wib("2026-11-23T22:00")));
        assertTrue(quiet.quiet(wib("2026-11-24T06:59")));
        assertFalse(quiet.quiet(wib("2026-11-24T07:00")));
        assertFalse(quiet.quiet(wib("2026-11-23T20:59")));
        assertTrue(quiet.quiet(wib("2026-11-23T21:00")));
        assertEquals(wib("2026-11-24T07:00"), quiet.allowed(wib("2026-11-23T22:00")));
        assertEquals(wib("2026-11-24T07:00"), quiet.allowed(wib("2026-11-24T02:10")));
        assertEquals(wib("2026-11-24T12:00"), quiet.allowed(wib("2026-11-24T12:00")));
        QuietHours daytime = new QuietHours(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0), WIB);
        assertTrue(daytime.quiet(wib("2026-11-24T12:30")));
        assertFalse(daytime.quiet(wib("2026-11-24T22:30")));
    }

    @Test
    void coverEndingInSevenDaysSeenAtTenAtNightIsRemindedAtSevenNextMorning() {
        // Cover runs to 30 November; it is 23 November, 22:00 WIB.
        List<ReminderPlan.Planned> p = plan.plan(member("SITI AMINAH", YearMonth.of(2026, 11)), wib("2026-11-23T22:00"));
        assertEquals(DueEvent.BEFORE_7, p.get(0).event());
        assertEquals(wib("2026-11-24T07:00"), p.get(0).at());
        assertEquals(LocalDate.of(2026, 11, 30), p.get(0).date());
        assertEquals(16_800, p.get(0).amountDue());
        assertEquals(DueEvent.BEFORE_1, p.get(1).event());
        assertEquals(wib("2026-11-29T07:00"), p.get(1).at());
        assertEquals(DueEvent.LAPSED, p.get(2).event());
        assertEquals(wib("2026-12-01T07:00"), p.get(2).at());
        assertEquals(3, p.size(), "the final warning is beyond the planning horizon: a later daily reading plans it");
    }

    @Test
    void aMemberFirstSeenLateGetsOnlyTheReminderThatAppliesNow() {
        // Paid through October; seen on 23 November: lapsed since 1 November, final warning not yet.
        List<ReminderPlan.Planned> p = plan.plan(member("BUDI", YearMonth.of(2026, 10)), wib("2026-11-23T10:00"));
        assertEquals(1, p.size());
        assertEquals(DueEvent.LAPSED, p.get(0).event());
        assertEquals(wib("2026-11-23T10:00"), p.get(0).at());
        assertEquals(LocalDate.of(2026, 11, 1), p.get(0).date());
        // Third unpaid month is January: membership ends 31 January; the last warning is on 24 January.
        List<ReminderPlan.Planned> late = plan.plan(member("BUDI", YearMonth.of(2026, 10)), wib("2027-01-25T10:00"));
        assertEquals(DueEvent.FINAL, late.get(0).event());
        assertEquals(LocalDate.of(2027, 1, 31), late.get(0).date());
        assertEquals(3 * 16_800, late.get(0).amountDue());
        assertTrue(plan.plan(member("BUDI", YearMonth.of(2026, 10)), wib("2027-02-01T10:00")).isEmpty(), "membership ended");
    }

    @Test
    void neverPaidMembersGetNoDueDateReminders() {
        assertTrue(plan.plan(member("BUDI", null), wib("2026-11-23T10:00")).isEmpty());
    }

    @Test
    void everyReminderFitsOneSmsEvenForALongName() {
        ReminderTexts texts = new ReminderTexts("*567#");
        Member m = member("MUHAMMADIYAHSURYANEGARA BIN ABDULLAH", YearMonth.of(2026, 10));
        for (String language : List.of("id", "en", "jv")) {
            for (DueEvent e : DueEvent.values()) {
                String t = texts.text(new ReminderPlan.Planned(m, e, Instant.EPOCH, LocalDate.of(2026, 11, 30), 3 * 1_234_567L), language);
                assertEquals(1, SmsSegments.count(t), language + " " + e + ": " + t.length() + " " + t);
                assertTrue(t.contains("*567#") && t.contains("STOP") && t.matches("(?s).*([Bb]alas|[Rr]eply|[Bb]ales) BAYAR.*"), t);
                assertFalse(t.contains("ABDULLAH"), "first name only");
            }
        }
        assertEquals("Budi", Names.firstName("BUDI SANTOSO"));
    }
}
