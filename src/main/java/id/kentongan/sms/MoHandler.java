package id.kentongan.sms;

import id.kentongan.actions.ActionCall;
import id.kentongan.actions.Actions;
import id.kentongan.community.Community;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Rupiah;
import id.kentongan.member.ContributionPlan;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.outbox.OptOuts;
import id.kentongan.outbox.PhoneLanguage;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Quota;
import id.kentongan.store.TtlStore;
import id.kentongan.text.Digest;
import id.kentongan.text.Wording;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Answers a worker's SMS. Keywords run the same actions as the USSD menu (so registration and payment codes are
 * once-only in the same way), and every answer goes back by SMS in the phone's language (texts/sms.yaml). Registration
 * by SMS declares the smallest income band (Rp1.000.000); the reply says how to change it through the USSD code.
 */
public final class MoHandler {
    private final Actions actions;
    private final OptOuts optOuts;
    private final SmsSender sms;
    private final Clock clock;
    private final Community community;
    private final String ussdCode;
    private final PhoneLanguage languages;
    private final Wording words;

    private static final Logger log = LoggerFactory.getLogger(MoHandler.class);

    private final TtlStore quotas;
    private final Quota perMinute;

    public MoHandler(Actions actions, OptOuts optOuts, SmsSender sms, Clock clock, Community community, String ussdCode,
                     TtlStore quotas, Quota perMinute) {
        this.quotas = quotas;
        this.perMinute = perMinute;
        this.ussdCode = ussdCode;
        this.community = community;
        this.actions = actions;
        this.optOuts = optOuts;
        this.sms = sms;
        this.clock = clock;
        this.languages = new PhoneLanguage(quotas, Wording.standard());
        this.words = languages.wording();
    }

    public Future<Void> handle(Msisdn from, String text) {
        // The same request from the same phone on the same day is one request (an SMSC may deliver an MO twice, a
        // worker may send again): one registration, one payment code. Every SMS still gets its own answer.
        SmsCommand command = SmsCommand.parse(text);
        String id = Digest.sha256Hex(from.value() + "|" + LocalDate.now(clock) + "|" + command, 10);
        return perMinute.count(quotas, from.value()).compose(n -> languages.of(from).compose(lang -> {
            if (n <= perMinute.max()) {
                return answer(from, command, id, lang).recover(e -> Future.succeededFuture(words.say("busy", lang)))
                        .compose(reply -> sms.send(from, reply));
            }
            // Over the quota: told once, then not answered (each answer is an SMS we pay for, to a number flooding us).
            log.warn("MO from {} over {} a minute ({}): {}", from.masked(), perMinute.max(), n,
                    n == perMinute.max() + 1 ? "told once" : "not answered");
            return n == perMinute.max() + 1 ? sms.send(from, words.say("too_many", lang)) : Future.succeededFuture();
        }));
    }

    private Future<String> answer(Msisdn from, SmsCommand c, String id, String lang) {
        if (c instanceof SmsCommand.Register r) {
            return run("member.register", from, id, Map.of("nik", r.nik(), "name", r.name(), "occupation", "lainnya",
                    "income", Long.toString(ContributionPlan.MIN_INCOME))).map(o -> switch (o.result()) {
                case "ok" -> words.say("reg.ok", lang, "kpj", o.values().get("kpj"), "ussd", ussdCode,
                        "monthly", Rupiah.format(new ContributionPlan(ContributionPlan.MIN_INCOME).monthly()));
                case "registered" -> words.say("reg.registered", lang, "kpj", o.values().get("kpj"));
                case "registered_other" -> words.say("reg.elsewhere", lang, "owner_phone", o.values().get("owner_phone"));
                case "limit" -> words.say("reg.limit", lang);
                default -> words.say("busy", lang);
            });
        }
        if (c instanceof SmsCommand.Check) {
            return run("member.status", from, id, Map.of()).map(o -> {
                Map<String, String> v = o.values();
                return switch (o.result()) {
                    case "active" -> words.say("check.active", lang, "kpj", v.get("kpj"), "paid_through", v.get("paid_through"),
                            "monthly", rp(v.get("monthly")));
                    case "pending" -> words.say("check.pending", lang, "kpj", v.get("kpj"), "due", rp(v.get("due")));
                    case "lapsed" -> words.say("check.lapsed", lang, "kpj", v.get("kpj"), "paid_through", v.get("paid_through"),
                            "arrears", v.get("arrears"), "due", rp(v.get("due")));
                    case "ended" -> words.say("check.ended", lang, "kpj", v.get("kpj"));
                    case "not_registered" -> words.say("not_registered", lang, "ussd", ussdCode);
                    default -> words.say("busy", lang);
                };
            });
        }
        if (c instanceof SmsCommand.Pay p) {
            return run("payment.create", from, id, Map.of("months", Integer.toString(p.months()))).map(o -> switch (o.result()) {
                case "ok" -> words.say("pay.code", lang, "pay_code", o.values().get("pay_code"), "total", rp(o.values().get("total")),
                        "pay_expires", o.values().get("pay_expires"));
                case "not_registered" -> words.say("not_registered", lang, "ussd", ussdCode);
                case "ended" -> words.say("pay.ended", lang);
                default -> words.say("busy", lang);
            });
        }
        if (c instanceof SmsCommand.Stop) return optOuts.optOut(from).map(words.say("stop.ok", lang));
        if (c instanceof SmsCommand.Start) return optOuts.optIn(from).map(words.say("start.ok", lang));
        if (c instanceof SmsCommand.Consent yes) return community.consent(from, yes.yes(), lang);
        if (c instanceof SmsCommand.GroupNews news) {
            return community.groupNews(from, news.on()).map(words.say(news.on() ? "news.on" : "news.off", lang));
        }
        if (c instanceof SmsCommand.Language l) {
            // Remembered for the phone, as the menu's own language choice is: the next dial and every SMS use it.
            return languages.remember(from, l.code()).map(words.say("language." + l.code(), l.code(), "ussd", ussdCode));
        }
        if (c instanceof SmsCommand.Invalid i) return Future.succeededFuture(words.say(i.textName(), lang));
        return Future.succeededFuture(words.say("help", lang, "ussd", ussdCode));
    }

    private Future<ActionOutcome> run(String action, Msisdn from, String id, Map<String, String> values) {
        return actions.run(action, new ActionCall(from, "sms-" + id, "sms_" + action.replace('.', '_'), values));
    }

    private static String rp(String digits) {
        long v = Rupiah.parse(digits);
        return v < 0 ? digits : Rupiah.format(v);
    }

}
