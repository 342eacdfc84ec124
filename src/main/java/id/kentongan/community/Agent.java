package id.kentongan.community;

import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Names;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A Perisai agent: a trusted person of the community who registers workers and collects their contributions. */
public record Agent(Msisdn msisdn, String name, String area, List<String> groups) {
    public JsonObject toJson() {
        return new JsonObject().put("msisdn", msisdn.value()).put("name", name).put("area", area).put("groups", new JsonArray(groups));
    }

    static Agent fromJson(JsonObject j) {
        return new Agent(new Msisdn(j.getString("msisdn")), j.getString("name"), j.getString("area"),
                j.getJsonArray("groups", new JsonArray()).stream().map(Object::toString).toList());
    }

    /** "Siti A." — how the agent is named to workers. */
    public String shortName() {
        return Names.abbreviated(name);
    }
}
