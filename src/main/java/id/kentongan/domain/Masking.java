package id.kentongan.domain;

/** Masks personal data for logs: NIK, names and phone numbers never appear whole in a log line. */
public final class Masking {
    private Masking() {}

    public static String msisdn(String raw) {
        if (raw == null) return "null";
        if (raw.length() <= 6) return "*".repeat(raw.length());
        return raw.substring(0, 5) + "*".repeat(raw.length() - 8) + raw.substring(raw.length() - 3);
    }

    /** "6281234567890" -> "0812****890": as an agent sees a member's number — enough to recognise, not to copy. */
    public static String msisdnLocal(String msisdn) {
        String v = "0" + msisdn.substring(2);
        return v.substring(0, 4) + "****" + v.substring(v.length() - 3);
    }

    public static String nik(String raw) {
        if (raw == null) return "null";
        if (raw.length() <= 6) return "*".repeat(raw.length());
        // Province+regency (first 4) locate a kabupaten, not a person; the rest is birth date and sequence.
        return raw.substring(0, 4) + "*".repeat(raw.length() - 4);
    }

    public static String name(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        return raw.charAt(0) + "***";
    }
}
