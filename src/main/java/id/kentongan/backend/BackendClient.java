package id.kentongan.backend;

import id.kentongan.metrics.Meters;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * JSON over HTTP to one external system, on the Vert.x web client. Each request waits at most {@code timeout}
 * (it must fit inside one USSD hop); 5xx answers, time-outs, refused connections and non-JSON bodies are failures that
 * count towards the circuit breaker; 404 and 409 are answers the caller interprets. While the circuit is open calls
 * fail at once. Reads (GET) are retried once after a refused connection or a 5xx, never after a time-out, which
 * would spend the hop's budget twice.
 */
public final class BackendClient {
    private static final Logger log = LoggerFactory.getLogger(BackendClient.class);

    /** An answer that is part of the contract: any 2xx with its JSON body, or 404/409 (body may be null). */
    public record Response(int status, JsonObject body) {}

    public record Settings(URI base, Duration timeout, int maxFailures, Duration resetTimeout) {}

    private final String name;
    private final WebClient web;
    private final URI base;
    private final Duration timeout;
    private final CircuitBreaker breaker;

    public BackendClient(Vertx vertx, String name, Settings s) {
        this.name = name;
        this.base = s.base();
        this.timeout = s.timeout();
        this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout((int) s.timeout().toMillis())
                .setKeepAlive(true));
        this.breaker = CircuitBreaker.create(name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(s.maxFailures())
                .setTimeout(-1) // the request's own timeout bounds it
                .setResetTimeout(s.resetTimeout().toMillis())
                .setNotificationAddress(null));
        breaker.openHandler(v -> log.warn("{}: circuit open after {} failures; calls fail at once for {} ms", name,
                s.maxFailures(), s.resetTimeout().toMillis()));
        breaker.closeHandler(v -> log.info("{}: circuit closed, backend answering again", name));
    }

    public Future<Response> get(String path) {
        return get(path, java.util.Map::of);
    }

    public Future<Response> post(String path, JsonObject body, String idempotencyKey) {
        return guarded(() -> send(web.postAbs(url(path)).putHeader("Idempotency-Key", idempotencyKey), body));
    }

    /** A read with the headers a provider's authentication asks for (made again for a retry: a signature is per request). */
    public Future<Response> get(String path, java.util.function.Supplier<java.util.Map<String, String>> headers) {
        return guarded(() -> send(with(web.getAbs(url(path)), headers.get()), null)).recover(first -> retryable(first)
                ? guarded(() -> send(with(web.getAbs(url(path)), headers.get()), null)) : Future.failedFuture(first));
    }

    /** Exactly these bytes as a JSON body (a provider that signs them), with these headers; never retried. */
    public Future<Response> post(String path, Buffer json, java.util.Map<String, String> headers) {
        return guarded(() -> {
            HttpRequest<Buffer> r = with(web.postAbs(url(path)), headers).putHeader("Content-Type", "application/json");
            return send(r, null, json);
        });
    }

    private static HttpRequest<Buffer> with(HttpRequest<Buffer> r, java.util.Map<String, String> headers) {
        headers.forEach(r::putHeader);
        return r;
    }

    private volatile Meters meters;

    /** Calls are timed into {@code meters} (backend, outcome), and the circuit's state is a gauge (1 open, 0 not). */
    public BackendClient metered(Meters meters) {
        this.meters = meters;
        meters.gauge("kentongan.backend.circuit.open", "backend", name, () -> breaker.state() == CircuitBreakerState.CLOSED ? 0 : 1);
        return this;
    }

    public CircuitBreakerState state() {
        return breaker.state();
    }

    private Future<Response> guarded(Supplier<Future<Response>> call) {
        long t0 = System.nanoTime();
        boolean open = breaker.state() == CircuitBreakerState.OPEN;
        return breaker.<Response>execute(call)
                .onComplete(ar -> {
                    Meters m = meters;
                    if (m != null) m.backend(name, ar.succeeded() ? "ok" : open ? "circuit_open" : "error", System.nanoTime() - t0);
                })
                .recover(e -> Future.failedFuture(e instanceof BackendException ? e : new BackendException(name + ": " + e.getMessage(), e)));
    }

    private Future<Response> send(HttpRequest<Buffer> request, JsonObject body) {
        return send(request, body, null);
    }

    private Future<Response> send(HttpRequest<Buffer> request, JsonObject body, Buffer raw) {
        request.timeout(timeout.toMillis()).putHeader("Accept", "application/json");
        Future<HttpResponse<Buffer>> sent = raw != null ? request.sendBuffer(raw) : body == null ? request.send() : request.sendJsonObject(body);
        return sent.transform(ar -> {
            if (ar.failed()) return Future.failedFuture(new BackendException(name + " unreachable or slow: " + ar.cause().getMessage(), ar.cause()));
            HttpResponse<Buffer> r = ar.result();
            int status = r.statusCode();
            if (status == 404 || status == 409) return Future.succeededFuture(new Response(status, jsonOrNull(r)));
            if (status >= 500) return Future.failedFuture(new BackendException(name + " answered " + status, new ServerError()));
            if (status < 200 || status >= 300) return Future.failedFuture(new BackendException(name + " answered " + status));
            JsonObject json = jsonOrNull(r);
            if (json == null) return Future.failedFuture(new BackendException(name + " answered " + status + " without a JSON object"));
            return Future.succeededFuture(new Response(status, json));
        });
    }

    private static JsonObject jsonOrNull(HttpResponse<Buffer> r) {
        try {
            Buffer b = r.body();
            return b == null || b.length() == 0 ? null : new JsonObject(b);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private boolean retryable(Throwable e) {
        if (breaker.state() == CircuitBreakerState.OPEN) return false;
        Throwable cause = e.getCause() instanceof BackendException be ? be.getCause() : e.getCause();
        return cause instanceof ServerError || cause instanceof java.net.ConnectException;
    }

    private String url(String path) {
        return base.toString().replaceAll("/+$", "") + path;
    }

    /** Marks a 5xx so that a read may be retried. */
    private static final class ServerError extends RuntimeException {
        ServerError() {
            super(null, null, false, false);
        }
    }
}
