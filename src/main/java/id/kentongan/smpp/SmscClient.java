package id.kentongan.smpp;

import id.kentongan.domain.Masking;
import id.kentongan.text.Gsm7;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kentongan's ESME: {@code binds} connections to one SMSC. Sends a whole text as its segments, retrying what the
 * SMSC refuses for now (throttled, queue full, line down) with backoff, resending a segment whose answer never came at
 * most once, and failing at once on a permanent refusal. Reads what the SMSC delivers: receipts, MO messages
 * (reassembled), and USSD dialogue hops, handed to {@link Inbound}.
 */
public final class SmscClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmscClient.class);
    private static final Pattern RECEIPT = Pattern.compile("id:(\\S+).*?stat:(\\w+)", Pattern.DOTALL);

    /** Where deliveries go. Called on jSMPP's threads: implementations hand work off quickly. */
    public interface Inbound {
        void receipt(String messageId, String state);

        void mo(String from, String to, String text);

        void ussd(UssdHop hop);
    }

    /** A USSD hop over SMPP: who, what they typed, the operation, and what identifies the dialogue. */
    public record UssdHop(String from, String serviceCode, String text, byte op, byte[] itsSessionInfo, String serviceType) {}

    private final SmscConfig config;
    private final List<SmscConnection> connections = new ArrayList<>();
    private final MoReassembler reassembler;
    private final AtomicInteger nextConnection = new AtomicInteger();
    private final AtomicInteger reference = new AtomicInteger(ThreadLocalRandom.current().nextInt(256));
    private final AtomicLong unknownOutcomes = new AtomicLong();
    private volatile Inbound inbound;

    public SmscClient(SmscConfig config, Clock clock) {
        this.config = config;
        this.reassembler = new MoReassembler(clock, Duration.ofMinutes(2));
        Listener listener = new Listener();
        for (int i = 0; i < config.binds(); i++) connections.add(new SmscConnection(config, i, listener));
    }

    public void start(Inbound inbound) {
        this.inbound = inbound;
        connections.forEach(SmscConnection::start);
    }

    public SmscConfig config() {
        return config;
    }

    /** Binds up now (a gauge). */
    public int boundNow() {
        return (int) connections.stream().filter(SmscConnection::bound).count();
    }

    public boolean anyBound() {
        return connections.stream().anyMatch(SmscConnection::bound);
    }

    /** Times any connection (re)bound; for tests and metrics. */
    public int binds() {
        return connections.stream().mapToInt(SmscConnection::binds).sum();
    }

    /** Share of the binds' windows in use right now (0..1). */
    public double windowOccupancy() {
        int inFlight = connections.stream().mapToInt(SmscConnection::inFlight).sum();
        return (double) inFlight / (config.window() * connections.size());
    }

    /** The most submit_sm any one bind sent within a second. */
    public int maxSentPerSecondPerBind() {
        return connections.stream().mapToInt(SmscConnection::maxSentPerSecond).max().orElse(0);
    }

    /** Segments whose submit_sm got no answer in time (resent once each). */
    public long unknownOutcomes() {
        return unknownOutcomes.get();
    }

    /** The vendor TLV that carries a segment's message key, for SMSCs that de-duplicate by it. */
    public static final short KEY_TLV = 0x1400;

    /** Sends {@code text} to {@code to}; returns the SMSC's message id of each segment. Gives up after {@code patience}. */
    public List<String> send(String key, String to, String text, Duration patience) throws SubmitException, InterruptedException {
        SmsSegments segments = SmsSegments.of(text, reference.getAndIncrement() & 0xFF);
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        for (int i = 0; i < segments.size(); i++) {
            OptionalParameter[] tlvs = config.keyTlv()
                    ? new OptionalParameter[] {new OptionalParameter.OctetString(KEY_TLV, key + ":" + (i + 1))} : new OptionalParameter[0];
            ids.add(submitWithRetry(to, (byte) (segments.udh() ? 0x40 : 0x00), segments.dataCoding(), segments.payloads().get(i),
                    config.requestReceipts(), "", deadline, tlvs));
        }
        return ids;
    }

    /** A USSD screen back to the phone: continue (USSR request) or end (PSSR response), in the operator's variant. */
    public void ussdReply(UssdHop to, String text, boolean end) throws SubmitException, InterruptedException {
        byte[] payload = Gsm7.septets(text) >= 0 ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        byte dc = Gsm7.septets(text) >= 0 ? SmsSegments.GSM7 : SmsSegments.UCS2;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // the phone is waiting
        if (config.ussdVariant() == SmscConfig.UssdVariant.SERVICE_TYPE) {
            submitWithRetry(to.from(), (byte) 0, dc, payload, false, end ? UssdOp.END : UssdOp.CONTINUE, deadline);
        } else {
            submitWithRetry(to.from(), (byte) 0, dc, payload, false, "USSD", deadline,
                    new OptionalParameter.Byte(OptionalParameter.Tag.USSD_SERVICE_OP, end ? UssdOp.PSSR_RESPONSE : UssdOp.USSR_REQUEST),
                    new OptionalParameter.OctetString(OptionalParameter.Tag.ITS_SESSION_INFO.code(),
                            to.itsSessionInfo() == null ? new byte[] {0, 0} : to.itsSessionInfo()));
        }
    }

    private String submitWithRetry(String to, byte esm, byte dc, byte[] payload, boolean receipt, String serviceType, long deadline,
                                   OptionalParameter... tlvs) throws SubmitException, InterruptedException {
        long backoff = 50;
        boolean resentUnknown = false;
        while (true) {
            SmscConnection c = pick();
            try {
                if (c == null) throw new SubmitException(SubmitException.Kind.TRANSIENT, -1, "no bind is up");
                return c.submit(to, esm, dc, payload, receipt, serviceType, tlvs);
            } catch (SubmitException e) {
                if (e.kind() == SubmitException.Kind.PERMANENT) throw e;
                if (e.kind() == SubmitException.Kind.UNKNOWN) {
                    unknownOutcomes.incrementAndGet();
                    if (resentUnknown) throw e; // resent once already: report, do not guess again
                    resentUnknown = true;
                    log.warn("submit_sm to {} had no answer; resending once", Masking.msisdn(to));
                }
                if (System.nanoTime() + backoff * 1_000_000 > deadline) throw e;
                Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, 2_000);
            }
        }
    }

    private SmscConnection pick() {
        int n = connections.size();
        int start = Math.floorMod(nextConnection.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            SmscConnection c = connections.get((start + i) % n);
            if (c.bound() && config.bindType() != org.jsmpp.bean.BindType.BIND_RX) return c;
        }
        return null;
    }

    /** Drops MO messages whose parts never all came; called periodically. */
    public List<MoReassembler.Incomplete> expireIncompleteMo() {
        return reassembler.expire();
    }

    @Override
    public void close() {
        connections.forEach(SmscConnection::close);
    }

    private final class Listener implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm sm) throws ProcessRequestException {
            Inbound in = inbound;
            if (in == null) throw new ProcessRequestException("not ready", SmppStatus.ESME_RSYSERR);
            if (sm.isSmscDeliveryReceipt()) {
                Matcher m = RECEIPT.matcher(new String(sm.getShortMessage(), StandardCharsets.ISO_8859_1));
                if (m.find()) in.receipt(m.group(1), m.group(2));
                else log.warn("delivery receipt without id/stat ignored");
                return;
            }
            UssdHop hop = ussdHop(sm, sm.getShortMessage());
            if (hop != null) {
                in.ussd(hop);
                return;
            }
            mo(sm, in);
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // nothing waits for alerts
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            Inbound in = inbound;
            UssdHop hop = in == null ? null : ussdHop(dataSm, Tlvs.bytes(dataSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD)));
            if (hop == null) throw new ProcessRequestException("data_sm is only read for USSD on this link", 0x03);
            in.ussd(hop);
            try {
                return new DataSmResult(new org.jsmpp.util.MessageId("0"), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad id", SmppStatus.ESME_RSYSERR, e);
            }
        }
    }

    /** The USSD hop in a deliver_sm or data_sm, or null when it is not USSD. */
    private UssdHop ussdHop(org.jsmpp.bean.AbstractSmCommand sm, byte[] payload) {
        OptionalParameter op = sm.getOptionalParameter(OptionalParameter.Tag.USSD_SERVICE_OP);
        String text = SmsSegments.decode(sm.getDataCoding(), payload == null ? new byte[0] : payload);
        if (config.ussdVariant() == SmscConfig.UssdVariant.SERVICE_TYPE) {
            String st = sm.getServiceType();
            if (UssdOp.BEGIN.equals(st) || UssdOp.CONTINUE.equals(st) || UssdOp.END.equals(st)) {
                byte o = UssdOp.BEGIN.equals(st) ? UssdOp.PSSR_INDICATION : UssdOp.USSR_CONFIRM;
                return new UssdHop(sm.getSourceAddr(), sm.getDestAddress(), text, o, null, st);
            }
            return null;
        }
        Byte value = Tlvs.firstByte(op);
        if (value == null) return null;
        return new UssdHop(sm.getSourceAddr(), sm.getDestAddress(), text, value,
                Tlvs.bytes(sm.getOptionalParameter(OptionalParameter.Tag.ITS_SESSION_INFO)), sm.getServiceType());
    }

    private void mo(DeliverSm sm, Inbound in) {
        byte[] payload = sm.getShortMessage();
        MoReassembler.Part part;
        OptionalParameter ref = sm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        if ((sm.getEsmClass() & 0x40) != 0) {
            Udh u = Udh.parse(payload);
            part = u == null ? new MoReassembler.Part(sm.getSourceAddr(), -1, 1, 1, sm.getDataCoding(), payload)
                    : new MoReassembler.Part(sm.getSourceAddr(), u.reference(), u.total(), u.sequence(), sm.getDataCoding(), u.rest());
        } else if (ref instanceof OptionalParameter.Short r) {
            OptionalParameter total = sm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
            OptionalParameter seq = sm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
            part = new MoReassembler.Part(sm.getSourceAddr(), r.getValue() & 0xFFFF,
                    total instanceof OptionalParameter.Byte t ? t.getValue() & 0xFF : 1,
                    seq instanceof OptionalParameter.Byte s ? s.getValue() & 0xFF : 1, sm.getDataCoding(), payload);
        } else {
            part = new MoReassembler.Part(sm.getSourceAddr(), -1, 1, 1, sm.getDataCoding(), payload);
        }
        reassembler.add(part).ifPresent(text -> in.mo(sm.getSourceAddr(), sm.getDestAddress(), text));
    }
}
