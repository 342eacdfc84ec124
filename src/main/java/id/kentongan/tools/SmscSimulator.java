package id.kentongan.tools;

import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.smpp.SmppStatus;
import id.kentongan.smpp.SmsSegments;
import id.kentongan.smpp.Tlvs;
import id.kentongan.smpp.UssdOp;
import id.kentongan.text.Gsm7;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMSC for demo mode, tests and benchmarks: a jSMPP SMPP server that accepts binds, answers submit_sm with message
 * ids, sends delivery receipts, injects MO messages and USSD dialogues, and injects the faults real SMSCs show —
 * throttling, queue-full, slow answers, dropped connections, already-bound rebinds — on request. It records what it
 * was sent, so tests assert on what really crossed the wire.
 */
public final class SmscSimulator implements EmbeddedSmsc {
    /** Starts one on a free port: what the composition root is handed for the embedded default. */
    public static final EmbeddedSmsc.Factory FACTORY = () -> start(0);

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    /** One submit_sm as received. */
    public record Received(String to, String from, byte dataCoding, byte[] payload, boolean udhi, String messageId,
                           String key, long atNanos, Byte ussdOp, byte[] itsSessionInfo, String serviceType) {}

    /** What a simulated phone shows: a USSD screen and whether the session ended. */
    public record Screen(String text, boolean end) {}

