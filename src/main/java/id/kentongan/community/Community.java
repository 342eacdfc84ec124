package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import id.kentongan.domain.Nik;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipService;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import id.kentongan.member.Registration;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.TtlStore;
import id.kentongan.text.DataKey;
import id.kentongan.text.Digest;
import id.kentongan.text.Wording;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The community channel's flows that cross parts: a registration by an agent waits for the worker's YES by SMS;
 * any registration is recorded with its channel and group and thanks whoever invited the worker; invitations are
 * capped; solidarity notices go, with the family's consent, to the group members who asked for group news.
 */
public final class Community {
    private static final Logger log = LoggerFactory.getLogger(Community.class);
    static final Duration CONSENT_WAIT = Duration.ofHours(24);
    public static final int INVITES_PER_DAY = 3;
    static final Duration INVITATION_KEPT = Duration.ofDays(90);

    public enum Invite { SENT, SELF, MEMBER, OPTED_OUT, ALREADY_INVITED, LIMIT }

    private final TtlStore store;
    private final MembershipService members;
    private final Agents agents;
    private final Groups groups;
    private final Ledger ledger;
    private final OptOuts optOuts;
    private final SmsSender sms;
    private final Clock clock;
    private final String ussdCode;
    private final PhoneLanguage languages;
    private final Wording words;

    public Community(TtlStore store, MembershipService members, Agents agents, Groups groups, Ledger ledger, OptOuts optOuts,
                     SmsSender sms, Clock clock, String ussdCode, DataKey key) {
        this.key = key;
        this.store = store;
        this.members = members;
        this.agents = agents;
        this.groups = groups;
        this.ledger = ledger;
        this.optOuts = optOuts;
        this.sms = sms;
        this.languages = new PhoneLanguage(store, Wording.standard());
        this.words = languages.wording();
        this.clock = clock;
        this.ussdCode = ussdCode;
    }

    private final DataKey key;

    public Agents agents() {
        return agents;
    }

    public Groups groups() {
        return groups;
    }

