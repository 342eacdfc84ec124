package id.kentongan.payment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The providers' documented samples under src/test/resources/payment, with their ${placeholders} filled. */
final class ProviderSamples {
    private ProviderSamples() {}

    /** Two days from now, as Midtrans (yyyy-MM-dd HH:mm:ss) and DOKU (yyyyMMddHHmmss) write it, in WIB. */
    static final java.time.Instant EXPIRES = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    static String sample(String path, String... keyValues) {
        try (InputStream in = ProviderSamples.class.getResourceAsStream("/payment/" + path)) {
            if (in == null) throw new IllegalArgumentException("no sample " + path);
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < keyValues.length; i += 2) s = s.replace("${" + keyValues[i] + "}", keyValues[i + 1]);
            java.time.ZonedDateTime wib = EXPIRES.atZone(java.time.ZoneId.of("Asia/Jakarta"));
            s = s.replace("${expiry_time}", wib.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
                    .replace("${expired_date}", wib.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
            if (s.contains("${")) throw new IllegalArgumentException("a placeholder left in " + path + ": " + s);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
