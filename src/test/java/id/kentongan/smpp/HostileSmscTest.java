package id.kentongan.smpp;

import id.kentongan.AdminClient;
import id.kentongan.Eventually;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.ServiceProcess;
import id.kentongan.outbox.OutboundSms;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static id.kentongan.Instances.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SMSC that sends what no real one should, spoken as raw SMPP over TCP: the bind must never die silently.
 * Before BoundedPduReader, a header announcing 0x7fffffff bytes killed jSMPP's reader thread (OutOfMemoryError) while
 * the socket stayed open and /ready said "smsc ok".
 */
class HostileSmscTest {
    static final int BIND_TRX = 0x00000009, UNBIND = 0x00000006, ENQUIRE_LINK = 0x00000015,
            SUBMIT_SM = 0x00000004, DELIVER_SM = 0x00000005, RESP = 0x80000000;

    record Pdu(int id, int status, int seq, byte[] body) {}

    /** Accepts connections one after another and runs each through the script; records what the ESME sent. */
    static final class RawSmsc implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Pdu> received = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        /** Whether the first connection gets the absurd header after its bind. */
        volatile boolean hostileFirst = true;
        /** What the SMSC sends right after a bind it accepted (the scripted fault), if anything. */
        volatile Script afterBind;

        interface Script {
            void send(DataOutputStream out) throws IOException;
        }
        /** Whether binds after the first are accepted. */
        final AtomicBoolean acceptBinds = new AtomicBoolean(true);
        final AtomicInteger submits = new AtomicInteger();
        /** Set when the ESME closed the first connection (the hostile one). */
        final AtomicBoolean firstClosedByEsme = new AtomicBoolean();
        final Thread acceptor;

        RawSmsc() throws IOException {
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        int n = connections.incrementAndGet();
                        Thread t = new Thread(() -> serve(n, s), "raw-smsc-" + n);
                        t.setDaemon(true);
                        t.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "raw-smsc");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve(int n, Socket s) {
            try (s; DataInputStream in = new DataInputStream(s.getInputStream());
                 DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
                Pdu bind = read(in);
                received.add(bind);
                if (n > 1 && !acceptBinds.get()) {
                    write(out, BIND_TRX | RESP, 0x0000000D, bind.seq(), new byte[0]); // ESME_RBINDFAIL
                    return;
                }
                write(out, BIND_TRX | RESP, 0, bind.seq(), "raw\0".getBytes(StandardCharsets.US_ASCII));
                if (afterBind != null) afterBind.send(out);
                if (n == 1 && hostileFirst) {
                    // The hostile part: a deliver_sm header announcing 2 GB, then a few bytes.
                    out.writeInt(0x7fffffff);
                    out.writeInt(DELIVER_SM);
                    out.writeInt(0);
                    out.writeInt(7);
                    out.write(new byte[32]);
                    out.flush();
                }
                while (true) {
                    Pdu p = read(in);
                    received.add(p);
                    if (p.id() == UNBIND || p.id() == ENQUIRE_LINK) write(out, p.id() | RESP, 0, p.seq(), new byte[0]);
                    if (p.id() == UNBIND) return;
                    if (p.id() == SUBMIT_SM) {
                        submits.incrementAndGet();
                        write(out, SUBMIT_SM | RESP, 0, p.seq(), ("raw-" + p.seq() + "\0").getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException gone) {
                if (n == 1) firstClosedByEsme.set(true); // the ESME closed the line
            }
        }

        static Pdu read(DataInputStream in) throws IOException {
            int length = in.readInt();
            int id = in.readInt();
            int status = in.readInt();
            int seq = in.readInt();
            byte[] body = new byte[Math.max(0, length - 16)];
            in.readFully(body);
            return new Pdu(id, status, seq, body);
        }

        static void write(DataOutputStream out, int id, int status, int seq, byte[] body) throws IOException {
            out.writeInt(16 + body.length);
            out.writeInt(id);
            out.writeInt(status);
            out.writeInt(seq);
            out.write(body);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void anAbsurdCommandLengthIsRefusedTheBindIsDroppedReportedAndBoundAgainAndNothingQueuedIsLost() throws Exception {
        try (RawSmsc smsc = new RawSmsc(); Instances instances = new Instances()) {
            KentonganConfig base = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5));
            // The first bind is answered, then the hostile header; later binds are refused until the test allows them.
            smsc.acceptBinds.set(false);
            Kentongan k = instances.start(base.with(base.sms().with(SmscConfig.parse("smpp://kentongan:raw@127.0.0.1:" + smsc.port()
                    + "?reconnectMinMs=100&reconnectMaxMs=300&responseTimeoutMs=2000&enquireLinkSeconds=1&window=5"))));
            AdminClient http = new AdminClient(k.port(), null);

            Eventually.until("the hostile connection closed by the ESME", Duration.ofSeconds(10), smsc.firstClosedByEsme::get);
            Eventually.until("the bind dropped and reported", Duration.ofSeconds(10), () -> !k.sms().client().anyBound()
                    && http.get("/ready").statusCode() == 503);
            assertTrue(http.get("/ready").body().contains("\"smsc\":\"not bound\""), http.get("/ready").body());

            // Queued while unbound: kept, and sent once the SMSC takes binds again.
            assertTrue(await(k.sms().outbox().enqueue(new OutboundSms("hostile-1", "6281234567001", "Tes setelah PDU rusak"))));
            Eventually.until("bind attempts refused meanwhile", Duration.ofSeconds(10), () -> smsc.connections.get() >= 3);
            assertEquals(0, smsc.submits.get());
            smsc.acceptBinds.set(true);
            Eventually.until("bound again and ready", Duration.ofSeconds(15), () -> http.get("/ready").statusCode() == 200);
            Eventually.until("the queued SMS submitted", Duration.ofSeconds(15), () -> smsc.submits.get() >= 1);
            Eventually.until("recorded as sent", Duration.ofSeconds(10),
                    () -> await(k.sms().outbox().state("hostile-1")).equals(Optional.of("SENT")));
            Instances.drained(k);
            assertEquals(1, smsc.submits.get(), "once");
        }
    }

    @Test
    void malformedPdusAreAnsweredWithAnErrorAndTheBindStaysUsable() throws Exception {
        try (RawSmsc smsc = new RawSmsc(); Instances instances = new Instances()) {
            smsc.hostileFirst = false;
            smsc.afterBind = out -> {
                RawSmsc.write(out, 0x00000999, 0, 101, new byte[0]);          // a command id SMPP does not have
                RawSmsc.write(out, DELIVER_SM, 0, 102, new byte[]{0, 1, 1});   // deliver_sm cut short
                RawSmsc.write(out, DELIVER_SM, 0, 103, new byte[0]);           // deliver_sm with no body at all
                RawSmsc.write(out, DELIVER_SM, 0, 104, deliverSmWithPayload(60_000)); // a 60,000-byte message_payload
            };
            KentonganConfig base = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5));
            Kentongan k = instances.start(base.with(base.sms().with(SmscConfig.parse("smpp://kentongan:raw@127.0.0.1:" + smsc.port()
                    + "?reconnectMinMs=100&reconnectMaxMs=300&responseTimeoutMs=2000&window=5"))));
            for (int seq : new int[]{101, 102, 103, 104}) {
                Pdu answer = Eventually.value("an answer to sequence " + seq, Duration.ofSeconds(10),
                        () -> smsc.received.stream().filter(p -> p.seq() == seq && (p.id() & RESP) != 0).findFirst().orElse(null),
                        p -> p != null);
                assertTrue(answer.status() != 0, "an error status for sequence " + seq + ": " + answer);
            }
            assertTrue(await(k.sms().outbox().enqueue(new OutboundSms("after-malformed", "6281234567002", "Masih jalan"))));
            Eventually.until("the next SMS submitted on the same bind", Duration.ofSeconds(10), () -> smsc.submits.get() == 1);
            assertEquals(1, smsc.connections.get(), "no rebind was needed");
        }
    }