    public Ledger ledger() {
        return ledger;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- registration by an agent, gated by the worker's consent ----

    /** Keeps the agent's registration of {@code r} until the worker answers YA or TIDAK, and asks them. */
    public Future<Void> askConsent(Agent agent, Registration r) {
        JsonObject pending = new JsonObject().put("nik", r.nik().value()).put("name", r.name()).put("occupation", r.occupation().code())
                .put("income", r.plan().declaredIncome()).put("agent", agent.msisdn().value())
                .put("group", agent.groups().isEmpty() ? null : Groups.code(agent.groups().get(0)));
        String nik = r.nik().value();
        // Sealed while it waits (NIK and name), and the message keys name the NIK only by a digest.
        return store.put(consentKey(r.msisdn()), key.seal(pending.encode()), CONSENT_WAIT)
                .compose(v -> languages.say(r.msisdn(), "consent.ask", "agent", agent.shortName(), "nik_end", nik.substring(12),
                        "monthly", Rupiah.format(r.plan().monthly())))
                .compose(text -> sms.send("consent:" + r.msisdn().value() + ":" + nikRef(nik), r.msisdn(), text));
    }

    /** A NIK in a key (message keys, idempotency keys): the same NIK the same reference, and no NIK to read. */
    private static String nikRef(String nik) {
        return Digest.sha256Hex("nik|" + nik, 8);
    }

    private String consentKey(Msisdn worker) {
        return store.keys().consent(worker);
    }

    /**
     * The worker's YA / TIDAK: registers (with the agent as channel) or drops the pending registration. The reply, in
     * the worker's {@code language}; the agent is told in the agent's own.
     */
    public Future<String> consent(Msisdn worker, boolean yes, String language) {
        return store.get(consentKey(worker)).compose(found -> {
            Optional<String> opened = found.flatMap(key::open);
            if (opened.isEmpty()) return Future.succeededFuture(words.say("consent.none", language));
            JsonObject p = new JsonObject(opened.get());
            Msisdn agent = new Msisdn(p.getString("agent"));
            if (!yes) {
                return store.remove(consentKey(worker))
                        .compose(v -> languages.say(agent, "agent.refused", "worker", worker.masked()))
                        .compose(text -> sms.send("consent-no:" + worker.value() + ":" + nikRef(p.getString("nik")), agent, text))
                        .map(words.say("consent.refused", language));
            }
            Registration r = new Registration(new Nik(p.getString("nik")), p.getString("name"), worker,
                    Occupation.byCode(p.getString("occupation")).orElse(Occupation.LAINNYA), new ContributionPlan(p.getLong("income")))
                    .throughAgent(agent);
            return members.register(r, "consent:" + worker.value() + ":" + nikRef(r.nik().value())).compose(done -> {
                Member m = done.member();
                Future<Void> recorded = done.created()
                        ? registered(m, "agent", Optional.of(agent), Optional.ofNullable(p.getString("group")))
                        : Future.succeededFuture();
                return recorded.compose(v -> store.remove(consentKey(worker)))
                        .compose(v -> languages.say(agent, done.created() ? "agent.registered" : "agent.known",
                                "name", Names.firstName(m.name()), "worker", worker.masked(), "kpj", m.kpj()))
                        .compose(text -> sms.send("consent-ok:" + m.kpj(), agent, text))
                        .map(done.created()
                                ? words.say("consent.ok", language, "kpj", m.kpj(), "monthly", Rupiah.format(m.plan().monthly()), "ussd", ussdCode)
                                : m.kpjMayBeToldTo(worker) ? words.say("consent.registered", language, "kpj", m.kpj())
                                : words.say("consent.elsewhere", language, "owner_phone", m.maskedNumber()));
            });
        });
    }

    /** Everything that follows a new registration, whoever made it: the record, the group, the inviter's thanks. */
    public Future<Void> registered(Member m, String channel, Optional<Msisdn> agent, Optional<String> group) {
        Future<Void> joined = group.isPresent() ? groups.join(m.msisdn(), group.get()) : Future.succeededFuture();
        // Who invited them, read once: it thanks the inviter and, for a worker who registered by themselves, names the
        // channel (an agent's registration stays the agent's).
        return joined.compose(v -> store.get(store.keys().invitedBy(m.msisdn()))).compose(by -> {
            String how = by.isPresent() && agent.isEmpty() ? "invited" : channel;
            return ledger.joined(m, how, agent, group, today()).compose(v -> by.isPresent() ? thankInviter(m, new Msisdn(by.get())) : Future.succeededFuture());
        });
    }

    // ---- referrals ----

    /** "Ajak teman": an invitation SMS naming the inviter by first name, within the limits. */
    public Future<Invite> invite(Msisdn from, Msisdn friend) {
        if (from.equals(friend)) return Future.succeededFuture(Invite.SELF);
        String counter = store.keys().invitations(from, today().toString());
        return members.findByMsisdn(friend).compose(isMember -> {
            if (isMember.isPresent()) return Future.succeededFuture(Invite.MEMBER);
            return optOuts.optedOut(friend).compose(out -> {
                if (out) return Future.succeededFuture(Invite.OPTED_OUT);
                return store.get(counter).compose(n -> {
                    if (n.map(Integer::parseInt).orElse(0) >= INVITES_PER_DAY) return Future.succeededFuture(Invite.LIMIT);
                    // One invitation per number, whoever sends it: nobody is pestered by a whole market.
                    return store.putIfAbsent(store.keys().invitedBy(friend), from.value(), INVITATION_KEPT).compose(first -> {
                        if (!first) return Future.succeededFuture(Invite.ALREADY_INVITED);
                        return store.put(counter, Integer.toString(n.map(Integer::parseInt).orElse(0) + 1), Duration.ofDays(2))
                                .compose(v -> members.findByMsisdn(from))
                                .compose(inviter -> languages.say(friend, inviter.isPresent() ? "invite" : "invite.anonymous",
                                        "inviter", inviter.map(m -> Names.firstName(m.name())).orElse(""), "ussd", ussdCode,
                                        "monthly", Rupiah.format(new ContributionPlan(ContributionPlan.MIN_INCOME).monthly())))
                                .compose(text -> sms.sendStoppable("ref:" + friend.value(), friend, text))
                                .map(Invite.SENT);
                    });
                });
            });
        });
    }

    private Future<Void> thankInviter(Member m, Msisdn inviter) {
        return languages.say(inviter, "invite.thanks", "name", Names.firstName(m.name()))
                .compose(text -> sms.send("ref-thanks:" + m.msisdn().value(), inviter, text));
    }

    // ---- solidarity ----

    /** Group news (solidarity notices) on or off for a worker: SMS KABAR / KABAR STOP. */
    public Future<Void> groupNews(Msisdn worker, boolean on) {
        String key = store.keys().news(worker);
        return on ? store.put(key, "1", Duration.ofDays(3650)) : store.remove(key);
    }

    public record Notice(String state, int notified, String reason) {}

    /**
     * An operator records that a benefit was paid to a member's family (kind JKM) or for the member's care (JKK).
     * Only with the family's consent, once per member and kind: the member's group, minus the member's own number,
     * those who asked for group news and did not send STOP, get a short notice naming the colleague by first name —
     * never the amount, never a NIK — with an invitation for those not yet covered.
     */
    public Future<Notice> benefitPaid(Msisdn member, String kind, boolean familyConsent) {
        return members.findByMsisdn(member).compose(found -> {
            if (found.isEmpty()) return Future.succeededFuture(new Notice("unknown_member", 0, "no member with this number"));
            Member m = found.get();
            return store.putIfAbsent(store.keys().benefit(m.kpj(), kind), today().toString(), Duration.ofDays(3650)).compose(first -> {
                if (!first) return Future.succeededFuture(new Notice("recorded_before", 0, "this benefit was recorded before"));
                if (!familyConsent) return Future.succeededFuture(new Notice("recorded", 0, "no consent from the family: nobody is told"));
                return groups.groupOf(m.msisdn()).compose(code -> {
                    if (code.isEmpty()) return Future.succeededFuture(new Notice("recorded", 0, "the member is in no group"));
                    return groups.find(code.get()).compose(g -> groups.members(code.get()).compose(all -> {
                        java.util.List<Future<Boolean>> sent = new java.util.ArrayList<>();
                        for (String n : all) {
                            if (n.equals(m.msisdn().value())) continue;
                            Msisdn to = new Msisdn(n);
                            sent.add(store.get(store.keys().news(new Msisdn(n))).compose(news -> news.isEmpty() ? Future.succeededFuture(true)
                                    : optOuts.optedOut(to)).compose(skip -> {
                                if (skip) return Future.succeededFuture(false);
                                return members.findByMsisdn(to).compose(them -> {
                                    boolean covered = them.map(x -> x.status(today()).state() == MembershipStatus.State.ACTIVE)
                                            .orElse(false);
                                    return languages.of(to).map(lang -> solidarityText(g.map(Groups.Group::name).orElse("kelompok"),
                                                    Names.firstName(m.name()), kind, covered, lang))
                                            .compose(text -> sms.sendStoppable("sol:" + m.kpj() + ":" + kind + ":" + n, to, text)).map(true);
                                });
                            }));
                        }
                        return Future.all(sent).map(all2 -> {
                            int count = (int) sent.stream().filter(f -> f.result()).count();
                            log.info("benefit {} for a member of group {}: {} notices", kind, code.get(), count);
                            return new Notice("notified", count, "");
                        });
                    }));
                });
            });
        });
    }

    String solidarityText(String group, String firstName, String kind, boolean covered, String language) {
        // One SMS whatever the names: group cut to 28 characters, first name to 12 (WordingTest measures the longest).
        String text = words.say(kind.equals("JKM") ? "solidarity.jkm" : "solidarity.jkk", language,
                "group", group.length() > 28 ? group.substring(0, 28).strip() : group, "name", firstName);
        return text + (covered ? "" : words.say("solidarity.invite", language, "ussd", ussdCode));
    }
}
