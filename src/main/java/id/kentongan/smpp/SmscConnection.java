package id.kentongan.smpp;

import org.jsmpp.DefaultPDUSender;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;
import org.jsmpp.util.DefaultComposer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One bind to an SMSC, kept up by its own thread: binds, and after any loss (dropped line, unbind, failed
 * enquire_link) unbinds what is left of the old session before binding again, with exponential backoff and jitter —
 * so an SMSC that still holds the old bind (ESME_RALYBND) is simply tried again later. Submits are synchronous in
 * jSMPP, so the window is the number of submit_sm in flight at once; the rate limiter counts every one.
 */
final class SmscConnection {
    private static final Logger log = LoggerFactory.getLogger(SmscConnection.class);

    private final SmscConfig config;
    private final int index;
    private final MessageReceiverListener inbound;
    private final Semaphore window;
    private final RateLimiter rate;
    private final Object changed = new Object();
    private volatile SMPPSession session;
    private volatile boolean closed;
    private final Thread keeper;
    private volatile int binds;

    SmscConnection(SmscConfig config, int index, MessageReceiverListener inbound) {
        this.config = config;
        this.index = index;
        this.inbound = inbound;
        this.window = new Semaphore(config.window(), true);
        this.rate = RateLimiter.perSecond(config.ratePerSecond());
        this.keeper = new Thread(this::keepBound, "smsc-bind-" + index);
        keeper.setDaemon(true);
    }

    void start() {
        keeper.start();
    }

    boolean bound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Times this connection has bound, for tests and metrics. */
    int binds() {
        return binds;
    }

    private void keepBound() {
        long backoff = config.reconnectMin().toMillis();
        while (!closed) {
            if (bound()) {
                SMPPSession live = session;
                // A bind can look up while nothing reads it (a reader that died, a session closed while its bind was
                // still being answered): no PDU for longer than an enquire_link round takes means it is dead.
                long silent = System.currentTimeMillis() - live.getLastActivityTimestamp();
                if (silent > config.enquireLink().toMillis() + config.responseTimeout().toMillis() + 1_000) {
                    log.warn("SMSC bind {} silent for {} ms (not even an enquire_link answered): closing it, binding again", index, silent);
                    live.close();
                    continue;
                }
                synchronized (changed) {
                    try {
                        changed.wait(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            SMPPSession old = session;
            if (old != null) old.unbindAndClose(); // release the SMSC's side before binding again
            try {
                // Our reader refuses absurd command_length and turns any reader failure into a closed bind (then rebound).
                SMPPSession s = new SMPPSession(new SynchronizedPDUSender(new DefaultPDUSender(new DefaultComposer())),
                        new BoundedPduReader(), SocketConnectionFactory.getInstance());
                s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
                s.setTransactionTimer(config.responseTimeout().toMillis());
                s.setPduProcessorDegree(32); // receipts wait for their batch to be written: more of them gather per batch
                // Receipts come in bursts after a campaign; the default queue of 100 makes jSMPP answer "throttled" with a
                // body-less deliver_sm_resp, which some SMSCs (jSMPP's own server among them) fail to decode.
                s.setQueueCapacity(2_000);
                s.setMessageReceiverListener(inbound);
                s.addSessionStateListener((now, was, src) -> {
                    if (!now.isBound()) {
                        synchronized (changed) {
                            changed.notifyAll();
                        }
                    }
                });
                s.connectAndBind(config.host(), config.port(), new BindParameter(config.bindType(), config.systemId(),
                        config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                        config.responseTimeout().toMillis());
                session = s;
                binds++;
                backoff = config.reconnectMin().toMillis();
                log.info("SMSC bind {} up: {}", index, config);
            } catch (Exception e) {
                long wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1); // jitter: binds do not stampede
                log.warn("SMSC bind {} failed ({}); retrying in {} ms", index, e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, config.reconnectMax().toMillis());
            }
        }
    }

    /** Sends one segment; returns the SMSC's message id. */
    String submit(String to, byte esmClass, byte dataCoding, byte[] payload, boolean receipt, String serviceType,
                  OptionalParameter... tlvs) throws SubmitException, InterruptedException {
        SMPPSession s = session;
        if (s == null || !s.getSessionState().isBound()) {
            throw new SubmitException(SubmitException.Kind.TRANSIENT, -1, "bind " + index + " is not bound");
        }
        window.acquire();
        try {
            rate.acquire();
            return s.submitShortMessage(serviceType, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, config.source(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to,
                    new ESMClass(esmClass), (byte) 0, (byte) 1, null, null, new RegisteredDelivery(receipt ? 1 : 0), (byte) 0,
                    DataCodings.newInstance(dataCoding), (byte) 0, payload, tlvs).getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            throw new SubmitException(SmppStatus.transientError(status) ? SubmitException.Kind.TRANSIENT : SubmitException.Kind.PERMANENT,
                    status, "submit_sm refused with status 0x" + Integer.toHexString(status));
        } catch (ResponseTimeoutException e) {
            throw new SubmitException(SubmitException.Kind.UNKNOWN, -1, "no submit_sm_resp within " + config.responseTimeout());
        } catch (InterruptedException e) {
            throw e;
        } catch (java.io.IOException e) {
            // The line broke under us: nothing was confirmed, so it is safe to send again once bound. The session is
            // closed now, so that the keeper binds again at once instead of submits failing on a dead socket.
            s.close();
            throw new SubmitException(SubmitException.Kind.TRANSIENT, -1, "connection problem: " + e.getMessage());
        } catch (Exception e) {
            throw new SubmitException(SubmitException.Kind.TRANSIENT, -1, "connection problem: " + e.getMessage());
        } finally {
            window.release();
        }
    }

    /** Submits in flight on this bind now. */
    int inFlight() {
        return config.window() - window.availablePermits();
    }

    int maxSentPerSecond() {
        return rate.observedMaxPerSecond();
    }

    SessionState state() {
        SMPPSession s = session;
        return s == null ? SessionState.CLOSED : s.getSessionState();
    }

    void close() {
        closed = true;
        keeper.interrupt();
        SMPPSession s = session;
        if (s != null) s.unbindAndClose(); // a graceful unbind, so the SMSC frees the bind at once
    }
}
