package id.kentongan;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Plays an MNO's USSD gateway against a running instance over real HTTP, in the Africa's Talking convention. */
public final class Gateway {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Answer(int status, String body) {
        public boolean con() {
            return status == 200 && body.startsWith("CON ");
        }

        public boolean end() {
            return status == 200 && body.startsWith("END ");
        }

        public String screen() {
            return body.length() >= 4 ? body.substring(4) : body;
        }
    }

    public static Answer post(int port, String path, String contentType, String body) {
        return send(request(port, path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** With more headers: name, value, name, value… */
    public static Answer post(int port, String path, String contentType, String body, String... headers) {
        return send(request(port, path).header("Content-Type", contentType).headers(headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static Answer get(int port, String path) {
        return send(request(port, path).GET().build());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Answer at(int port, String sessionId, String phone, String text) {
        return at(port, "*567#", sessionId, phone, text);
    }

    public static Answer at(int port, String serviceCode, String sessionId, String phone, String text) {
        return post(port, "/ussd/at", "application/x-www-form-urlencoded", "sessionId=" + enc(sessionId)
                + "&serviceCode=" + enc(serviceCode) + "&phoneNumber=" + enc(phone) + "&networkCode=51010&text=" + enc(text));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One worker's dialogue: keeps the input history as the gateway does. */
    public static final class Call {
        private final int[] ports;
        private final String sessionId;
        private final String phone;
        private final List<String> inputs = new ArrayList<>();
        private int hop;
        private String serviceCode = "*567#";

        /** Dials another service code (e.g. the agents' *568#). */
        public Call code(String code) {
            this.serviceCode = code;
            return this;
        }

        /** Hops go to the given ports in turn, as a load balancer might send them. */
        public Call(String sessionId, String phone, int... ports) {
            this.ports = ports;
            this.sessionId = sessionId;
            this.phone = phone;
        }

        public String sessionId() {
            return sessionId;
        }

        public Answer dial() {
            return send();
        }

        public Answer press(String input) {
            inputs.add(input);
            return send();
        }

        /** The same request again, as a gateway retries after a timeout. */
        public Answer retry() {
            hop--;
            return send();
        }

        private Answer send() {
            int port = ports[hop++ % ports.length];
            return at(port, serviceCode, sessionId, phone, String.join("*", inputs));
        }
    }
}