    private final SMPPServerSessionListener listener;
    private final int port;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smsc-sim");
        t.setDaemon(true);
        return t;
    });
    /** Receipts go out a few at a time, as an SMSC's delivery queue would, rather than thousands in flight. */
    private final ExecutorService receipts = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "smsc-sim-receipts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> boundPerSystemId = new ConcurrentHashMap<>();
    /** How many received messages are kept for {@link #received()}; older ones are dropped (counts stay exact). */
    static final int KEPT = 200_000;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, BlockingQueue<Received>> ussdByMsisdn = new ConcurrentHashMap<>();
    /**
     * Message ids start at a random point, as a real SMSC's never repeat within days: simulators started one after
     * another (tests sharing one Redis outbox) would otherwise hand out the same ids, and a receipt could be matched
     * to an older message that had the same id.
     */
    private final AtomicLong nextId = new AtomicLong(0x10000 + (new java.util.Random().nextLong() & 0xFF_FFFF_FFFFL));

    // Faults, set by tests or by the smsc-sim command.
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger queueFullNext = new AtomicInteger();
    private final AtomicInteger rejectNext = new AtomicInteger();
    private final AtomicInteger dropAfter = new AtomicInteger(-1);
    private final AtomicInteger rejectBindsNext = new AtomicInteger();
    private volatile Duration responseDelay = Duration.ZERO;
    private volatile boolean receiptsInDecimal = true;
    private volatile int maxBindsPerSystemId = 8;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger receivedCount = new AtomicInteger();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger deliverFailures = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger noAnswerNext = new AtomicInteger();
    private final AtomicInteger receiptsDelivered = new AtomicInteger();
    private volatile long lastAcceptedAtMillis;

    private SmscSimulator(SMPPServerSessionListener listener, int port) {
        this.listener = listener;
        this.port = port;
    }

    /** Starts on {@code port}, or on a free port when 0. */
    public static SmscSimulator start(int port) throws IOException {
        int p = port;
        if (p == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                p = s.getLocalPort();
            }
        }
        SMPPServerSessionListener l = new SMPPServerSessionListener(p);
        l.setPduProcessorDegree(8);
        l.setQueueCapacity(10_000);
        SmscSimulator sim = new SmscSimulator(l, p);
        l.setMessageReceiverListener(sim.new Receiver());
        sim.workers.execute(sim::acceptLoop);
        log.info("SMSC simulator listening on 127.0.0.1:{}", p);
        return sim;
    }

    public int port() {
        return port;
    }

    private void acceptLoop() {
        while (open.get()) {
            try {
                SMPPServerSession session = listener.accept();
                workers.execute(() -> bind(session));
            } catch (IOException e) {
                if (open.get()) log.warn("SMSC simulator accept failed: {}", e.toString());
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(5_000);
            AtomicInteger bound = boundPerSystemId.computeIfAbsent(req.getSystemId(), k -> new AtomicInteger());
            if (rejectBindsNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || bound.get() >= maxBindsPerSystemId) {
                req.reject(SmppStatus.ESME_RALYBND);
                // Let the bind_resp reach the ESME before the line goes: closing at once can swallow it.
                sleep(Duration.ofMillis(500));
                session.close();
                return;
            }
            bound.incrementAndGet();
            session.addSessionStateListener((now, old, s) -> {
                if (now == SessionState.CLOSED || now == SessionState.UNBOUND) {
                    if (sessions.remove(session)) bound.decrementAndGet();
                }
            });
            sessions.add(session);
            req.accept("kentongan-sim");
        } catch (Exception e) {
            log.debug("simulator: bind handling failed: {}", e.toString());
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
            Duration delay = responseDelay;
            if (!delay.isZero()) sleep(delay);
            if (noAnswerNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                // A hung SMSC: the submit_sm is read and never answered (the ESME's response timer runs out first).
                sleep(NO_ANSWER_HOLD);
                throw new ProcessRequestException("answered too late", SmppStatus.ESME_RSYSERR);
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", SmppStatus.ESME_RTHROTTLED);
            }
            if (queueFullNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("queue full", SmppStatus.ESME_RMSGQFUL);
            }
            if (rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("invalid destination", SmppStatus.ESME_RINVDSTADR);
            }
            // A de-duplicating SMSC: a segment resent under a key it has seen is answered, not delivered again.
            OptionalParameter keyTlv = sm.getOptionalParameter((short) 0x1400);
            String key = keyTlv instanceof OptionalParameter.OctetString k ? k.getValueAsString() : null;
            long id = nextId.incrementAndGet();
            String messageId = Long.toHexString(id).toUpperCase();
            String first = key == null ? null : idByKey.putIfAbsent(key, messageId);
            if (first != null) {
                duplicates.incrementAndGet();
                return result(first);
            }
            OptionalParameter op = sm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
            OptionalParameter its = sm.getOptionalParameter(OptionalParameter.Tag.ITS_SESSION_INFO);
            Received r = new Received(sm.getDestAddress(), sm.getSourceAddr(), sm.getDataCoding(), sm.getShortMessage(),
                    (sm.getEsmClass() & 0x40) != 0, messageId, key, System.nanoTime(),
                    Tlvs.firstByte(op), Tlvs.bytes(its), sm.getServiceType());
            if (r.ussdOp() != null || ussdByMsisdn.containsKey(r.to()) && r.serviceType() != null && !r.serviceType().isEmpty()) {
                ussdByMsisdn.computeIfAbsent(r.to(), k -> new LinkedBlockingQueue<>()).add(r);
            } else {
                received.add(r);
                // Bounded: a simulator left running at carrier rates keeps the newest KEPT, and counts all.
                if (receivedCount.incrementAndGet() > KEPT) received.poll();
            }
            int n = accepted.incrementAndGet();
            lastAcceptedAtMillis = System.currentTimeMillis();
            if ((sm.getRegisteredDelivery() & 0x03) != 0) receipts.execute(() -> receipt(session, r, id));
            int drop = dropAfter.get();
            if (drop > 0 && n >= drop && dropAfter.compareAndSet(drop, -1)) {
                drops.incrementAndGet();
                // Answer this one, then cut the line as a failing SMSC would.
                workers.execute(() -> {
                    sleep(Duration.ofMillis(5));
                    session.close();
                });
            }
            return result(messageId);
        }

        private SubmitSmResult result(String messageId) throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad id", SmppStatus.ESME_RSYSERR, e);
            }
        }

        @Override
        public DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported by the simulator", 0x03);
        }

        @Override
        public org.jsmpp.session.SubmitMultiResult onAcceptSubmitMulti(org.jsmpp.bean.SubmitMulti m, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.QuerySmResult onAcceptQuerySm(org.jsmpp.bean.QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(org.jsmpp.bean.ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(org.jsmpp.bean.CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm b, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(org.jsmpp.bean.CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.QueryBroadcastSmResult onAcceptQueryBroadcastSm(org.jsmpp.bean.QueryBroadcastSm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    private void receipt(SMPPServerSession session, Received r, long id) {
        String quoted = receiptsInDecimal ? Long.toString(id) : Long.toHexString(id);
        String text = "id:" + quoted + " sub:001 dlvrd:001 submit date:2611231000 done date:2611231000 stat:DELIVRD err:000 text:";
        // Like an SMSC, a receipt the ESME did not acknowledge is tried again (three times in all).
        for (int attempt = 0; attempt < 3; attempt++) {
            if (deliver(session, r.to(), r.from(), (byte) 0x04, (byte) 0, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "")) {
                receiptsDelivered.incrementAndGet();
                return;
            }
            sleep(Duration.ofMillis(200L << attempt));
        }
    }

    private boolean deliver(SMPPServerSession session, String from, String to, byte esmClass, byte dataCoding, byte[] payload,
                            String serviceType, OptionalParameter... tlvs) {
        try {
            session.deliverShortMessage(serviceType, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0, (byte) 0,
                    new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), payload, tlvs);
            return true;
        } catch (Exception e) {
            deliverFailures.incrementAndGet();
            log.debug("deliver_sm failed: {}", e.toString());
            return false;
        }
    }

    private SMPPServerSession anyBound() {
        for (int i = 0; i < 200; i++) {
            for (SMPPServerSession s : sessions) {
                if (s.getSessionState().isBound()) return s;
            }
            sleep(Duration.ofMillis(25));
        }
        throw new IllegalStateException("no ESME is bound to the simulator");
    }

    /** A worker's SMS to {@code shortCode}; a long one is sent as concatenated parts (UDH, 8-bit reference). */
    public void mo(String from, String shortCode, String text) {
        SmsSegments s = SmsSegments.of(text, (int) (nextId.get() & 0xFF));
        SMPPServerSession session = anyBound();
        for (byte[] p : s.payloads()) deliver(session, from, shortCode, (byte) (s.udh() ? 0x40 : 0x00), s.dataCoding(), p, "");
    }

    /** A phone that dials a USSD code over SMPP. {@code serviceTypeVariant}: operators that use BR/CR/EF in service_type. */
    public UssdPhone ussd(String msisdn, String serviceCode, boolean serviceTypeVariant) {
        return new UssdPhone(msisdn, serviceCode, serviceTypeVariant);
    }

    public final class UssdPhone {
        private final String msisdn;
        private final String serviceCode;
        private final boolean serviceTypeVariant;
        private final byte[] sessionInfo;
        private boolean viaDataSm;

        UssdPhone(String msisdn, String serviceCode, boolean serviceTypeVariant) {
            this.msisdn = msisdn;
            this.serviceCode = serviceCode;
            this.serviceTypeVariant = serviceTypeVariant;
            int n = (int) (nextId.incrementAndGet() & 0xFF);
            this.sessionInfo = new byte[] {(byte) n, 0}; // session number, last-message flag off
            ussdByMsisdn.computeIfAbsent(msisdn, k -> new LinkedBlockingQueue<>());
        }

        /** Sends the phone's hops as data_sm (message_payload) instead of deliver_sm, as some operators do. */
        public UssdPhone viaDataSm() {
            this.viaDataSm = true;
            return this;
        }

        public Screen dial() {
            return send(serviceCode, UssdOp.PSSR_INDICATION, UssdOp.BEGIN);
        }

        public Screen press(String input) {
            return send(input, UssdOp.USSR_CONFIRM, UssdOp.CONTINUE);
        }

        private Screen send(String text, byte op, String serviceType) {
            SMPPServerSession session = anyBound();
            byte[] payload = Gsm7Safe.encode(text);
            if (viaDataSm) {
                try {
                    session.dataShortMessage("USSD", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, msisdn,
                            TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, serviceCode, new ESMClass(0), new RegisteredDelivery(0),
                            DataCodings.newInstance((byte) 0),
                            new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), payload),
                            new OptionalParameter.Byte(OptionalParameter.Tag.USSD_SERVICE_OP, op),
                            new OptionalParameter.OctetString(OptionalParameter.Tag.ITS_SESSION_INFO.code(), sessionInfo));
                } catch (Exception e) {
                    throw new IllegalStateException("data_sm failed: " + e.getMessage(), e);
                }
            } else if (serviceTypeVariant) {
                deliver(session, msisdn, serviceCode, (byte) 0, (byte) 0, payload, serviceType);
            } else {
                deliver(session, msisdn, serviceCode, (byte) 0, (byte) 0, payload, "USSD",
                        new OptionalParameter.Byte(OptionalParameter.Tag.USSD_SERVICE_OP, op),
                        new OptionalParameter.OctetString(OptionalParameter.Tag.ITS_SESSION_INFO.code(), sessionInfo));
            }
            try {
                Received r = ussdByMsisdn.get(msisdn).poll(15, TimeUnit.SECONDS);
                if (r == null) throw new IllegalStateException("no USSD answer for " + msisdn);
                boolean end = serviceTypeVariant ? UssdOp.END.equals(r.serviceType()) : r.ussdOp() != null && r.ussdOp() == UssdOp.PSSR_RESPONSE;
                if (!serviceTypeVariant && (r.itsSessionInfo() == null || r.itsSessionInfo()[0] != sessionInfo[0])) {
                    throw new IllegalStateException("its_session_info not echoed back");
                }
                return new Screen(SmsSegments.decode(r.dataCoding(), r.payload()), end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Encodes what a phone sends; USSD input is plain ASCII in practice. */
    private static final class Gsm7Safe {
        static byte[] encode(String s) {
            return Gsm7.septets(s) >= 0 ? Gsm7.encode(s) : s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    // ---- faults ----

    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public void queueFullNext(int n) {
        queueFullNext.set(n);
    }

    public void rejectNext(int n) {
        rejectNext.set(n);
    }

    /** Cuts the connection that carries the {@code n}-th accepted submit_sm from now. */
    public void dropConnectionAfter(int n) {
        dropAfter.set(accepted.get() + n);
    }

    /** How long a submit_sm is held unanswered under {@link #noAnswerNext}: longer than any ESME's response timer. */
    static final Duration NO_ANSWER_HOLD = Duration.ofSeconds(40);

    /** The next {@code n} submit_sm get no submit_sm_resp in time (held {@link #NO_ANSWER_HOLD}, then an error). */
    public void noAnswerNext(int n) {
        noAnswerNext.set(n);
    }

    public void rejectBindsNext(int n) {
        rejectBindsNext.set(n);
    }

    public void respondAfter(Duration delay) {
        this.responseDelay = delay;
    }

    public void receiptIdsInDecimal(boolean decimal) {
        this.receiptsInDecimal = decimal;
    }

    public void maxBindsPerSystemId(int n) {
        this.maxBindsPerSystemId = n;
    }

    // ---- what was sent ----

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** How many messages were received in all (received() keeps the newest KEPT), without copying (benchmarks poll it). */
    public int receivedCount() {
        return receivedCount.get();
    }

    public int acceptedCount() {
        return accepted.get();
    }

    /** Segments resent under a key already delivered (answered, not delivered again). */
    public int duplicates() {
        return duplicates.get();
    }

    /** deliver_sm attempts (receipts, MO, USSD) the ESME did not acknowledge; receipts are tried again. */
    public int deliverFailures() {
        return deliverFailures.get();
    }

    /** Wall-clock time of the last accepted submit_sm (its submit_sm_resp follows at once); 0 before any. */
    public long lastAcceptedAtMillis() {
        return lastAcceptedAtMillis;
    }

    /** Delivery receipts the ESME acknowledged. */
    public int receiptsDelivered() {
        return receiptsDelivered.get();
    }

    public int drops() {
        return drops.get();
    }

    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** Greatest number of submit_sm accepted within any one-second window. */
    public int maxPerSecond() {
        long[] times = received.stream().mapToLong(Received::atNanos).sorted().toArray();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.length; end++) {
            while (times[end] - times[start] >= 1_000_000_000L) start++;
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    public Set<String> systemIds() {
        return boundPerSystemId.keySet();
    }

    @Override
    public void close() {
        open.set(false);
        for (SMPPServerSession s : sessions) s.unbindAndClose();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdownNow();
        receipts.shutdownNow();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
