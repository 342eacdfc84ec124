package id.kentongan.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeoutException;

/**
 * The load generator's HTTP/1.1 client: one thread, one selector, one keep-alive connection per virtual phone,
 * requests written as prepared bytes and answers read by {@code Content-Length}. It does a small fraction of a general
 * client's work per request, so the generator measures the service rather than itself. Everything — I/O, timers and
 * the callbacks that play the dialogues — runs on the loop thread, so callers need no locks.
 */
final class LoopHttp {
    /** What a request ends with: an HTTP status and body, or the failure. */
    interface Answer {
        void done(int status, String body, Throwable failure);
    }

    private record Timer(long at, long seq, Runnable task) {}

    private final Selector selector;
    private final InetSocketAddress address;
    private final byte[] head;
    private final long timeoutNanos;
    private final List<Conn> conns = new ArrayList<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long timerSeq;
    private volatile boolean running = true;

    LoopHttp(InetSocketAddress address, String path, String contentType, long timeoutMillis) throws IOException {
        this.selector = Selector.open();
        this.address = address;
        this.timeoutNanos = timeoutMillis * 1_000_000L;
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** A connection of its own (one per phone): opened on first use, and again after the server closed it. */
    Conn connection() {
        Conn c = new Conn();
        conns.add(c);
        return c;
    }

    /** Runs {@code task} on the loop after {@code delayMillis}. Loop thread only (or before {@link #run}). */
    void later(long delayMillis, Runnable task) {
        timers.add(new Timer(System.nanoTime() + delayMillis * 1_000_000L, timerSeq++, task));
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    /** The loop: until {@link #stop}. */
    void run() {
        long nextTimeoutScan = System.nanoTime();
        try {
            while (running) {
                long now = System.nanoTime();
                Timer first = timers.peek();
                long waitMillis = first == null ? 50 : Math.max(0, (first.at - now) / 1_000_000L);
                if (waitMillis == 0) selector.selectNow();
                else selector.select(Math.min(waitMillis, 50));
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    if (!key.isValid()) continue;
                    if (key.isWritable()) c.flush();
                    if (key.isValid() && key.isReadable()) c.read();
                }
                selector.selectedKeys().clear();
                now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().at <= now) timers.poll().task.run();
                if (now >= nextTimeoutScan) {
                    for (Conn c : conns) {
                        if (c.answer != null && now - c.sentAt > timeoutNanos) c.fail(new TimeoutException("no answer"));
                    }
                    nextTimeoutScan = now + 100_000_000L;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("load generator loop failed", e);
        } finally {
            for (Conn c : conns) c.close();
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing at the end of a run
            }
        }
    }

    final class Conn {
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(4096);
        private Answer answer;
        private long sentAt;

        /** Sends one POST with {@code body} (ASCII: a URL-encoded form). One request at a time per connection. */
        void post(String body, Answer answer) {
            if (this.answer != null) throw new IllegalStateException("a request is already waiting on this connection");
            this.answer = answer;
            this.sentAt = System.nanoTime();
            try {
                if (channel == null) open();
                byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
                byte[] len = Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII);
                ByteBuffer buf = ByteBuffer.allocate(head.length + len.length + 4 + b.length);
                buf.put(head).put(len).put((byte) '\r').put((byte) '\n').put((byte) '\r').put((byte) '\n').put(b).flip();
                out = buf;
                flush();
            } catch (IOException e) {
                fail(e);
            }
        }

        private void open() throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address); // blocking on purpose: loopback, once per phone
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        private void flush() {
            try {
                channel.write(out);
                key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException e) {
                fail(e);
            }
        }

        private void read() {
            try {
                if (!in.hasRemaining()) {
                    ByteBuffer bigger = ByteBuffer.allocate(in.capacity() * 2);
                    in.flip();
                    in = bigger.put(in);
                }
                int n = channel.read(in);
                if (n < 0) {
                    fail(new ClosedChannelException());
                    return;
                }
                parse();
            } catch (IOException e) {
                fail(e);
            }
        }

        /** Completes the waiting request once its whole answer has arrived. */
        private void parse() {
            byte[] a = in.array();
            int end = in.position();
            int headerEnd = -1;
            for (int i = 3; i < end; i++) {
                if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) return;
            String headers = new String(a, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int status;
            try {
                status = Integer.parseInt(headers.substring(9, 12));
            } catch (RuntimeException e) {
                fail(new IOException("not an HTTP answer"));
                return;
            }
            int length = contentLength(headers);
            if (length < 0) {
                fail(new IOException("answer without Content-Length"));
                return;
            }
            if (end < headerEnd + length) return;
            String body = new String(a, headerEnd, length, StandardCharsets.UTF_8);
            in.clear(); // one request at a time: nothing can follow the answer
            Answer done = answer;
            answer = null;
            if (done != null) done.done(status, body, null);
        }

        private int contentLength(String headers) {
            int at = 0;
            while (true) {
                int nl = headers.indexOf('\n', at);
                if (nl < 0) return -1;
                String line = headers.substring(at, nl).trim();
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) return Integer.parseInt(line.substring(15).trim());
                at = nl + 1;
            }
        }

        private void fail(Throwable failure) {
            close();
            Answer done = answer;
            answer = null;
            if (done != null) done.done(0, null, failure);
        }

        private void close() {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // the connection is dropped either way; the next request opens a new one
            }
            channel = null;
            key = null;
            in.clear();
        }
    }
}
