package id.kentongan.payment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** Payment codes for demo mode and tests, valid for two days, idempotent per key for as long as the code is valid. */
public final class SandboxPaymentService implements PaymentService {
    static final Duration VALIDITY = Duration.ofDays(2);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, PaymentCode> issued = Caffeine.newBuilder().expireAfterWrite(VALIDITY).maximumSize(1_000_000).build();

    public SandboxPaymentService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Future<PaymentCode> issueCode(PaymentRequest r) {
        if (r.months() < 1 || r.amount() <= 0) return Future.failedFuture(new IllegalArgumentException("nothing to pay"));
        PaymentCode code = issued.get(r.idempotencyKey(), k -> new PaymentCode(
                "8899" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L)),
                r.amount(), clock.instant().plus(VALIDITY)));
        return Future.succeededFuture(code);
    }
}
