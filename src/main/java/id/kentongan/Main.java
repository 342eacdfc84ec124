package id.kentongan;

import id.kentongan.actions.StandardActions;
import id.kentongan.menu.InvalidMenuException;
import id.kentongan.menu.Menu;
import id.kentongan.menu.MenuCompiler;
import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.store.Blocking;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar target/kentongan.jar serve | dial | validate}. */
@Command(name = "kentongan", mixinStandardHelpOptions = true, version = "kentongan 0.1",
        description = "USSD/SMS gateway for BPJS Ketenagakerjaan JKK + JKM cover of informal workers.",
        subcommands = {Main.Serve.class, Main.Validate.class})
public final class Main {
    public static void main(String[] args) {
        // One log line (JSON when asked), never a raw stack trace on stderr, for whatever a library thread throws.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> org.slf4j.LoggerFactory.getLogger(Main.class)
                .error("uncaught in thread {}: {}", thread.getName(), e.toString()));
        int code = commandLine().execute(args);
        if (code != 0) System.exit(code);
    }

    /** How long SIGTERM waits for in-flight work and the SMSC unbind. */
    static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(20);

    /** The whole command line: serve and validate, and, in a build that carries the developer tools, theirs. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        DevTools.find().ifPresent(tools -> tools.commands().forEach(cli::addSubcommand));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("kentongan " + commandLine.getCommandName() + ": " + plainly(e));
            return 1;
        });
        return cli;
    }

    /** One line a newcomer can act on, for what a command may meet; never a stack trace. */
    static String plainly(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof java.nio.file.NoSuchFileException f) return "no such file: " + f.getFile() + " (check the path)";
        if (c instanceof java.nio.file.AccessDeniedException f) return "cannot read " + f.getFile() + " (permission denied)";
        if (c instanceof java.net.ConnectException || c instanceof java.net.http.HttpConnectTimeoutException) {
            return "cannot connect to the service (is it running? start it with: java -jar target/kentongan.jar serve; "
                    + "pass its address with --url)";
        }
        if (c instanceof java.net.BindException) return portInUse(c);
        if (c instanceof IllegalArgumentException || c instanceof IllegalStateException) return String.valueOf(c.getMessage());
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** "Address already in use" says nothing of the port: this does, and how to choose another. */
    static String portInUse(Throwable e) {
        return "the port is already in use (" + e.getMessage() + "): stop what uses it, or choose another port with "
                + "KENTONGAN_HTTP_PORT=8081 (or http.port in the configuration file)";
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
            // As many loops as serve HTTP: the Redis connections' I/O then lands on one of them, not on a loop no verticle uses.
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(cfg.limits().eventLoops()));
            CountDownLatch stopped = new CountDownLatch(1);
            Kentongan app;
            try {
                app = Blocking.await(Kentongan.start(vertx, cfg, Clock.system(cfg.zone()),
                        DevTools.find().map(DevTools::smsc).orElse(EmbeddedSmsc.Factory.NONE)));
            } catch (Exception e) {
                System.err.println("kentongan: cannot start on port " + cfg.httpPort() + ": "
                        + (String.valueOf(e.getMessage()).contains("Address already in use") ? portInUse(e) : plainly(e)));
                vertx.close();
                return 1;
            }
            System.out.println("Kentongan is ready on port " + app.port() + (cfg.embedded() ? " (embedded: in-memory sessions, sandbox backend)" : "")
                    + ". Dial it: java -jar target/kentongan.jar dial --url http://localhost:" + app.port());
            // SIGTERM: the JVM ends when this hook returns, so it waits (bounded) for the stop — in-flight submits
            // finished, the SMSC unbound — instead of only starting it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Blocking.await(app.stop(), SHUTDOWN_WAIT);
                } catch (Exception e) {
                    System.err.println("kentongan: stopped without finishing within " + SHUTDOWN_WAIT + ": " + e);
                } finally {
                    // Not chained to stop(): a callback on an event loop that close() terminates would never run.
                    vertx.close();
                    stopped.countDown();
                }
            }, "shutdown"));
            stopped.await();
            return 0;
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
                    MenuCompiler.Measured measured = compiler.measure(f.getFileName().toString(), Files.readString(f));
                    Menu m = measured.menu();
                    System.out.println(f + ": OK (" + m.serviceCode() + ", " + m.screens().size() + " screens, version " + m.version() + ")");
                    // Every language of every screen, values at their longest, re-prompt hint included.
                    for (MenuCompiler.Fit fit : measured.fits()) {
                        System.out.println("  " + fit.language() + ": " + fit.pages() + " pages fit; longest " + fit.longest() + " of "
                                + fit.limit() + " characters (" + fit.screen() + ")");
                    }
                } catch (InvalidMenuException e) {
                    bad++;
                    e.problems().forEach(p -> System.out.println(p));
                }
            }
            return bad == 0 ? 0 : 1;
        }
    }
}
