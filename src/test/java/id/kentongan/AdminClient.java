package id.kentongan;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The admin API over real HTTP, as an operator's tool calls it: a bearer token (or none), JSON in and out. */
public record AdminClient(int port, String token) {
    // HTTP/1.1 as curl speaks it: the JDK client's default h2c upgrade left a second request over the upgraded
    // connection unanswered (seen with /metrics, a large body), and a test must never hang: 30 s at most.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static AdminClient admin(Kentongan k) {
        return new AdminClient(k.port(), Instances.ADMIN_TOKEN);
    }

    public static AdminClient as(Kentongan k, String token) {
        return new AdminClient(k.port(), token);
    }

    /** {@code body} may be null (no body); a String is sent as it is, a JsonObject encoded; either as JSON. */
    public HttpResponse<String> send(String method, String path, Object body) {
        return send(method, path, body == null ? null : "application/json", body);
    }

    /** With a content type of its own (a menu upload is {@code text/yaml}). */
    public HttpResponse<String> send(String method, String path, String contentType, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : ((JsonObject) body).encode()));
        if (contentType != null) b.header("Content-Type", contentType);
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** The answer's JSON object; fails the test when the answer is not JSON. */
    public JsonObject json(String method, String path, Object body) {
        return new JsonObject(send(method, path, body).body());
    }
}
