package id.kentongan.session;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: a mid-registration session to and from its stored JSON, as every hop does once each. */
@State(Scope.Benchmark)
public class CodecBenchmark {
    UssdSession session = SessionStoreContract.midRegistration("ATUid_0123456789abcdef");
    String json = SessionCodec.encode(session);

    @Benchmark
    public String encode() {
        return SessionCodec.encode(session);
    }

    @Benchmark
    public UssdSession decode() {
        return SessionCodec.decode(json);
    }
}
