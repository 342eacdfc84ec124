package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.store.TtlStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Named communities — a parking association, a market cooperative, an ojek base — with a coordinator. A worker
 * belongs to one group at a time (joining another moves them). Members are a set of numbers under
 * {@code kt:group:<code>:members}, the key campaigns target.
 */
public final class Groups {
    private static final Duration KEEP = Duration.ofDays(3650);

    public record Group(String code, String name, Optional<String> coordinator) {
        public JsonObject toJson() {
            JsonObject j = new JsonObject().put("code", code).put("name", name);
            coordinator.ifPresent(c -> j.put("coordinator", c));
            return j;
        }
    }

    private final TtlStore store;
    /** The participation rows a move changes: the ledger's, so a report flushes them with the rest. */
    private final ParticipationCounts counts;

    public Groups(TtlStore store, ParticipationCounts counts) {
        this.store = store;
        this.counts = counts;
    }

    /** A group's code from its name: "Paguyuban Parkir Pasar Ajibarang" -> "paguyuban-parkir-pasar-ajibarang". */
    public static String code(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private String membersKey(String code) {
        return store.keys().groupMembers(code);
    }

    /** Saves the group; its coordinator (if any) is found by number afterwards, and a replaced one no longer is. */
    public Future<Group> save(String name, Optional<Msisdn> coordinator) {
        Group g = new Group(code(name), name.strip(), coordinator.map(Msisdn::value));
        return find(g.code()).compose(old -> {
            Future<Void> unindexed = old.flatMap(Group::coordinator).filter(c -> !g.coordinator().equals(Optional.of(c)))
                    .map(c -> store.remove(store.keys().coordinatorOf(new Msisdn(c)))).orElse(Future.succeededFuture());
            return unindexed.compose(v -> store.put(store.keys().group(g.code()), g.toJson().encode(), KEEP))
                    .compose(v -> coordinator.map(c -> store.put(store.keys().coordinatorOf(c), g.code(), KEEP)).orElse(Future.succeededFuture()))
                    .compose(v -> store.addToSet(store.keys().groups(), g.code())).map(g);
        });
    }

    /** The group {@code phone} coordinates, if any. */
    public Future<Optional<Group>> coordinatedBy(Msisdn phone) {
        return store.get(store.keys().coordinatorOf(phone)).compose(code -> code.isEmpty() ? Future.succeededFuture(Optional.<Group>empty())
                : find(code.get()).map(g -> g.filter(x -> x.coordinator().equals(Optional.of(phone.value())))));
    }

    public Future<Optional<Group>> find(String code) {
        return store.get(store.keys().group(code)).map(v -> v.map(s -> {
            JsonObject j = new JsonObject(s);
            return new Group(j.getString("code"), j.getString("name"), Optional.ofNullable(j.getString("coordinator")));
        }));
    }

    public Future<Set<String>> all() {
        return store.members(store.keys().groups());
    }

    /** Puts the worker in {@code code}, out of any group they were in. */
    public Future<Void> join(Msisdn worker, String code) {
        return groupOf(worker).compose(was -> {
            Future<Void> left = was.isPresent() && !was.get().equals(code)
                    ? store.removeFromSet(membersKey(was.get()), worker.value()).mapEmpty() : Future.succeededFuture();
            return left.compose(v -> store.addToSet(membersKey(code), worker.value()))
                    .compose(v -> store.put(store.keys().groupOf(worker), code, KEEP))
                    .compose(v -> counts.movedGroup(worker, code));
        });
    }

    public Future<Optional<String>> groupOf(Msisdn worker) {
        return store.get(store.keys().groupOf(worker));
    }

    public Future<Set<String>> members(String code) {
        return store.members(membersKey(code));
    }
}
