package id.kentongan.session;

import id.kentongan.text.DataKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: a mid-registration session to and from its stored JSON, as every hop does once each. */
@State(Scope.Benchmark)
public class CodecBenchmark {
    SessionCodec codec = new SessionCodec(DataKey.random()); // the typed values sealed, as in the service
    UssdSession session = SessionStoreContract.midRegistration("ATUid_0123456789abcdef");
    String json = codec.encode(session);

    @Benchmark
    public String encode() {
        return codec.encode(session);
    }

    @Benchmark
    public UssdSession decode() {
        return codec.decode(json);
    }
}
