package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.reminder.PaidAhead;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Kentongan itself knows of each member beyond the core system: how they registered (themselves, or through
 * which agent; in which group; invited by whom) and the payments it saw (payment codes paid, cash to an agent). The
 * participation report joins these with the core system's member list.
 */
public final class Ledger {
    private static final Duration KEEP = Duration.ofDays(3650);

    /** How a member came in. {@code channel}: self (USSD), sms, agent, invited (registered themselves after a friend's invitation). */
    public record Joined(String kpj, String channel, Optional<String> agent, Optional<String> group, LocalDate on) {
        JsonObject toJson() {
            JsonObject j = new JsonObject().put("kpj", kpj).put("channel", channel).put("on", on.toString());
            agent.ifPresent(a -> j.put("agent", a));
            group.ifPresent(g -> j.put("group", g));
            return j;
        }

        static Joined fromJson(JsonObject j) {
            return new Joined(j.getString("kpj"), j.getString("channel"), Optional.ofNullable(j.getString("agent")),
                    Optional.ofNullable(j.getString("group")), LocalDate.parse(j.getString("on")));
        }
    }

    /** A payment Kentongan saw: {@code channel} code (paid with a payment code) or cash (to an agent). */
    public record Paid(String reference, String kpj, int months, long amount, LocalDate on, String channel, Optional<String> agent) {
        JsonObject toJson() {
            JsonObject j = new JsonObject().put("ref", reference).put("kpj", kpj).put("months", months).put("amount", amount)
                    .put("on", on.toString()).put("channel", channel);
            agent.ifPresent(a -> j.put("agent", a));
            return j;
        }

        static Paid fromJson(JsonObject j) {
            return new Paid(j.getString("ref"), j.getString("kpj"), j.getInteger("months"), j.getLong("amount"),
                    LocalDate.parse(j.getString("on")), j.getString("channel"), Optional.ofNullable(j.getString("agent")));
        }
    }

    private final TtlStore store;
    private final ParticipationCounts counts;

    public Ledger(TtlStore store) {
        this.store = store;
        this.counts = new ParticipationCounts(store);
    }

    /** The participation figures these records keep up to date. */
    public ParticipationCounts counts() {
        return counts;
    }

    /** Records how {@code m} joined, once (the first record stands). */
    public Future<Void> joined(Member m, String channel, Optional<Msisdn> agent, Optional<String> group, LocalDate on) {
        Joined j = new Joined(m.kpj(), channel, agent.map(Msisdn::value), group, on);
        return store.putIfAbsent(store.keys().joined(m.kpj()), j.toJson().encode(), KEEP).compose(first -> {
            if (!first || agent.isEmpty()) return Future.succeededFuture();
            return store.addToSet(store.keys().agentRegistered(agent.get()),
                    on.toString().substring(0, 7) + "|" + m.kpj() + "|" + m.msisdn().value()).mapEmpty();
        }).compose(v -> counts.joined(m, agent.map(Msisdn::value), group, countedAs(channel))); // counts once by itself
    }

    /** The report's channel of a ledger channel: self (USSD or SMS), agent, invited (a friend's invitation). */
    static String countedAs(String channel) {
        return switch (channel) {
            case "agent" -> "agent";
            case "invited" -> "invited";
            default -> "self";
        };
    }

    public Future<Optional<Joined>> joinedOf(String kpj) {
        return store.get(store.keys().joined(kpj)).map(v -> v.map(s -> Joined.fromJson(new JsonObject(s))));
    }

    public Future<List<Optional<Joined>>> joinedOf(List<String> kpjs) {
        if (kpjs.isEmpty()) return Future.succeededFuture(List.of());
        return store.getAll(kpjs.stream().map(store.keys()::joined).toList())
                .map(vs -> vs.stream().map(v -> v.map(s -> Joined.fromJson(new JsonObject(s)))).toList());
    }

    /**
     * Records a payment once per reference; {@code after}: the member as the core system answered the credit. The
     * participation figures count it, and reminders planned for the month paid through before leave the schedule.
     */
    public Future<Void> paid(Paid p, Member after) {
        return store.putIfAbsent(store.keys().paymentReference(p.reference()), p.kpj(), KEEP)
                .compose(first -> first ? store.addToSet(store.keys().payments(p.kpj()), p.toJson().encode())
                        .compose(v -> counts.paid(after, p.amount(), p.on()))
                        .compose(v -> PaidAhead.unplan(store, after, p.months()).<Void>mapEmpty()) : Future.succeededFuture());
    }

    public Future<List<Paid>> payments(String kpj) {
        return store.members(store.keys().payments(kpj)).map(s -> s.stream().map(x -> Paid.fromJson(new JsonObject(x))).toList());
    }

    /** "yyyy-MM|kpj|msisdn" of every member the agent registered. */
    public Future<Set<String>> registeredBy(Msisdn agent) {
        return store.members(store.keys().agentRegistered(agent));
    }
}
