package id.kentongan.community;

import id.kentongan.member.Msisdn;
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

    /** "Siti A." — how the agent is named to workers: first name and an initial. */
    public String shortName() {
        String[] parts = name.strip().split("\\s+");
        String first = parts[0].charAt(0) + parts[0].substring(1).toLowerCase(java.util.Locale.ROOT);
        return parts.length > 1 ? first + " " + parts[1].charAt(0) + "." : first;
    }
}