    /** An MO deliver_sm from 6281234567003 to 567 carrying {@code n} bytes of 'A' in a message_payload TLV. */
    static byte[] deliverSmWithPayload(int n) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeByte(0);                                                     // service_type ""
        d.writeByte(1); d.writeByte(1); d.write("6281234567003\0".getBytes(StandardCharsets.US_ASCII));
        d.writeByte(0); d.writeByte(0); d.write("567\0".getBytes(StandardCharsets.US_ASCII));
        d.writeByte(0); d.writeByte(0); d.writeByte(0);                     // esm_class, protocol_id, priority
        d.writeByte(0); d.writeByte(0);                                     // schedule, validity ""
        d.writeByte(0); d.writeByte(0); d.writeByte(0); d.writeByte(0);     // registered, replace, data_coding, default id
        d.writeByte(0);                                                     // sm_length 0
        d.writeShort(0x0424); d.writeShort(n); d.write("A".repeat(n).getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    @Test
    void sigtermUnbindsFromTheSmscBeforeTheProcessEnds() throws Exception {
        try (RawSmsc smsc = new RawSmsc()) {
            smsc.hostileFirst = false;
            Process p = ServiceProcess.start(java.util.Map.of("KENTONGAN_HTTP_HOST", "127.0.0.1", "KENTONGAN_HTTP_PORT", "0",
                    "KENTONGAN_SMSC", "smpp://kentongan:raw@127.0.0.1:" + smsc.port() + "?reconnectMinMs=100"));
            try {
                Eventually.until("bound", Duration.ofSeconds(10), () -> smsc.received.stream().anyMatch(x -> x.id() == BIND_TRX));
                p.destroy(); // SIGTERM
                assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the service ended");
                assertTrue(smsc.received.stream().anyMatch(x -> x.id() == UNBIND), "an unbind before the socket closed: " + smsc.received);
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theReaderTakesTheLargestLegalPduAndRefusesAnAbsurdOneBeforeReadingIt() throws Exception {
        BoundedPduReader reader = new BoundedPduReader();
        // A deliver_sm with a full 64 KB message_payload is legal and read whole.
        int legal = 16 + 300 + 4 + 65_535;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        RawSmsc.write(out, DELIVER_SM, 0, 1, new byte[legal - 16]);
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        org.jsmpp.bean.Command header = reader.readPDUHeader(in);
        assertEquals(legal, reader.readPDU(in, header).length);

        bytes.reset();
        out.writeInt(0x7fffffff);
        out.writeInt(DELIVER_SM);
        out.writeInt(0);
        out.writeInt(2);
        DataInputStream absurd = new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> reader.readPDUHeader(absurd));
        assertTrue(refused.getMessage().contains("2147483647"), refused.getMessage());
    }
}
