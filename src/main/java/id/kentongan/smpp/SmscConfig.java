package id.kentongan.smpp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SMSC: where it is, how to bind, and how it behaves. {@code KENTONGAN_SMSC=smpp://systemId:password@host:port}
 * alone is enough; the query string tunes the rest, e.g. {@code ?binds=2&window=20&rate=100&receiptIds=hex&ussd=service_type&source=567&bind=trx}.
 * {@code keyTlv=true} sends each segment's message key in vendor TLV 0x1400, for SMSCs that de-duplicate by it (the
 * simulator does): then a segment resent after a lost answer is delivered once.
 */
public record SmscConfig(String host, int port, String systemId, String password, String systemType, int binds, int window,
                         int ratePerSecond, Duration enquireLink, Duration responseTimeout, Duration reconnectMin,
                         Duration reconnectMax, String source, ReceiptIds.Format receiptIds, UssdVariant ussdVariant,
                         boolean requestReceipts, boolean keyTlv, org.jsmpp.bean.BindType bindType) {

    /** How an operator marks a USSD session over SMPP. */
    public enum UssdVariant { ITS_SESSION_INFO, SERVICE_TYPE }

    public SmscConfig {
        List<String> wrong = new ArrayList<>();
        if (host == null || host.isBlank()) wrong.add("smsc host is missing");
        if (port <= 0 || port > 65535) wrong.add("smsc port must be 1-65535, was " + port);
        if (systemId == null || systemId.isBlank() || systemId.length() > 15) wrong.add("smsc systemId must be 1-15 characters");
        if (password != null && password.length() > 8) wrong.add("smsc password must be at most 8 characters (SMPP 3.4)");
        if (binds < 1 || binds > 16) wrong.add("smsc binds must be 1-16, was " + binds);
        if (window < 1 || window > 1000) wrong.add("smsc window must be 1-1000, was " + window);
        if (ratePerSecond < 1) wrong.add("smsc rate must be at least 1 message/s, was " + ratePerSecond);
        if (!wrong.isEmpty()) throw new IllegalArgumentException("invalid SMSC configuration: " + String.join("; ", wrong));
    }

    public static SmscConfig parse(String url) {
        URI u = URI.create(url.strip());
        if (!"smpp".equals(u.getScheme())) throw new IllegalArgumentException("an SMSC URL looks like smpp://systemId:password@host:port");
        String[] user = u.getRawUserInfo() == null ? new String[] {""} : u.getRawUserInfo().split(":", 2);
        Map<String, String> q = new HashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return new SmscConfig(u.getHost(), u.getPort() < 0 ? 2775 : u.getPort(),
                URLDecoder.decode(user[0], StandardCharsets.UTF_8),
                user.length > 1 ? URLDecoder.decode(user[1], StandardCharsets.UTF_8) : "",
                q.getOrDefault("systemType", ""),
                Integer.parseInt(q.getOrDefault("binds", "1")),
                Integer.parseInt(q.getOrDefault("window", "10")),
                Integer.parseInt(q.getOrDefault("rate", "50")),
                Duration.ofSeconds(Long.parseLong(q.getOrDefault("enquireLinkSeconds", "30"))),
                Duration.ofMillis(Long.parseLong(q.getOrDefault("responseTimeoutMs", "10000"))),
                Duration.ofMillis(Long.parseLong(q.getOrDefault("reconnectMinMs", "500"))),
                Duration.ofMillis(Long.parseLong(q.getOrDefault("reconnectMaxMs", "30000"))),
                q.getOrDefault("source", "567"),
                ReceiptIds.Format.valueOf(q.getOrDefault("receiptIds", "auto").toUpperCase()),
                "service_type".equalsIgnoreCase(q.get("ussd")) ? UssdVariant.SERVICE_TYPE : UssdVariant.ITS_SESSION_INFO,
                !"false".equals(q.get("receipts")),
                "true".equals(q.get("keyTlv")),
                switch (q.getOrDefault("bind", "trx").toLowerCase()) {
                    case "tx" -> org.jsmpp.bean.BindType.BIND_TX;
                    case "rx" -> org.jsmpp.bean.BindType.BIND_RX;
                    case "trx" -> org.jsmpp.bean.BindType.BIND_TRX;
                    default -> throw new IllegalArgumentException("invalid SMSC configuration: bind must be trx, tx or rx");
                });
    }

    /** The URL form, with the password masked, for logs. */
    @Override
    public String toString() {
        return "smpp://" + systemId + ":***@" + host + ":" + port + " (binds " + binds + ", window " + window + ", " + ratePerSecond + "/s)";
    }
}
