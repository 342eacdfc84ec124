package id.kentongan.campaign;

import id.kentongan.domain.Msisdn;
import id.kentongan.member.Member;
import id.kentongan.member.MembershipStatus;
import id.kentongan.member.Occupation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a campaign reaches: members by occupation, group, district (from the NIK, e.g. {@code 33.02.14}) and status
 * (active, lapsed, never paid) — all given criteria must hold — or an uploaded list of numbers instead.
 */
public record Target(Optional<Occupation> occupation, Optional<String> group, Optional<String> district,
                     Optional<Status> status, List<String> msisdns) {
    public enum Status { ACTIVE, LAPSED, NEVER_PAID }

    public static final int MAX_LIST = 100_000;

    public boolean isList() {
        return !msisdns.isEmpty();
    }

    /** Whether {@code m} is reached; {@code inGroup} says whether they belong to the target's group. */
    public boolean matches(Member m, LocalDate today, boolean inGroup) {
        if (occupation.isPresent() && m.occupation() != occupation.get()) return false;
        if (group.isPresent() && !inGroup) return false;
        if (district.isPresent() && !m.nik().district().equals(district.get())) return false;
        if (status.isPresent()) {
            MembershipStatus.State s = m.status(today).state();
            boolean ok = switch (status.get()) {
                case ACTIVE -> s == MembershipStatus.State.ACTIVE;
                case LAPSED -> s == MembershipStatus.State.LAPSED;
                case NEVER_PAID -> m.paidThrough() == null && s != MembershipStatus.State.ENDED;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** From the API's JSON; {@link IllegalArgumentException} with the reason when it is not a valid target. */
    public static Target parse(JsonObject j) {
        if (j == null) throw new IllegalArgumentException("target is missing");
        for (String f : j.fieldNames()) {
            if (!Set.of("occupation", "group", "district", "status", "msisdns").contains(f)) {
                throw new IllegalArgumentException("target." + f + " is not a criterion (occupation, group, district, status, msisdns)");
            }
        }
        Optional<Occupation> occupation = Optional.ofNullable(j.getString("occupation")).map(code -> Occupation.byCode(code)
                .orElseThrow(() -> new IllegalArgumentException("target.occupation '" + code + "' is not one of " + codes())));
        Optional<String> group = Optional.ofNullable(j.getString("group")).map(String::strip).filter(g -> !g.isEmpty());
        if (group.isPresent() && !group.get().matches("[A-Za-z0-9 ._-]{1,80}")) throw new IllegalArgumentException("target.group is not a group name");
        Optional<String> district = Optional.ofNullable(j.getString("district")).map(d -> {
            String digits = d.replace(".", "");
            if (!digits.matches("\\d{6}")) throw new IllegalArgumentException("target.district must be a district code like 33.02.14");
            return digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4, 6);
        });
        Optional<Status> status = Optional.ofNullable(j.getString("status")).map(s -> switch (s) {
            case "active" -> Status.ACTIVE;
            case "lapsed" -> Status.LAPSED;
            case "never_paid" -> Status.NEVER_PAID;
            default -> throw new IllegalArgumentException("target.status must be active, lapsed or never_paid");
        });
        List<String> numbers = new ArrayList<>();
        JsonArray list = j.getJsonArray("msisdns");
        if (list != null) {
            if (list.size() > MAX_LIST) throw new IllegalArgumentException("target.msisdns holds more than " + MAX_LIST + " numbers");
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Object raw = list.getValue(i);
                Msisdn m = Msisdn.parse(raw == null ? null : raw.toString())
                        .orElseThrow(() -> new IllegalArgumentException("target.msisdns has a number that is not an Indonesian mobile number: " + raw));
                seen.add(m.value());
            }
            numbers.addAll(seen);
            if (occupation.isPresent() || group.isPresent() || district.isPresent() || status.isPresent()) {
                throw new IllegalArgumentException("target: a list of numbers is used alone, not with other criteria");
            }
        }
        return new Target(occupation, group, district, status, List.copyOf(numbers));
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        occupation.ifPresent(o -> j.put("occupation", o.code()));
        group.ifPresent(g -> j.put("group", g));
        district.ifPresent(d -> j.put("district", d));
        status.ifPresent(s -> j.put("status", s.name().toLowerCase(java.util.Locale.ROOT)));
        if (!msisdns.isEmpty()) j.put("msisdns", new JsonArray(new ArrayList<>(msisdns)));
        return j;
    }

    private static List<String> codes() {
        return java.util.Arrays.stream(Occupation.values()).map(Occupation::code).toList();
    }
}
