package id.kentongan.actions;

import id.kentongan.community.Groups;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.outbox.OutboundSms;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.reminder.QuietHours;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Wording;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's USSD menu (the parking association's head, the cooperative's secretary: named by an operator with
 * the group). Identified by the number the operator's network gives, as every USSD caller is; they see their group's
 * members by first name and initial with their status — never a NIK, number or amount — and may send the group's
 * unpaid members a reminder, once a week, never in the quiet hours.
 */
final class CoordinatorActions {
    /** Lines a list shows at most (the pages the worker would page through); the rest are counted. */
    static final int MAX_LINES = 60;
    /** How long a week's "reminded" mark is kept (past the week's end, then it goes). */
    static final Duration REMINDER_KEPT = Duration.ofDays(8);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    static final ActionSpec IDENTIFY = new ActionSpec("coordinator.identify", Set.of("coordinator", "not_coordinator"),
            Map.of("group_name", 30));
    static final ActionSpec MEMBERS = new ActionSpec("coordinator.members", Set.of("ok", "none", "not_coordinator"),
            Map.of("member_count", 4, "member_list", 44), Map.of("member_list", MAX_LINES + 1));
    static final ActionSpec DUE = new ActionSpec("coordinator.due", Set.of("ok", "none", "not_coordinator"),
            Map.of("due_count", 4, "due_list", 44), Map.of("due_list", MAX_LINES + 1));
    static final ActionSpec REMIND = new ActionSpec("coordinator.remind", Set.of("sent", "none", "too_soon", "quiet", "not_coordinator"),
            Map.of("sent_count", 4, "next_allowed", 10, "quiet_until", 5));

    static List<ActionSpec> specs() {
        return List.of(IDENTIFY, MEMBERS, DUE, REMIND);
    }

    /** A member of the group as the coordinator sees them. */
    private record Seen(String name, MembershipStatus status, Msisdn msisdn) {}

    static List<Action> all(Groups groups, MembershipService members, SmsSender sms, TtlStore store, Clock clock, QuietHours quiet,
                            String ussdCode) {
        PhoneLanguage languages = new PhoneLanguage(store, Wording.standard());
        return List.of(
                Action.of(IDENTIFY, call -> groups.coordinatedBy(call.msisdn()).map(g -> g
                        .map(x -> new ActionOutcome("coordinator", Map.of("group_name", cut(x.name(), 30))))
                        .orElse(ActionOutcome.of("not_coordinator")))),

                Action.of(MEMBERS, call -> seen(groups, members, clock, call.msisdn()).map(found -> found.map(all -> {
                    if (all.isEmpty()) return ActionOutcome.of("none");
                    List<String> lines = all.stream().map(s -> s.name() + ": " + describe(s.status(), call.language())).toList();
                    return new ActionOutcome("ok", Map.of("member_count", Integer.toString(all.size()), "member_list", list(lines, call.language())));
                }).orElse(ActionOutcome.of("not_coordinator")))),

                Action.of(DUE, call -> seen(groups, members, clock, call.msisdn()).map(found -> found.map(all -> {
                    List<String> lines = all.stream().filter(s -> due(s.status(), clock))
                            .map(s -> s.name() + ": " + describe(s.status(), call.language())).toList();
                    if (lines.isEmpty()) return ActionOutcome.of("none");
                    return new ActionOutcome("ok", Map.of("due_count", Integer.toString(lines.size()), "due_list", list(lines, call.language())));
                }).orElse(ActionOutcome.of("not_coordinator")))),

                Action.once(REMIND, call -> groups.coordinatedBy(call.msisdn()).compose(g -> {
                    if (g.isEmpty()) return Future.succeededFuture(ActionOutcome.of("not_coordinator"));
                    if (quiet.quiet(clock.instant())) {
                        return Future.succeededFuture(new ActionOutcome("quiet", Map.of("quiet_until", quiet.until().toString())));
                    }
                    String code = g.get().code();
                    return seen(groups, members, clock, g.get()).compose(found -> {
                        List<Seen> unpaid = found.stream().filter(s -> due(s.status(), clock)).toList();
                        if (unpaid.isEmpty()) return Future.succeededFuture(ActionOutcome.of("none"));
                        // One per group per calendar week (Monday to Sunday, the service's zone), however many of the
                        // coordinator's dialogues ask at once: SET NX on the week's key.
                        LocalDate today = LocalDate.now(clock);
                        String week = today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                                + today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                        return store.putIfAbsent(store.keys().groupReminder(code + ":" + week), today.toString(), REMINDER_KEPT).compose(first -> {
                            if (!first) {
                                LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
                                return Future.succeededFuture(new ActionOutcome("too_soon",
                                        Map.of("next_allowed", monday.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")))));
                            }
                            String groupName = cut(g.get().name(), 30);
                            // Each in the member's own language.
                            List<Future<OutboundSms>> written = unpaid.stream().map(s -> languages.say(s.msisdn(), "reminder.group",
                                            "group", groupName, "ussd", ussdCode)
                                    .map(text -> new OutboundSms("grp-rem:" + code + ":" + week + ":" + s.msisdn().value(), s.msisdn().value(), text, true)))
                                    .toList();
                            return Future.all(written).compose(w -> sms.sendAll(written.stream().map(Future::result).toList()))
                                    .map(new ActionOutcome("sent", Map.of("sent_count", Integer.toString(written.size()))));
                        });
                    });
                }))
        );
    }

    /** The coordinator's group members with their status, by name; empty when the caller coordinates no group. */
    private static Future<Optional<List<Seen>>> seen(Groups groups, MembershipService members, Clock clock, Msisdn caller) {
        return groups.coordinatedBy(caller).compose(g -> g.isEmpty() ? Future.succeededFuture(Optional.<List<Seen>>empty())
                : seen(groups, members, clock, g.get()).map(Optional::of));
    }

    private static Future<List<Seen>> seen(Groups groups, MembershipService members, Clock clock, Groups.Group group) {
        return groups.members(group.code()).compose(numbers -> {
            List<Msisdn> phones = numbers.stream().sorted().map(Msisdn::new).toList();
            return members.findAllByMsisdn(phones).map(found -> {
                List<Seen> out = new ArrayList<>();
                LocalDate today = LocalDate.now(clock);
                for (Optional<Member> m : found) {
                    m.ifPresent(x -> out.add(new Seen(Names.abbreviated(x.name()), x.status(today), x.msisdn())));
                }
                out.sort(Comparator.comparing(Seen::name));
                return out;
            });
        });
    }

    /** Due this month: cover ends this month, or already behind (pending, lapsed). Ended members are the agent's. */
    private static boolean due(MembershipStatus s, Clock clock) {
        return switch (s.state()) {
            case PENDING, LAPSED -> true;
            case ACTIVE -> s.paidThrough() != null && !s.paidThrough().isAfter(YearMonth.now(clock));
            case ENDED -> false;
        };
    }

    private static String describe(MembershipStatus s, String language) {
        Wording words = Wording.standard();
        return switch (s.state()) {
            case ACTIVE -> words.say("list.active", language, "paid_through", s.paidThrough().format(MONTH));
            case PENDING -> words.say("list.pending", language);
            case LAPSED -> words.say("list.lapsed", language, "months", Integer.toString(s.monthsInArrears()));
            case ENDED -> words.say("list.ended", language);
        };
    }

    private static String list(List<String> lines, String language) {
        if (lines.size() <= MAX_LINES) return String.join("\n", lines);
        return String.join("\n", lines.subList(0, MAX_LINES)) + "\n"
                + Wording.standard().say("list.more", language, "count", Integer.toString(lines.size() - MAX_LINES));
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
