package id.kentongan.ussd;

import id.kentongan.member.Msisdn;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuEngine;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.menu.Reply;
import id.kentongan.menu.SessionState;
import id.kentongan.menu.Step;
import id.kentongan.menu.SystemTexts;
import id.kentongan.session.SessionStore;
import id.kentongan.session.UssdSession;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * One USSD hop: load the session, step the engine with the new input, run the effects it asks for, save, answer.
 * A repeated request (gateway retry) gets the stored answer and changes nothing. When the session store is down the
 * worker gets a "busy" END screen and the service carries on.
 */
public final class UssdService {
    private static final Logger log = LoggerFactory.getLogger(UssdService.class);
    /** Effects one hop may chain (action leading to action); a menu that chains more is cut short, not looped. */
    private static final int MAX_EFFECTS_PER_HOP = 8;

    private final MenuRegistry menus;
    private final MenuEngine engine;
    private final SessionStore sessions;
    private final Actions actions;

    public UssdService(MenuRegistry menus, MenuEngine engine, SessionStore sessions, Actions actions) {
        this.menus = menus;
        this.engine = engine;
        this.sessions = sessions;
        this.actions = actions;
    }

    public Future<Reply> handle(UssdRequest req) {
        // An initiation always begins a dialogue: an old session under a reused id (SMPP session numbers repeat) is stale.
        boolean initiation = req.hop() instanceof UssdRequest.Single s && s.initiation();
        return sessions.find(req.msisdn(), req.sessionId())
                .compose(found -> found.isPresent() && !initiation ? continueSession(req, found.get()) : newSession(req))
                .recover(err -> {
                    log.warn("hop failed for {} session {}: {}", req.msisdn().masked(), req.sessionId(), err.toString());
                    return Future.succeededFuture(Reply.end(SystemTexts.BUSY_BOTH));
                });
    }

    private Future<Reply> newSession(UssdRequest req) {
        Optional<Menu> menu = menus.current(req.serviceCode());
        if (menu.isEmpty()) return Future.succeededFuture(Reply.end(SystemTexts.UNKNOWN_SERVICE));
        Menu m = menu.get();
        return sessions.preferredLanguage(req.msisdn()).compose(preferred -> {
            String lang = preferred.filter(m.languages()::contains).orElse(m.defaultLanguage());
            List<String> inputs = req.hop().inputsAfter(null);
            if (!inputs.isEmpty()) return walk(req, m, engine.start(m, lang), inputs); // a dialled shortcut: no offer
            return sessions.findResumable(req.msisdn()).compose(dropped -> {
                Optional<UssdSession> offer = dropped.filter(d -> resumable(d, req));
                if (offer.isEmpty()) return walk(req, m, engine.start(m, lang), List.of());
                SessionState was = offer.get().state();
                Reply ask = Reply.con(SystemTexts.RESUME.in(was.language(), m.defaultLanguage()));
                UssdSession asking = new UssdSession(req.sessionId(), req.serviceCode(), UssdSession.Phase.RESUME_OFFER,
                        SessionState.fresh(m, was.language()), was, req.hop().key(), ask);
                return sessions.save(req.msisdn(), asking).map(ask);
            });
        });
    }

    /** A dropped session of this phone, mid-journey, on a screen its menu version still has. */
    private boolean resumable(UssdSession dropped, UssdRequest req) {
        return !dropped.sessionId().equals(req.sessionId()) && dropped.phase() == UssdSession.Phase.ACTIVE
                && dropped.state().inProgress()
                && menus.forSession(dropped.serviceCode(), dropped.state().menuVersion())
                        .map(dm -> engine.current(dm, dropped.state()) != null).orElse(false);
    }

    private Future<Reply> continueSession(UssdRequest req, UssdSession s) {
        if (req.hop().key().equals(s.lastHop()) || s.phase() == UssdSession.Phase.ENDED) {
            return Future.succeededFuture(s.lastReply()); // a retry: same answer, nothing advances
        }
        List<String> inputs = req.hop().inputsAfter(s.lastHop());
        if (s.phase() == UssdSession.Phase.RESUME_OFFER) {
            String choice = inputs.isEmpty() ? "" : inputs.get(0).strip();
            List<String> rest = inputs.size() > 1 ? inputs.subList(1, inputs.size()) : List.of();
            if (choice.equals("1")) {
                Menu m = menus.forSession(s.serviceCode(), s.offered().menuVersion()).orElseThrow();
                Reply again = engine.current(m, s.offered());
                if (again != null) {
                    log.info("session resumed for {}", req.msisdn().masked());
                    return walk(req, m, new Step(s.offered(), again, null), rest);
                }
            }
            Menu m = menus.current(s.serviceCode()).orElseThrow();
            if (choice.equals("1") || choice.equals("2")) {
                return walk(req, m, engine.start(m, s.state().language()), rest);
            }
            String lang = s.offered().language();
            Reply askAgain = Reply.con(SystemTexts.INVALID_OPTION.in(lang, "id") + "\n" + SystemTexts.RESUME.in(lang, "id"));
            return finish(req, s, s.state(), askAgain, UssdSession.Phase.RESUME_OFFER);
        }
        Menu m = menus.forSession(s.serviceCode(), s.state().menuVersion()).orElseThrow();
        return walk(req, m, new Step(s.state(), s.lastReply(), null), inputs);
    }

    /** Applies {@code inputs} one by one from {@code at}, running effects as asked, and saves where it ends. */
    private Future<Reply> walk(UssdRequest req, Menu menu, Step at, List<String> inputs) {
        Future<Step> f = effects(req, menu, at, 0);
        for (String input : inputs) {
            f = f.compose(step -> step.reply().end() ? Future.succeededFuture(step)
                    : effects(req, menu, engine.step(menu, step.state(), input), 0));
        }
        String languageBefore = at.state().language();
        return f.compose(step -> finish(req, null, step.state(), step.reply(), null)
                .compose(reply -> step.state().language().equals(languageBefore) ? Future.succeededFuture(reply)
                        : sessions.rememberLanguage(req.msisdn(), step.state().language()).map(reply)));
    }

    private Future<Step> effects(UssdRequest req, Menu menu, Step step, int depth) {
        if (!step.needsEffect()) return Future.succeededFuture(step);
        if (depth >= MAX_EFFECTS_PER_HOP) {
            return Future.succeededFuture(new Step(step.state(), Reply.end(SystemTexts.BUSY.in(step.state().language(), "id")), null));
        }
        ActionCall call = new ActionCall(req.msisdn(), req.sessionId(), step.effect().screen(), step.effect().values());
        return actions.run(step.effect().action(), call)
                .compose(outcome -> effects(req, menu, engine.afterEffect(menu, step.state(), outcome), depth + 1));
    }

    private Future<Reply> finish(UssdRequest req, UssdSession before, SessionState state, Reply reply, UssdSession.Phase phase) {
        Msisdn who = req.msisdn();
        UssdSession.Phase p = phase != null ? phase : reply.end() ? UssdSession.Phase.ENDED : UssdSession.Phase.ACTIVE;
        UssdSession after = new UssdSession(req.sessionId(), req.serviceCode(), p, state,
                before == null ? null : before.offered(), req.hop().key(), reply);
        Future<Void> resume;
        if (p == UssdSession.Phase.ACTIVE && state.inProgress()) resume = sessions.keepResumable(who, after);
        else if (p == UssdSession.Phase.RESUME_OFFER) resume = Future.succeededFuture();
        else resume = sessions.forgetResumable(who);
        return Future.all(sessions.save(who, after), resume).map(reply);
    }
}
