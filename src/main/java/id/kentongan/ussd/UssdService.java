package id.kentongan.ussd;

import id.kentongan.actions.ActionCall;
import id.kentongan.actions.Actions;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuEngine;
import id.kentongan.menu.MenuRegistry;
import id.kentongan.menu.Reply;
import id.kentongan.menu.Screen;
import id.kentongan.menu.SessionState;
import id.kentongan.menu.Step;
import id.kentongan.menu.SystemTexts;
import id.kentongan.metrics.Meters;
import id.kentongan.session.SessionStore;
import id.kentongan.session.UssdSession;
import id.kentongan.store.Quota;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One USSD hop: load the phone's dialogue (one read), step the engine with the new input, run the effects it asks for,
 * save (one write), answer. A repeated request (gateway retry) is answered again from the stored state and changes
 * nothing. A new session id on a phone whose dialogue dropped mid-journey within the resume window is offered
 * "1. Lanjutkan 2. Mulai dari awal". When the session store is down the worker gets a "busy" END screen.
 * Under overload, a hop past {@code maxInFlight} being worked on (its time waiting on an action not counted) gets that
 * screen at once ("shed"): nothing read or written, so a dialogue it cuts short can be resumed on the redial. While an
 * event loop runs late ({@code limits.loopLag}, sustained: {@link LoopLag}), a new dialogue is shed the same way and
 * dialogues under way go on: the guard for a loop that falls behind (BENCHMARKS.md, issue 18).
 */
public final class UssdService {
    private static final Logger log = LoggerFactory.getLogger(UssdService.class);
    /** Effects one hop may chain (action leading to action); a menu that chains more is cut short, not looped. */
    private static final int MAX_EFFECTS_PER_HOP = 8;

    private final MenuRegistry menus;
    private final MenuEngine engine;
    private final SessionStore sessions;
    private final Actions actions;
    private final Clock clock;
    private final Meters meters;
    private final Quota hops;
    private final Funnel funnel;
    private final int maxInFlight;
    /** Whether the event loops have been running late (LoopLag): new dialogues are turned away then. */
    private final java.util.function.BooleanSupplier runningLate;
    /** Hops admitted and not yet answered, over every event loop and transport. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /** What a hop answered with, for the hop meter: the menu and the kind of screen. */
    private static final class Note {
        String menu = "-";
        String kind = "unknown";
        boolean began;

        Note is(String menu, String kind) {
            this.menu = menu;
            this.kind = kind;
            return this;
        }
    }

    public UssdService(MenuRegistry menus, MenuEngine engine, SessionStore sessions, Actions actions, Clock clock,
                       Meters meters, Quota hops, Funnel funnel, int maxInFlight, java.util.function.BooleanSupplier runningLate) {
        this.maxInFlight = maxInFlight;
        this.runningLate = runningLate;
        meters.gauge("kentongan.ussd.hops.in_flight", "USSD hops being worked on now (this instance)", inFlight::get);
        this.funnel = funnel;
        this.meters = meters;
        this.hops = hops;
        this.menus = menus;
        this.engine = engine;
        this.sessions = sessions;
        this.actions = actions;
        this.clock = clock;
    }

    public Future<Reply> handle(UssdRequest req) {
        long t0 = System.nanoTime();
        Note note = new Note();
        // An initiation always begins a dialogue: an old session under a reused id (SMPP session numbers repeat) is stale.
        boolean initiation = req.hop() instanceof UssdRequest.Single s && s.initiation();
        if (req.hop().opens() && runningLate.getAsBoolean()) {
            meters.hop("-", "shed", true, System.nanoTime() - t0);
            return Future.succeededFuture(Reply.end(SystemTexts.BUSY_BOTH)); // no dialogue began
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            meters.hop("-", "shed", true, System.nanoTime() - t0);
            meters.dialogue(false, !req.hop().opens()); // a dialogue under way ends here (a dial never began one)
            return Future.succeededFuture(Reply.end(SystemTexts.BUSY_BOTH));
        }
        // The hop is counted against the number's quota in the session read itself (one command).
        return sessions.load(req.msisdn(), hops)
                .compose(loaded -> {
                    if (!loaded.withinQuota()) {
                        note.kind = "limited";
                        return Future.succeededFuture(Reply.end(SystemTexts.TOO_MANY));
                    }
                    Optional<UssdSession> last = loaded.session();
                    boolean same = last.isPresent() && last.get().sessionId().equals(req.sessionId()) && !initiation
                            && now() - last.get().lastSeen() <= sessions.sessionTtl().toSeconds();
                    return same ? continueSession(req, last.get(), note) : newSession(req, last, loaded.language(), note);
                })
                .recover(err -> {
                    log.warn("hop failed for {} session {} request {}: {}", req.msisdn().masked(), req.sessionId(), req.requestId(), err.toString());
                    note.kind = "busy";
                    return Future.succeededFuture(Reply.end(SystemTexts.BUSY_BOTH));
                })
                .onComplete(done -> inFlight.decrementAndGet())
                .onSuccess(reply -> {
                    meters.hop(note.menu, note.kind, reply.end(), System.nanoTime() - t0);
                    meters.dialogue(note.began, reply.end() && !"retry".equals(note.kind)); // a retried END is not a second end
                });
    }

