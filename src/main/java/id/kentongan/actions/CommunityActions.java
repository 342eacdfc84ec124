package id.kentongan.actions;

import id.kentongan.community.Agent;
import id.kentongan.community.Agents;
import id.kentongan.community.Community;
import id.kentongan.community.Groups;
import id.kentongan.community.Ledger;
import id.kentongan.domain.Masking;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Nik;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.Contribution;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.member.Registration;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.menu.SessionState;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Digest;
import id.kentongan.text.Wording;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Perisai agent menu's actions (menus/perisai.yaml) and the worker's "Ajak teman". Every agent action but the
 * sign-in ones first checks that this USSD session entered the agent's PIN; the PIN is cleared from the session by
 * the action that reads it, in the same hop, so it is never saved.
 */
public final class CommunityActions {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final String SIGNED_OUT = "signed_out";

    public static final ActionSpec IDENTIFY = new ActionSpec("agent.identify", Set.of("new", "known", "locked", "not_agent"), Map.of("agent_name", 20));
    public static final ActionSpec SET_PIN = new ActionSpec("agent.set_pin", Set.of("ok", "mismatch"), Map.of());
    public static final ActionSpec LOGIN = new ActionSpec("agent.login", Set.of("ok", "wrong", "locked"), Map.of("tries_left", 1));
    /** A NIK already registered tells the agent the masked number it belongs to, not its KPJ (see MemberActions.CHECK_NIK). */
    public static final ActionSpec REGISTER_FOR = new ActionSpec("agent.register_for", Set.of("consent_sent", "registered", "limit", SIGNED_OUT),
            Map.of("owner_phone", 11));
    public static final ActionSpec DUE_LIST = new ActionSpec("agent.due_list", Set.of("ok", "none", SIGNED_OUT),
            Map.of("due_list", 57, "due_count", 2), Map.of("due_list", 20));
    public static final ActionSpec CASH_QUOTE = new ActionSpec("agent.cash_quote", Set.of("ok", "not_registered", "ended", SIGNED_OUT),
            Map.of("worker", 16, "total", 9, "kpj", 11));
    public static final ActionSpec CASH_RECORD = new ActionSpec("agent.cash_record", Set.of("ok", "not_registered", "ended", SIGNED_OUT),
            Map.of("paid_through", 7, "balance", 10, "total", 9));
    public static final ActionSpec SUMMARY = new ActionSpec("agent.summary", Set.of("ok", SIGNED_OUT),
            Map.of("reg_month", 4, "members", 5, "active_pct", 3, "balance", 10));
    public static final ActionSpec INVITE = new ActionSpec("referral.invite",
            Set.of("sent", "self", "member", "opted_out", "already_invited", "limit"), Map.of());

    private CommunityActions() {}

    public static List<ActionSpec> specs() {
        return List.of(IDENTIFY, SET_PIN, LOGIN, REGISTER_FOR, DUE_LIST, CASH_QUOTE, CASH_RECORD, SUMMARY, INVITE);
    }

