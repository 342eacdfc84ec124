package id.kentongan.admin;

import id.kentongan.member.ContributionPlan;
import id.kentongan.menu.ActionOutcome;
import id.kentongan.menu.ActionSpec;
import id.kentongan.menu.Effect;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuEngine;
import id.kentongan.menu.Reply;
import id.kentongan.menu.Step;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Plays a draft menu for the console's phone simulator, before it is published: the real engine, with every action
 * answered by its happy-path result and sample values instead of a call to a backend (a draft must never register
 * anyone or create a payment code). Stateless: the console sends every input so far and gets the current screen.
 */
final class DraftRun {
    private static final int MAX_EFFECTS = 8;
    private static final Map<String, String> HAPPY = Map.ofEntries(
            Map.entry("member.check_nik", "available"), Map.entry("member.check_phone", "available"), Map.entry("member.register", "ok"), Map.entry("member.status", "active"),
            Map.entry("payment.quote", "ok"), Map.entry("payment.create", "ok"), Map.entry("contribution.quote", "ok"),
            Map.entry("referral.invite", "sent"), Map.entry("agent.identify", "known"), Map.entry("agent.login", "ok"),
            Map.entry("agent.set_pin", "ok"), Map.entry("agent.register_for", "consent_sent"), Map.entry("agent.due_list", "ok"),
            Map.entry("agent.cash_quote", "ok"), Map.entry("agent.cash_record", "ok"), Map.entry("agent.summary", "ok"));
    private static final Map<String, String> SAMPLE = Map.ofEntries(
            Map.entry("kpj", "26000000000"), Map.entry("monthly", "16800"), Map.entry("total", "16800"), Map.entry("due", "16800"),
            Map.entry("jkk", "10000"), Map.entry("jkm", "6800"), Map.entry("pay_code", "8899 0000 0000 0000"),
            Map.entry("pay_expires", "31/12/2026 23:59"), Map.entry("paid_through", "12/2026"), Map.entry("arrears", "0"),
            Map.entry("agent_name", "Siti A."), Map.entry("tries_left", "2"), Map.entry("worker", "Budi S."), Map.entry("balance", "16800"),
            Map.entry("due_list", "Budi S. 0812****890 tunggak 1 bln"), Map.entry("due_count", "1"), Map.entry("reg_month", "1"),
            Map.entry("members", "1"), Map.entry("active_pct", "100"), Map.entry("pin", ""), Map.entry("pin2", ""),
            Map.entry("nik_end", "0001"), Map.entry("born", "15-07-1990"));

    private final MenuEngine engine = new MenuEngine();
    private final Map<String, ActionSpec> catalog;

    DraftRun(Map<String, ActionSpec> catalog) {
        this.catalog = catalog;
    }

    Reply run(Menu menu, String language, List<String> inputs) {
        Step s = settle(menu, engine.start(menu, language));
        for (String input : inputs) {
            if (s.reply().end()) break;
            s = settle(menu, engine.step(menu, s.state(), input));
        }
        return s.reply();
    }

    private Step settle(Menu menu, Step s) {
        for (int i = 0; i < MAX_EFFECTS && s.needsEffect(); i++) s = engine.afterEffect(menu, s.state(), outcome(s.effect()));
        return s;
    }

    private ActionOutcome outcome(Effect e) {
        ActionSpec spec = catalog.get(e.action());
        if (spec == null) return ActionOutcome.error();
        String result = HAPPY.getOrDefault(e.action(), new TreeSet<>(spec.results()).first());
        Map<String, String> values = new HashMap<>();
        for (String out : spec.outputs().keySet()) values.put(out, SAMPLE.getOrDefault(out, "1"));
        if (e.action().equals("contribution.quote") && e.values().get("income") != null) {
            ContributionPlan plan = new ContributionPlan(Long.parseLong(e.values().get("income")));
            values.put("jkk", Long.toString(plan.jkk()));
            values.put("jkm", Long.toString(plan.jkm()));
            values.put("monthly", Long.toString(plan.monthly()));
        }
        return new ActionOutcome(result, values);
    }
}
