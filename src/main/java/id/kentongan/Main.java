package id.kentongan;

import id.kentongan.menu.InvalidMenuException;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.ussd.TerminalPhone;
import id.kentongan.ussd.actions.StandardActions;
import io.vertx.core.Vertx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar target/kentongan.jar serve | dial | validate}. */
@Command(name = "kentongan", mixinStandardHelpOptions = true, version = "kentongan 0.1",
        description = "USSD/SMS gateway for BPJS Ketenagakerjaan JKK + JKM cover of informal workers.",
        subcommands = {Main.Serve.class, Main.Dial.class, Main.Validate.class, Main.Pay.class, Main.SmscSim.class,
                Main.BenchSmpp.class, Main.LoadTest.class, Main.BenchReminders.class})
public final class Main {
    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) System.exit(code);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Run the service. With no configuration: in-memory sessions and sandbox backends.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--config", description = "YAML configuration file (default: $KENTONGAN_CONFIG, else none)")
        Path config;

        @Override
        public Integer call() throws Exception {
            Path file = config != null ? config
                    : Optional.ofNullable(System.getenv("KENTONGAN_CONFIG")).map(Path::of).orElse(null);
            KentonganConfig cfg = ConfigLoader.load(Optional.ofNullable(file), System.getenv());
            Vertx vertx = Vertx.vertx();
            CountDownLatch stopped = new CountDownLatch(1);
            Kentongan app;
            try {
                app = Kentongan.start(vertx, cfg, Clock.system(cfg.zone())).await();
            } catch (Exception e) {
                System.err.println("kentongan: cannot start: " + e.getMessage());
                vertx.close();
                return 1;
            }
            System.out.println("Kentongan is ready on port " + app.port() + (cfg.embedded() ? " (embedded: in-memory sessions, sandbox backend)" : "")
                    + ". Dial it: java -jar target/kentongan.jar dial --url http://localhost:" + app.port());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop().eventually(() -> vertx.close()).onComplete(ar -> stopped.countDown());
            }));
            stopped.await();
            return 0;
        }
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

    @Command(name = "smsc-sim", mixinStandardHelpOptions = true,
            description = "Run the SMSC simulator on its own, for a service started with KENTONGAN_SMSC=smpp://kentongan:sim@127.0.0.1:PORT.")
    static final class SmscSim implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "2775", description = "SMPP port (default: ${DEFAULT-VALUE})")
        int port;
        @Option(names = "--throttle-every", defaultValue = "0", description = "answer ESME_RTHROTTLED to 1 submit in N (0: never)")
        int throttleEvery;

        @Override
        public Integer call() throws Exception {
            try (id.kentongan.smpp.SmscSimulator sim = id.kentongan.smpp.SmscSimulator.start(port)) {
                System.out.println("SMSC simulator on port " + sim.port() + "; Ctrl-C to stop. Messages accepted are counted every 10 s.");
                int last = 0;
                while (true) {
                    Thread.sleep(10_000);
                    if (throttleEvery > 0) sim.throttleNext(Math.max(0, (sim.acceptedCount() - last) / throttleEvery));
                    if (sim.acceptedCount() != last) System.out.println("accepted " + sim.acceptedCount() + " submit_sm");
                    last = sim.acceptedCount();
                }
            }
        }
    }

    @Command(name = "bench-smpp", mixinStandardHelpOptions = true,
            description = "Benchmark: sustained submit_sm/s from the outbox through the SMPP client to the in-process simulator.")
    static final class BenchSmpp implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "20000") int messages;
        @Option(names = "--binds", defaultValue = "2") int binds;
        @Option(names = "--window", defaultValue = "50") int window;
        @Option(names = "--rate", defaultValue = "100000", description = "per-bind limit; high, to measure the stack itself") int rate;
        @Option(names = "--redis", description = "use this Redis for the outbox (Streams), e.g. redis://127.0.0.1:6379; default: memory")
        String redis;

        @Override
        public Integer call() throws Exception {
            return id.kentongan.smpp.SmppBenchmark.run(messages, binds, window, rate, Optional.ofNullable(redis), System.out);
        }
    }

    @Command(name = "bench-reminders", mixinStandardHelpOptions = true,
            description = "Time and Redis memory to plan reminders for N members (seeds an EMPTY Redis database, empties it after).")
    static final class BenchReminders implements Callable<Integer> {
        @Option(names = "--members", defaultValue = "1000000") int members;
        @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379/15", description = "an empty database") String redis;

        @Override
        public Integer call() throws Exception {
            return id.kentongan.reminder.ReminderBenchmark.run(redis, members, System.out);
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
                flows = id.kentongan.load.UssdLoadTest.mix(mix);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
            var report = new id.kentongan.load.UssdLoadTest(new id.kentongan.load.UssdLoadTest.Options(url, concurrency,
                    ConfigLoader.duration("--duration", duration, java.time.Duration.ofSeconds(30)), sessions, flows,
                    ConfigLoader.duration("--ramp-up", rampUp, java.time.Duration.ofSeconds(2)), code)).run(System.out);
            if (json != null) Files.writeString(json, report.encodePrettily());
            return report.getLong("errors") == 0 ? 0 : 1;
        }
    }

    @Command(name = "sms", mixinStandardHelpOptions = true,
            description = "SMS load: queue N messages and measure submit_sm/s, delivery receipts/s and window occupancy against the simulator.")
    static final class LoadTestSms implements Callable<Integer> {
        @Option(names = "--messages", defaultValue = "20000") int messages;
        @Option(names = "--binds", defaultValue = "1") int binds;
        @Option(names = "--window", defaultValue = "100") int window;
        @Option(names = "--rate", defaultValue = "100000", description = "per-bind limit") int rate;
        @Option(names = "--redis", description = "Redis for the outbox, e.g. redis://127.0.0.1:6379; default: memory") String redis;

        @Override
        public Integer call() throws Exception {
            return id.kentongan.smpp.SmppBenchmark.run(messages, binds, window, rate, Optional.ofNullable(redis), true, System.out);
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check menu files as the service would before publishing them.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "menu files")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            MenuCompiler compiler = new MenuCompiler(StandardActions.catalog());
            int bad = 0;
            for (Path f : files) {
                try {
                    Menu m = compiler.compile(f.getFileName().toString(), Files.readString(f));
                    System.out.println(f + ": OK (" + m.serviceCode() + ", " + m.screens().size() + " screens, version " + m.version() + ")");
                } catch (InvalidMenuException e) {
                    bad++;
                    e.problems().forEach(p -> System.out.println(p));
                }
            }
            return bad == 0 ? 0 : 1;
        }
    }
}