    public static List<Action> all(Community community, MembershipService members, SmsSender sms, Clock clock, TtlStore quotas, Quota nikLookups) {
        PhoneLanguage languages = new PhoneLanguage(quotas, Wording.standard());
        Agents agents = community.agents();
        Ledger ledger = community.ledger();
        return List.of(
                Action.of(IDENTIFY, call -> agents.find(call.msisdn()).compose(a -> {
                    if (a.isEmpty()) return Future.succeededFuture(ActionOutcome.of("not_agent"));
                    Map<String, String> name = Map.of("agent_name", a.get().shortName());
                    return agents.locked(call.msisdn()).compose(locked -> locked ? Future.succeededFuture(new ActionOutcome("locked", name))
                            : agents.hasPin(call.msisdn()).map(has -> new ActionOutcome(has ? "known" : "new", name)));
                })),

                // "pin" may be held from the hop before (a salted hash, see SessionState); "pin2" was typed in this hop.
                Action.of(SET_PIN, call -> {
                    String pin = call.value("pin2");
                    if (!SessionState.sameSecret(call.value("pin"), pin)) return Future.succeededFuture(ActionOutcome.of("mismatch"));
                    return agents.setPin(call.msisdn(), pin)
                            .compose(set -> set ? agents.login(call.msisdn(), pin, call.sessionId()) : Future.succeededFuture(Agents.Login.WRONG))
                            .map(login -> ActionOutcome.of(login == Agents.Login.OK ? "ok" : "mismatch"));
                }),

                Action.of(LOGIN, call -> agents.login(call.msisdn(), call.value("pin"), call.sessionId())
                        .compose(r -> agents.triesLeft(call.msisdn()).map(left -> new ActionOutcome(r.name().toLowerCase(java.util.Locale.ROOT),
                                Map.of("tries_left", Integer.toString(Math.max(0, left))))))),

                Action.once(REGISTER_FOR, signedIn(agents, (call, agent) -> {
                    Msisdn worker = new Msisdn(call.value("worker_phone"));
                    Registration r = new Registration(new Nik(call.value("nik")), call.value("name"), worker,
                            Occupation.byCode(call.value("occupation")).orElse(Occupation.LAINNYA),
                            new ContributionPlan(Long.parseLong(call.value("income"))));
                    return nikLookups.take(quotas, agent.msisdn().value()).compose(within -> !within
                            ? Future.succeededFuture(ActionOutcome.of("limit"))
                            : members.findByNik(r.nik()).compose(existing -> existing.isPresent()
                                    ? Future.succeededFuture(new ActionOutcome("registered",
                                            Map.of("owner_phone", existing.get().maskedNumber())))
                                    : community.askConsent(agent, r).map(ActionOutcome.of("consent_sent"))));
                })),

                Action.of(DUE_LIST, signedIn(agents, (call, agent) -> dueList(community, members, agent, LocalDate.now(clock), call.language()))),

                Action.of(CASH_QUOTE, signedIn(agents, (call, agent) -> members.findByMsisdn(new Msisdn(call.value("worker_phone"))).compose(m -> {
                    if (m.isEmpty()) return Future.succeededFuture(ActionOutcome.of("not_registered"));
                    if (m.get().status(LocalDate.now(clock)).state() == MembershipStatus.State.ENDED) return Future.succeededFuture(ActionOutcome.of("ended"));
                    return members.bill(m.get().kpj(), Integer.parseInt(call.value("months"))).map(bill -> new ActionOutcome("ok",
                            Map.of("worker", Names.abbreviated(m.get().name()), "total", Long.toString(bill.amount()), "kpj", m.get().kpj())));
                }))),

                Action.once(CASH_RECORD, signedIn(agents, (call, agent) -> members.findByMsisdn(new Msisdn(call.value("worker_phone"))).compose(m -> {
                    if (m.isEmpty()) return Future.succeededFuture(ActionOutcome.of("not_registered"));
                    if (m.get().status(LocalDate.now(clock)).state() == MembershipStatus.State.ENDED) return Future.succeededFuture(ActionOutcome.of("ended"));
                    int months = Integer.parseInt(call.value("months"));
                    // One reference per agent session step: a retried or doubled submission is the same payment.
                    String ref = "CASH-" + Digest.sha256Hex(agent.msisdn().value() + "|" + call.idempotencyKey(), 8);
                    return members.bill(m.get().kpj(), months).compose(bill -> members.credit(new Contribution(m.get().kpj(), months, bill.amount(), ref))
                            .compose(paid -> ledger.paid(new Ledger.Paid(ref, paid.kpj(), months, bill.amount(), LocalDate.now(clock), "cash",
                                            Optional.of(agent.msisdn().value())), paid)
                                    .compose(v -> agents.collected(agent.msisdn(), bill.amount(), ref + "|" + paid.kpj() + "|" + months + "|" + bill.amount()))
                                    .compose(balance -> languages.say(paid.msisdn(), "receipt.cash", "months", Integer.toString(months),
                                                    "amount", Rupiah.format(bill.amount()), "agent", agent.shortName(),
                                                    "paid_through", paid.paidThrough().format(MONTH), "kpj", paid.kpj())
                                            .compose(receipt -> sms.send("cash:" + ref, paid.msisdn(), receipt))
                                            .map(v -> new ActionOutcome("ok", Map.of("paid_through", paid.paidThrough().format(MONTH),
                                                    "balance", Long.toString(balance), "total", Long.toString(bill.amount())))))));
                }))),

                Action.of(SUMMARY, signedIn(agents, (call, agent) -> summary(community, members, agent, LocalDate.now(clock)))),

                Action.of(INVITE, call -> community.invite(call.msisdn(), new Msisdn(call.value("friend_phone")))
                        .map(r -> ActionOutcome.of(r.name().toLowerCase(java.util.Locale.ROOT))))
        );
    }

