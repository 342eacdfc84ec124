package id.kentongan.menu;

import id.kentongan.actions.StandardActions;
import id.kentongan.smpp.SmsSegments;
import id.kentongan.text.Gsm7;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** JMH: the engine's per-hop work, apart from any I/O. Run with {@code mvn -q -B -Pbench test-compile exec:exec}. */
@State(Scope.Benchmark)
public class EngineBenchmark {
    MenuEngine engine = new MenuEngine();
    Menu menu;
    SessionState atNik;
    SessionState atConfirm;
    String receipt = "BPJS TK: iuran Rp50.400 (3 bln) diterima. KPJ 26000000002 aktif s.d. 01/2027. Terima kasih.";

    @Setup
    public void load() throws Exception {
        menu = new MenuCompiler(StandardActions.catalog()).compile("bpu.yaml", Files.readString(Path.of("menus/bpu.yaml")));
        atNik = engine.step(menu, engine.start(menu, "id").state(), "1").state();
        Step quote = engine.step(menu, atNik, "3302145507900002");
        Step name = engine.afterEffect(menu, quote.state(), ActionOutcome.of("available"));
        Step job = engine.step(menu, engine.step(menu, name.state(), "Siti Aminah").state(), "5");
        Step q = engine.step(menu, job.state(), "2");
        atConfirm = engine.afterEffect(menu, q.state(), new ActionOutcome("ok", Map.of("jkk", "15000", "jkm", "6800", "monthly", "21800"))).state();
    }

    /** A NIK typed: checked (structure and birth date), stored, and the action it leads to returned. */
    @Benchmark
    public Step stepWithNikInput() {
        return engine.step(menu, atNik, "3302145507900002");
    }

    /** The confirmation screen rendered with templating ({name}, {income|rp}, {monthly|rp}). */
    @Benchmark
    public Reply renderConfirmScreen() {
        return engine.current(menu, atConfirm);
    }

    @Benchmark
    public byte[] gsm7Encode() {
        return Gsm7.encode(receipt);
    }

    @Benchmark
    public SmsSegments segmentLongText() {
        return SmsSegments.of(receipt + " " + receipt, 7);
    }
}
