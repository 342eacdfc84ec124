package id.kentongan;

import java.time.LocalTime;
import java.util.Optional;

/**
 * Reminders, campaigns and the admin API. {@code namespace} prefixes their keys in Redis; {@code auto} runs the daily
 * reading of the member list (at {@code scanAt}) and the sending every second — tests with a fixed clock turn it off
 * and step by hand. The admin API accepts a bearer token whose SHA-256 is {@code adminTokenSha256}; with none set,
 * the service makes one at start-up and prints it (demo mode).
 */
public record Outreach(LocalTime quietFrom, LocalTime quietUntil, String ussdCode, LocalTime scanAt, boolean auto,
                       Optional<String> adminTokenSha256, String namespace) {
    public static Outreach defaults() {
        return new Outreach(LocalTime.of(21, 0), LocalTime.of(7, 0), "*567#", LocalTime.of(6, 0), true, Optional.empty(), "kt:out");
    }

    public Outreach {
        if (!namespace.matches("[A-Za-z0-9:_\\-{}]{1,64}")) throw new IllegalArgumentException("invalid configuration: outreach.namespace " + namespace);
        if (!ussdCode.matches("\\*[0-9*]{1,18}#")) throw new IllegalArgumentException("invalid configuration: outreach.ussdCode must look like *567#");
        if (adminTokenSha256.isPresent() && !adminTokenSha256.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("invalid configuration: admin.tokenSha256 must be 64 lower-case hex digits");
        }
    }

    public Outreach manual(String ns, String tokenSha256) {
        return new Outreach(quietFrom, quietUntil, ussdCode, scanAt, false, Optional.of(tokenSha256), ns);
    }
}