    private interface AgentWork {
        Future<ActionOutcome> run(ActionCall call, Agent agent);
    }

    private static Function<ActionCall, Future<ActionOutcome>> signedIn(Agents agents, AgentWork work) {
        return call -> agents.signedIn(call.msisdn(), call.sessionId()).compose(ok -> !ok ? Future.succeededFuture(ActionOutcome.of(SIGNED_OUT))
                : agents.find(call.msisdn()).compose(a -> a.isEmpty() ? Future.succeededFuture(ActionOutcome.of(SIGNED_OUT)) : work.run(call, a.get())));
    }

    /** Members of the agent's groups who are lapsed or whose cover ends this month: abbreviated names, masked numbers. */
    private static Future<ActionOutcome> dueList(Community community, MembershipService members, Agent agent, LocalDate today, String language) {
        Wording words = Wording.standard();
        List<Future<List<String>>> perGroup = new ArrayList<>();
        for (String g : agent.groups()) perGroup.add(community.groups().members(Groups.code(g)).map(List::copyOf));
        return Future.all(perGroup).compose(all -> {
            List<String> numbers = perGroup.stream().flatMap(f -> f.result().stream()).distinct().sorted().toList();
            List<Future<Optional<Member>>> looked = numbers.stream().map(n -> members.findByMsisdn(new Msisdn(n))).toList();
            return Future.all(looked).map(done -> {
                List<String> lines = new ArrayList<>();
                for (Future<Optional<Member>> f : looked) {
                    if (f.result().isEmpty()) continue;
                    Member m = f.result().get();
                    MembershipStatus s = m.status(today);
                    boolean dueNow = s.state() == MembershipStatus.State.ACTIVE && YearMonth.from(today).equals(s.paidThrough());
                    String who = Names.abbreviated(m.name()) + " " + Masking.msisdnLocal(m.msisdn().value()) + " ";
                    if (s.state() == MembershipStatus.State.LAPSED) {
                        lines.add(who + words.say("list.due_arrears", language, "months", Integer.toString(s.monthsInArrears())));
                    } else if (dueNow) {
                        lines.add(who + words.say("list.due_ends", language, "day", Integer.toString(s.paidThrough().atEndOfMonth().getDayOfMonth()),
                                "month", String.format("%02d", s.paidThrough().getMonthValue())));
                    }
                    if (lines.size() == 20) break; // the rest on the web report; a phone screen is no place for 200 names
                }
                if (lines.isEmpty()) return ActionOutcome.of("none");
                return new ActionOutcome("ok", Map.of("due_list", String.join("\n", lines), "due_count", Integer.toString(lines.size())));
            });
        });
    }

    private static Future<ActionOutcome> summary(Community community, MembershipService members, Agent agent, LocalDate today) {
        String month = today.toString().substring(0, 7);
        return community.ledger().registeredBy(agent.msisdn()).compose(regs -> {
            long thisMonth = regs.stream().filter(r -> r.startsWith(month + "|")).count();
            List<Future<Optional<Member>>> looked = regs.stream().map(r -> members.findByMsisdn(new Msisdn(r.split("\\|")[2]))).toList();
            return Future.all(looked).compose(done -> community.agents().balance(agent.msisdn()).map(balance -> {
                long total = looked.stream().filter(f -> f.result().isPresent()).count();
                long active = looked.stream().filter(f -> f.result().isPresent()
                        && f.result().get().status(today).state() == MembershipStatus.State.ACTIVE).count();
                return new ActionOutcome("ok", Map.of("reg_month", Long.toString(thisMonth), "members", Long.toString(total),
                        "active_pct", Long.toString(total == 0 ? 0 : Math.round(100.0 * active / total)), "balance", Long.toString(balance)));
            }));
        });
    }
}
