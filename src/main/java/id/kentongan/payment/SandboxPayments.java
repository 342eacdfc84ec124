package id.kentongan.payment;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /sandbox/payments/{code}/pay}, served only when the sandbox provider is in use: "pays" a code as a bank
 * counter would, then delivers the provider's signed callback to this service over HTTP, through the same endpoint a
 * real provider uses. {@code kentongan pay CODE} calls it.
 */
public final class SandboxPayments {
    public static final String PROVIDER = "sandbox";

    private final SandboxPaymentService sandbox;
    private final WebClient web;
    private final String secret;
    private final Clock clock;

    public SandboxPayments(SandboxPaymentService sandbox, WebClient web, String secret, Clock clock) {
        this.sandbox = sandbox;
        this.web = web;
        this.secret = secret;
        this.clock = clock;
    }

    public void handle(RoutingContext ctx) {
        // Anyone who can reach it could credit a code for nothing: the demo's bank counter is for this machine only.
        if (!fromThisMachine(ctx)) {
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "the sandbox bank counter answers only on this machine (loopback)").encode());
            return;
        }
        String code = ctx.pathParam("code").replace(" ", "");
        int port = ctx.request().localAddress().port();
        sandbox.markPaid(code).onComplete(ar -> {
            if (ar.failed() || ar.result().isEmpty()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "no pending payment code " + code).encode());
                return;
            }
            PaymentCode paid = ar.result().get();
            Buffer body = new JsonObject().put("eventId", UUID.randomUUID().toString()).put("code", paid.code())
                    .put("reference", paid.reference()).put("amount", paid.amount()).put("status", "PAID")
                    .put("paidAt", clock.instant().toString()).put("channel", "sandbox").toBuffer();
            String ts = Long.toString(clock.instant().getEpochSecond());
            web.post(port, "127.0.0.1", "/payments/callback/" + PROVIDER)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Timestamp", ts)
                    .putHeader("X-Signature", Signatures.sign(secret, ts, body.getBytes()))
                    .sendBuffer(body)
                    .onComplete(cb -> {
                        if (cb.failed()) {
                            ctx.response().setStatusCode(502).end(new JsonObject().put("error", cb.cause().getMessage()).encode());
                        } else {
                            ctx.response().setStatusCode(cb.result().statusCode()).putHeader("Content-Type", "application/json")
                                    .end(cb.result().bodyAsString());
                        }
                    });
        });
    }

    private static boolean fromThisMachine(RoutingContext ctx) {
        if (ctx.request().remoteAddress() == null || ctx.request().remoteAddress().hostAddress() == null) return false;
        try {
            // A literal address: no name is looked up.
            return InetAddress.getByName(ctx.request().remoteAddress().hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
