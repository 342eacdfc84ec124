package id.kentongan.outbox;

import id.kentongan.metrics.Meters;
import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.smpp.SmscClient;
import id.kentongan.smpp.SmscConfig;
import id.kentongan.store.Keyspace;
import id.kentongan.store.Redis;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS side of one instance: the outbox (Redis Streams, or memory in embedded mode), the SMSC client (to the real
 * SMSC, or to the simulator started in-process when none is configured), and the sender draining the outbox.
 * Opening blocks (sockets): call it off the event loop.
 */
public final class SmsChannel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    private final SmsOutbox outbox;
    private final EmbeddedSmsc simulator;
    private final SmscClient client;
    private final OutboxSender sender;

    private SmsChannel(SmsOutbox outbox, EmbeddedSmsc simulator, SmscClient client, OutboxSender sender) {
        this.outbox = outbox;
        this.simulator = simulator;
        this.client = client;
        this.sender = sender;
    }

    public static SmsChannel open(Vertx vertx, Optional<Redis> redis, Keyspace keys, Optional<SmscConfig> smsc,
                                  Duration patience, Duration reclaimIdle, Clock clock) {
        return open(vertx, redis, keys, smsc, patience, reclaimIdle, clock, OptOutCheck.NONE, EmbeddedSmsc.Factory.NONE, RedisSmsOutbox.DEFAULT_SHARDS);
    }

    public static SmsChannel open(Vertx vertx, Optional<Redis> redis, Keyspace keys, Optional<SmscConfig> smsc,
                                  Duration patience, Duration reclaimIdle, Clock clock, OptOutCheck optOuts,
                                  EmbeddedSmsc.Factory embedded, int shards) {
        SmsOutbox outbox = redis.<SmsOutbox>map(r -> new RedisSmsOutbox(vertx, r, keys, shards)).orElseGet(MemorySmsOutbox::new);
        EmbeddedSmsc sim = null;
        SmscConfig config;
        if (smsc.isPresent()) {
            config = smsc.get();
        } else {
            try {
                sim = embedded.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the built-in SMSC simulator: " + e.getMessage(), e);
            }
            config = simulatorConfig(sim.port());
        }
        SmscClient client = new SmscClient(config, clock);
        OutboxSender sender = new OutboxSender(outbox, client, consumerName(), config.binds() * config.window(), patience, reclaimIdle, optOuts);
        log.info("SMS: {} via {}", redis.isPresent() ? "Redis Streams outbox in " + shards + " shards" : "in-memory outbox",
                sim == null ? config : "the built-in SMSC simulator on port " + sim.port());
        return new SmsChannel(outbox, sim, client, sender);
    }

    /** How this service binds to its own simulator: one TRX bind, window 20, 200 segments/s. */
    public static SmscConfig simulatorConfig(int port) {
        return SmscConfig.parse("smpp://kentongan:sim@127.0.0.1:" + port + "?window=20&rate=200&reconnectMinMs=100&reconnectMaxMs=2000&keyTlv=true");
    }

    private static String consumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Counts SMS events (submitted, failed, opted_out) and binds up into {@code meters}. */
    public void meter(Meters meters) {
        sender.countingWith(meters::sms);
        meters.gauge("kentongan.smsc.binds.up", "SMSC binds up now", client::boundNow);
    }

    public void start(SmscClient.Inbound inbound) {
        client.start(inbound);
        sender.start();
    }

    public SmsOutbox outbox() {
        return outbox;
    }

    public SmscClient client() {
        return client;
    }

    public Optional<EmbeddedSmsc> simulator() {
        return Optional.ofNullable(simulator);
    }

    public OutboxSender sender() {
        return sender;
    }

    /** Finishes the messages in hand, unbinds, and stops the simulator if it is ours. */
    @Override
    public void close() {
        sender.close();
        client.close();
        if (simulator != null) simulator.close();
        outbox.close();
    }
}
