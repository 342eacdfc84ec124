package id.kentongan.ussd;

import id.kentongan.domain.Masking;
import id.kentongan.domain.Msisdn;
import id.kentongan.outbox.SmsOutbox;
import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.UssdOp;
import id.kentongan.sms.MoHandler;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the SMSC delivers, routed: receipts to the outbox, MO messages to the keyword handler, and USSD hops to the same
 * {@link UssdService} the HTTP gateways use — a USSD dialogue over SMPP walks the same menus and session store. The
 * screen goes back as a submit_sm with the operator's USSD operation (continue or end) on a worker thread, never on
 * the event loop.
 */
public final class SmppInbound implements SmscClient.Inbound {
    private static final Logger log = LoggerFactory.getLogger(SmppInbound.class);

    private final Vertx vertx;
    private final SmsOutbox outbox;
    private final MoHandler mo;
    private final UssdService ussd;
    private final SmscClient client;
    private final ExecutorService replies = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ussd-smpp-reply");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong hops = new AtomicLong();

    private java.util.function.Consumer<String> events = e -> { };

    /** Told "delivered" or "undelivered" for each receipt (the SMS meter). */
    public SmppInbound countingWith(java.util.function.Consumer<String> events) {
        this.events = events;
        return this;
    }

    public SmppInbound(Vertx vertx, SmsOutbox outbox, MoHandler mo, UssdService ussd, SmscClient client) {
        this.vertx = vertx;
        this.outbox = outbox;
        this.mo = mo;
        this.ussd = ussd;
        this.client = client;
    }

    @Override
    public void receipt(String messageId, String state) {
        if (!outbox.receipt(messageId, state)) log.debug("receipt for an unknown message id {}", messageId);
        events.accept("DELIVRD".equals(state) ? "delivered" : "undelivered");
    }

    @Override
    public void mo(String from, String to, String text) {
        Optional<Msisdn> who = Msisdn.parse(from);
        if (who.isEmpty()) {
            log.warn("MO from a number that is not an Indonesian mobile ({}) ignored", Masking.msisdn(from));
            return;
        }
        vertx.runOnContext(v -> mo.handle(who.get(), text)
                .onFailure(e -> log.warn("MO from {} not answered: {}", who.get().masked(), e.toString())));
    }

    @Override
    public void ussd(SmscClient.UssdHop hop) {
        Optional<Msisdn> who = Msisdn.parse(hop.from());
        if (who.isEmpty()) return;
        boolean begins = hop.op() == UssdOp.PSSR_INDICATION;
        // its_session_info identifies the dialogue on the operator's side; service_type operators have one per phone.
        String session = "smpp-" + who.get().value() + (hop.itsSessionInfo() == null ? "" : "-" + HexFormat.of().formatHex(hop.itsSessionInfo(), 0, 1));
        String code = ServiceCode.normalise(begins && hop.text() != null && hop.text().strip().startsWith("*") ? hop.text() : hop.serviceCode());
        UssdRequest req = new UssdRequest(session, who.get(), code,
                new UssdRequest.Single(begins ? "" : hop.text(), Long.toString(hops.incrementAndGet()), begins));
        vertx.runOnContext(v -> ussd.handle(req).onComplete(ar -> replies.execute(() -> {
            try {
                if (ar.succeeded()) client.ussdReply(hop, ar.result().text(), ar.result().end());
            } catch (Exception e) {
                log.warn("USSD screen to {} not sent: {}", who.get().masked(), e.getMessage());
            }
        })));
    }


    public void close() {
        replies.shutdownNow();
    }
}
