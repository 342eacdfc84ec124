package id.kentongan.tools;

import id.kentongan.ConfigLoader;
import id.kentongan.DevTools;
import id.kentongan.outbox.RedisSmsOutbox;
import id.kentongan.smpp.EmbeddedSmsc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The developer commands and the built-in SMSC simulator, offered to {@code Main} through {@link DevTools}. */
public final class DevCommands implements DevTools {
    @Override
    public EmbeddedSmsc.Factory smsc() {
        return SmscSimulator.FACTORY;
    }

    @Override
    public List<Object> commands() {
        return List.of(new Dial(), new Pay(), new SmscSim(), new BenchSmpp(), new BenchReminders(), new LoadTest(), new ReviewTexts(), new Bare());
    }

    @Command(name = "dial", mixinStandardHelpOptions = true,
            description = "A terminal phone: dial a running service and answer its screens from the keyboard.")
    static final class Dial implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "service base URL (default: ${DEFAULT-VALUE})")
        URI url;
        @Option(names = "--msisdn", defaultValue = "081234567890", description = "your phone number (default: ${DEFAULT-VALUE})")
        String msisdn;
        @Option(names = "--code", defaultValue = "*567#", description = "service code (default: ${DEFAULT-VALUE})")
        String code;

        @Override
        public Integer call() throws Exception {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return new TerminalPhone(url, msisdn, code).run(in, System.out);
        }
    }

    @Command(name = "pay", mixinStandardHelpOptions = true,
            description = "Sandbox only: pay a payment code as a bank counter would; the service gets the signed callback.")
    static final class Pay implements Callable<Integer> {
        @Parameters(index = "0", description = "the payment code shown on the phone (spaces allowed)")
        String code;
        @Option(names = "--url", defaultValue = "http://localhost:8080", description = "service base URL (default: ${DEFAULT-VALUE})")
        URI url;

        @Override
        public Integer call() throws Exception {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(url.resolve("/sandbox/payments/" + code.replace(" ", "") + "/pay"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            System.out.println(r.statusCode() + " " + r.body());
            return r.statusCode() == 200 ? 0 : 1;
        }
    }

    @Command(name = "review-texts", mixinStandardHelpOptions = true,
            description = "Every menu screen, SMS text and engine word in a language beside its Bahasa Indonesia, as Markdown for a native speaker.")
    static final class ReviewTexts implements Callable<Integer> {
        @Parameters(index = "0", defaultValue = "jv", description = "language code: jv (Basa Banyumasan) or en (default: ${DEFAULT-VALUE})")
        String language;
        @Option(names = "--menus", split = ",", defaultValue = "menus/bpu.yaml,menus/perisai.yaml", description = "menu files (default: ${DEFAULT-VALUE})")
        List<Path> menus;

        @Override
        public Integer call() throws Exception {
            System.out.print(TextReview.markdown(language, menus));
            return 0;
        }
    }

    @Command(name = "bare-server", mixinStandardHelpOptions = true,
            description = "The USSD benchmark's baseline: a bare Vert.x HTTP server, one Redis GET and SET per request, answering CON x (loadtest --mix bare=1).")
    static final class Bare implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8090") int port;
        @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379") String redis;
        @Option(names = "--loops", defaultValue = "0", description = "event loops (0: one per core, as the service)") int loops;
        @Option(names = "--answer-on", defaultValue = "loop", description = "where the answer is written: loop (the request's event loop, as the service) or redis (where Redis's reply was read: the loop that holds the connection)") String answerOn;
        @Option(names = "--round-trips", defaultValue = "2", description = "Redis commands per request, one after the other: a GET, more GETs, a SET (2: GET and SET; 4: a registration hop's count)") int roundTrips;

        @Override
        public Integer call() throws Exception {
            if (!answerOn.equals("loop") && !answerOn.equals("redis")) throw new IllegalArgumentException("--answer-on is loop or redis");
            if (roundTrips < 2 || roundTrips > 32) throw new IllegalArgumentException("--round-trips is 2 to 32");
            return BareServer.run(port, redis, loops > 0 ? loops : Runtime.getRuntime().availableProcessors(), answerOn.equals("loop"), roundTrips);
        }
    }

    @Command(name = "smsc-sim", mixinStandardHelpOptions = true,
            description = "Run the SMSC simulator on its own, for a service started with KENTONGAN_SMSC=smpp://kentongan:sim@127.0.0.1:PORT.")
    static final class SmscSim implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "2775", description = "SMPP port (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--throttle-every", defaultValue = "0", description = "answer ESME_RTHROTTLED to 1 submit in N (0: never)")
        int throttleEvery;
        @Option(names = "--mo-http", defaultValue = "0",
                description = "also listen on 127.0.0.1:PORT: POST /mo {\"from\":\"0812...\",\"text\":\"CEK\"} sends a worker's SMS, "
                        + "GET /received?last=N shows what the service sent, GET /stats counts, POST /faults {\"throttle\":N,...} sets faults")
        int moHttp;
        @Option(names = "--show", defaultValue = "20", description = "print the text of each message received, up to N a second (0: count only)")
        int show;

        @Override
        public Integer call() throws Exception {
            try (SmscSimulator sim = SmscSimulator.start(port)) {
                System.out.println("SMSC simulator on port " + sim.port() + "; Ctrl-C to stop.");
                com.sun.net.httpserver.HttpServer http = moHttp > 0 ? SimulatorHttp.start(sim, moHttp) : null;
                if (http != null) {
                    System.out.println("Send a worker's SMS: curl -d '{\"from\":\"081234567890\",\"text\":\"CEK\"}' http://127.0.0.1:"
                            + moHttp + "/mo");
                }
                int shown = sim.receivedCount();
                int last = 0;
                for (long tick = 1; ; tick++) {
                    Thread.sleep(1_000);
                    int now = sim.receivedCount();
                    if (show > 0 && now > shown) {
                        io.vertx.core.json.JsonArray fresh = SimulatorHttp.lastReceived(sim, Math.min(now - shown, show));
                        fresh.forEach(m -> System.out.println("-> " + ((io.vertx.core.json.JsonObject) m).getString("to") + ": "
                                + ((io.vertx.core.json.JsonObject) m).getString("text")));
                        if (now - shown > show) System.out.println("   (" + (now - shown - show) + " more)");
                    }
                    shown = now;
                    if (tick % 10 == 0) {
                        if (throttleEvery > 0) sim.throttleNext(Math.max(0, (sim.acceptedCount() - last) / throttleEvery));
                        if (sim.acceptedCount() != last) System.out.println("accepted " + sim.acceptedCount() + " submit_sm");
                        last = sim.acceptedCount();
                    }
                }
            }
        }
    }

    @Command(name = "bench-smpp", mixinStandardHelpOptions = true,
            description = "The outbox and SMPP client alone: N SMS queued in this process and drained to the simulator in its own "
                    + "process (the same as loadtest sms --queued).")
    static final class BenchSmpp implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "40000") int messages;
        @Option(names = "--binds", defaultValue = "1") int binds;
        @Option(names = "--window", defaultValue = "100") int window;
        @Option(names = "--redis", description = "use this Redis for the outbox (Streams), e.g. redis://127.0.0.1:6379; default: memory")
        String redis;

        @Override
        public Integer call() throws Exception {
            new SmsLoadTest(new SmsLoadTest.Options(messages, true, redis == null, redis == null ? "redis://127.0.0.1:6379" : redis, binds,
                    window, false, false, RedisSmsOutbox.DEFAULT_SHARDS, Optional.empty()), System.out).run();
            return 0;
        }
    }

    @Command(name = "bench-reminders", mixinStandardHelpOptions = true,
            description = "Time and Redis memory to plan reminders for N members (seeds an EMPTY Redis database, empties it after).")
    static final class BenchReminders implements Callable<Integer> {
        @Option(names = "--members", defaultValue = "1000000") int members;
        @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379/15", description = "an empty database") String redis;
        @Option(names = "--send", description = "every member owes a reminder now: plan them and send them all to an SMSC simulator")
        boolean send;

        @Override
        public Integer call() throws Exception {
            return ReminderBenchmark.run(redis, members, send, System.out);
        }
    }

    @Command(name = "loadtest", mixinStandardHelpOptions = true, subcommands = LoadTestSms.class,
            description = "Play many concurrent, complete USSD dialogues against a running service and report throughput and latency.")
    static final class LoadTest implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "http://127.0.0.1:8080") URI url;
        @Option(names = "--concurrency", defaultValue = "64") int concurrency;
        @Option(names = "--duration", defaultValue = "30s", description = "e.g. 30s, 2m") String duration;
        @Option(names = "--sessions", defaultValue = "0", description = "stop after this many sessions (0: run for --duration)") long sessions;
        @Option(names = "--mix", defaultValue = "register=1,status=2,pay=1",
                description = "flow weights: register, status, pay (sandbox backend) and browse (menus only)") String mix;
        @Option(names = "--ramp-up", defaultValue = "2s") String rampUp;
        @Option(names = "--code", defaultValue = "*567#") String code;
        @Option(names = "--json", description = "also write the report as JSON to this file") Path json;

        @Override
        public Integer call() throws Exception {
            java.util.Map<String, Integer> flows;
            try {
                flows = UssdLoadTest.mix(mix);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
            var report = new UssdLoadTest(new UssdLoadTest.Options(url, concurrency,
                    ConfigLoader.duration("--duration", duration, java.time.Duration.ofSeconds(30)), sessions, flows,
                    ConfigLoader.duration("--ramp-up", rampUp, java.time.Duration.ofSeconds(2)), code)).run(System.out);
            if (json != null) Files.writeString(json, report.encodePrettily());
            return report.getLong("errors") == 0 ? 0 : 1;
        }
    }

    @Command(name = "sms", mixinStandardHelpOptions = true,
            description = "SMS load, end to end, against the SMSC simulator in its own process: a campaign of N numbers through the "
                    + "service (its own process, Redis outbox), or N SMS queued here (--queued, Redis or --memory outbox). Reports "
                    + "messages/s, Redis commands per message, CPU of service, Redis and simulator; --baseline: a bare jSMPP client too.")
    static final class LoadTestSms implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "100000") int messages;
        @Option(names = "--queued", description = "queue N SMS in this process instead of a campaign through the service") boolean queued;
        @Option(names = "--memory", description = "with --queued: the in-memory outbox") boolean memory;
        @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "Redis (keys under a fresh namespace, removed after)")
        String redis;
        @Option(names = "--binds", defaultValue = "1") int binds;
        @Option(names = "--window", defaultValue = "100") int window;
        @Option(names = "--shards", defaultValue = "4", description = "outbox shards (sms.outboxShards)") int shards;
        @Option(names = "--receipts", description = "ask for delivery receipts and report their rate") boolean receipts;
        @Option(names = "--baseline", description = "also a bare jSMPP client, before and after, against the same simulator") boolean baseline;
        @Option(names = "--json", description = "also write the report as JSON to this file") Path json;
        @Option(names = "--service-jar", description = "campaign mode: run this build's service instead (an earlier build, for a before/after ratio)")
        Path serviceJar;

        @Override
        public Integer call() throws Exception {
            var report = new SmsLoadTest(new SmsLoadTest.Options(messages, queued, memory, redis, binds, window, baseline, receipts, shards,
                    Optional.ofNullable(serviceJar)),
                    System.out).run();
            if (json != null) Files.writeString(json, report.encodePrettily());
            return 0;
        }
    }

}
