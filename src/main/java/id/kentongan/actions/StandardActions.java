package id.kentongan.actions;

import id.kentongan.community.Community;
import id.kentongan.member.MembershipService;
import id.kentongan.menu.ActionSpec;
import id.kentongan.outbox.SmsSender;
import id.kentongan.store.Limits;
import id.kentongan.store.TtlStore;
import id.kentongan.payment.PaymentOrders;
import id.kentongan.payment.PaymentService;
import id.kentongan.reminder.QuietHours;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every action a menu may name: the catalog the validator checks against, and the wired implementations. */
public final class StandardActions {
    private StandardActions() {}

    public static Map<String, ActionSpec> catalog() {
        Map<String, ActionSpec> c = new LinkedHashMap<>();
        for (ActionSpec s : List.of(MemberActions.CHECK_NIK, MemberActions.QUOTE, MemberActions.REGISTER,
                MemberActions.STATUS, MemberActions.CHECK_PHONE, PaymentActions.QUOTE, PaymentActions.CREATE)) {
            c.put(s.name(), s);
        }
        for (ActionSpec s : CommunityActions.specs()) c.put(s.name(), s);
        for (ActionSpec s : CoordinatorActions.specs()) c.put(s.name(), s);
        return c;
    }

    public static List<Action> all(MembershipService members, PaymentService payments, PaymentOrders orders, Clock clock,
                                   ZoneId zone, Community community, SmsSender sms, TtlStore quotas, Limits limits, String ussdCode, QuietHours quiet) {
        Keepsakes keepsakes = new Keepsakes(sms, ussdCode, zone);
        // A worker who registers themselves (USSD or SMS) is recorded, joins no group, and thanks whoever invited them.
        List<Action> all = new ArrayList<>(MemberActions.all(members, clock, quotas, limits.nikLookups(), (m, channel) ->
                community.registered(m, channel, java.util.Optional.empty(), java.util.Optional.empty()), keepsakes));
        all.addAll(PaymentActions.all(members, payments, orders, clock, keepsakes));
        all.addAll(CommunityActions.all(community, members, sms, clock, quotas, limits.agentNikLookups()));
        all.addAll(CoordinatorActions.all(community.groups(), members, sms, quotas, clock, quiet, ussdCode));
        return all;
    }
}
