package id.kentongan;

import id.kentongan.smpp.EmbeddedSmsc;
import id.kentongan.tools.DevCommands;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the production code reaches the tools without naming them: a ServiceLoader for Main, a factory for the root. */
class CompositionRootTest {

    @Test
    void theCommandLineFindsTheToolsThroughTheServiceLoader() {
        DevTools tools = DevTools.find().orElseThrow();
        assertInstanceOf(DevCommands.class, tools);
        CommandLine cli = Main.commandLine();
        for (String command : new String[]{"serve", "validate", "dial", "pay", "smsc-sim", "bench-smpp", "bench-reminders", "loadtest"}) {
            assertTrue(cli.getSubcommands().containsKey(command), command + " in " + cli.getSubcommands().keySet());
        }
    }

    @Test
    void withoutAnSmscAndWithoutTheSimulatorTheServiceRefusesToStartSayingWhy() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            KentonganConfig embedded = Instances.config(Optional.empty(), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5));
            Throwable why = Kentongan.start(vertx, embedded, Clock.systemUTC(), EmbeddedSmsc.Factory.NONE)
                    .toCompletionStage().toCompletableFuture().handle((k, e) -> e).get(30, TimeUnit.SECONDS);
            assertTrue(why != null && String.valueOf(why.getMessage()).contains("set KENTONGAN_SMSC"), String.valueOf(why));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