    private static String kindOf(Menu menu, SessionState state) {
        Screen screen = menu.screens().get(state.screen());
        return screen == null ? "unknown" : screen.kind();
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000L); // the same second as instant(), without an Instant per call
    }

    private Future<Reply> newSession(UssdRequest req, Optional<UssdSession> last, Optional<String> preferred, Note note) {
        Optional<Menu> menu = menus.current(req.serviceCode());
        if (menu.isEmpty()) {
            note.kind = "unknown_service";
            return Future.succeededFuture(Reply.end(SystemTexts.UNKNOWN_SERVICE));
        }
        Menu m = menu.get();
        meters.session("started");
        note.began = true;
        Optional<UssdSession> abandoned = last.filter(d -> !d.sessionId().equals(req.sessionId()) && d.phase() == UssdSession.Phase.ACTIVE
                && d.state().inProgress());
        if (abandoned.isPresent()) {
            meters.session("abandoned"); // the previous dialogue of this phone dropped mid-journey
            UssdSession d = abandoned.get();
            funnel.left(d.serviceCode(), d.state().menuVersion(), d.state().language(), d.state().screen(),
                    now() - d.lastSeen() <= sessions.sessionTtl().toSeconds());
        }
        String lang = preferred.filter(m.languages()::contains).orElse(m.defaultLanguage());
        List<String> inputs = req.hop().inputsAfter(null);
        Optional<UssdSession> dropped = last.filter(d -> inputs.isEmpty() && resumable(d, req));
        if (dropped.isEmpty()) return walk(req, m, engine.start(m, lang), inputs, note, true); // a dialled shortcut is never an offer
        note.is(m.name(), "resume_offer");
        SessionState was = dropped.get().state();
        Reply ask = Reply.con(SystemTexts.RESUME.in(was.language(), m.defaultLanguage()));
        return save(req, new UssdSession(req.sessionId(), req.serviceCode(), UssdSession.Phase.RESUME_OFFER,
                SessionState.fresh(m, was.language()), was, req.hop().key(), now())).map(ask);
    }

    /** A dialogue of this phone that dropped mid-journey within the resume window, on a screen its menu still has. */
    private boolean resumable(UssdSession dropped, UssdRequest req) {
        return !dropped.sessionId().equals(req.sessionId()) && dropped.phase() == UssdSession.Phase.ACTIVE
                && dropped.state().inProgress()
                && now() - dropped.lastSeen() <= sessions.resumeWindow().toSeconds()
                && menus.forSession(dropped.serviceCode(), dropped.state().menuVersion())
                        .map(dm -> engine.current(dm, dropped.state()) != null).orElse(false);
    }

    private Future<Reply> continueSession(UssdRequest req, UssdSession s, Note note) {
        if (req.hop().key().equals(s.lastHop()) || s.phase() == UssdSession.Phase.ENDED) {
            note.kind = "retry";
            return Future.succeededFuture(shownAgain(s)); // a retry: the same screen, nothing advances
        }
        List<String> inputs = req.hop().inputsAfter(s.lastHop());
        if (s.phase() == UssdSession.Phase.RESUME_OFFER) {
            String choice = inputs.isEmpty() ? "" : inputs.get(0).strip();
            List<String> rest = inputs.size() > 1 ? inputs.subList(1, inputs.size()) : List.of();
            if (choice.equals("1")) {
                Menu m = menus.forSession(s.serviceCode(), s.offered().menuVersion()).orElseThrow();
                Step again = engine.resume(m, s.offered());
                if (again != null) {
                    log.info("session resumed for {} request {}", req.msisdn().masked(), req.requestId());
                    meters.session("resumed");
                    return walk(req, m, again, rest, note, true);
                }
            }
            Menu m = menus.current(s.serviceCode()).orElseThrow();
            if (choice.equals("1") || choice.equals("2")) return walk(req, m, engine.start(m, s.state().language()), rest, note, true);
            note.is(m.name(), "resume_offer");
            String lang = s.offered().language();
            Reply askAgain = Reply.con(SystemTexts.INVALID_OPTION.in(lang, m.defaultLanguage()) + "\n" + SystemTexts.RESUME.in(lang, m.defaultLanguage()));
            return save(req, new UssdSession(s.sessionId(), s.serviceCode(), s.phase(), s.state(), s.offered(), req.hop().key(), now()))
                    .map(askAgain);
        }
        Menu m = menus.forSession(s.serviceCode(), s.state().menuVersion()).orElseThrow();
        Reply current = engine.current(m, s.state());
        if (current == null) return Future.succeededFuture(Reply.end(SystemTexts.BUSY.in(s.state().language(), m.defaultLanguage())));
        return walk(req, m, new Step(s.state(), current, null), inputs, note, false);
    }

    /** What the last hop showed, rendered again from the state (a retry, or a hop after the end). */
    private Reply shownAgain(UssdSession s) {
        if (s.phase() == UssdSession.Phase.RESUME_OFFER) return Reply.con(SystemTexts.RESUME.in(s.offered().language(), fallback(s)));
        Reply r = menus.forSession(s.serviceCode(), s.state().menuVersion()).map(m -> engine.current(m, s.state())).orElse(null);
        if (r == null) return Reply.end(SystemTexts.BUSY.in(s.state().language(), fallback(s))); // it ended on a failed backend
        return s.phase() == UssdSession.Phase.ENDED ? Reply.end(r.text()) : r;
    }

    /** The menu's default language, for a text the session's language lacks. */
    private String fallback(UssdSession s) {
        return menus.current(s.serviceCode()).map(Menu::defaultLanguage).orElse(s.state().language());
    }

    /**
     * Applies {@code inputs} one by one from {@code at} ({@code began}: a dialogue's first screen), running effects as
     * asked, counting each move in the funnel, and saves where it ends.
     */
    private Future<Reply> walk(UssdRequest req, Menu menu, Step at, List<String> inputs, Note note, boolean began) {
        Future<Step> f = effects(req, menu, at, 0);
        if (began) f = f.onSuccess(first -> funnel.began(menu, first));
        for (String input : inputs) {
            f = f.compose(step -> step.reply().end() ? Future.succeededFuture(step)
                    : effects(req, menu, engine.step(menu, step.state(), input), 0).onSuccess(next -> funnel.moved(menu, step, input, next)));
        }
        String languageBefore = at.state().language();
        return f.compose(step -> {
            note.is(menu.name(), kindOf(menu, step.state()));
            if (step.reply().end()) meters.session("completed");
            UssdSession.Phase phase = step.reply().end() ? UssdSession.Phase.ENDED : UssdSession.Phase.ACTIVE;
            Future<Void> saved = save(req, new UssdSession(req.sessionId(), req.serviceCode(), phase, step.state(), null,
                    req.hop().key(), now()));
            if (!step.state().language().equals(languageBefore)) {
                saved = saved.compose(v -> sessions.rememberLanguage(req.msisdn(), step.state().language())); // rare: a second write
            }
            return saved.map(step.reply());
        });
    }

    private Future<Step> effects(UssdRequest req, Menu menu, Step step, int depth) {
        if (!step.needsEffect()) return Future.succeededFuture(step);
        if (depth >= MAX_EFFECTS_PER_HOP) {
            return Future.succeededFuture(new Step(step.state(), Reply.end(SystemTexts.BUSY.in(step.state().language(), menu.defaultLanguage())), null));
        }
        ActionCall call = new ActionCall(req.msisdn(), req.sessionId(), step.effect().screen(), step.effect().values(), step.state().language());
        // Waiting on an action (the core system, the payment provider) is not work of this instance: the hop gives its
        // place back meanwhile, so a slow core system does not turn away workers who only browse; it takes it again
        // after, over the cap if need be (a hop is never cut short half-way).
        inFlight.decrementAndGet();
        Future<ActionOutcome> ran;
        try {
            ran = actions.run(step.effect().action(), call);
        } catch (RuntimeException e) { // a failed action, and the place taken back all the same
            ran = Future.failedFuture(e);
        }
        return ran.onComplete(done -> inFlight.incrementAndGet())
                .compose(outcome -> effects(req, menu, engine.afterEffect(menu, step.state(), outcome), depth + 1));
    }

    private Future<Void> save(UssdRequest req, UssdSession s) {
        return sessions.save(req.msisdn(), s);
    }
}
