package id.kentongan;

import id.kentongan.payment.DokuPaymentService;
import id.kentongan.payment.MidtransPaymentService;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the core system and the payment provider are, and how patient to be with them. No URL means the sandbox.
 * {@code paymentProvider} chooses the adapter: {@code midtrans}, {@code doku}, or any other name for a provider keeping
 * the own contract (ops/api/payment-provider.yaml; its callbacks arrive at /payments/callback/{name}).
 * Timeouts default to 2 s so that two calls still fit one USSD hop; the circuit opens after {@code circuitMaxFailures}
 * failures in a row and tries again after {@code circuitReset}.
 */
public record Backends(Optional<URI> coreUrl, Duration coreTimeout, Optional<URI> paymentUrl, Duration paymentTimeout,
                       String paymentProvider, String paymentSecret, int circuitMaxFailures, Duration circuitReset,
                       Duration statusCacheTtl, String paymentClientId, String paymentChannel) {
    /** The secret the sandbox signs its callbacks with; refused for a real provider. */
    public static final String SANDBOX_SECRET = "sandbox-secret-not-for-production";

    public static Backends sandbox() {
        return new Backends(Optional.empty(), Duration.ofSeconds(2), Optional.empty(), Duration.ofSeconds(2), "sandbox",
                SANDBOX_SECRET, 5, Duration.ofSeconds(30), Duration.ofSeconds(30), "", "");
    }

    public Backends {
        List<String> wrong = new ArrayList<>();
        if (coreTimeout.isNegative() || coreTimeout.isZero()) wrong.add("core.timeout must be positive, was " + coreTimeout);
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) wrong.add("payment.timeout must be positive, was " + paymentTimeout);
        if (circuitMaxFailures < 1) wrong.add("backend.circuitMaxFailures must be at least 1, was " + circuitMaxFailures);
        if (circuitReset.isNegative() || circuitReset.isZero()) wrong.add("backend.circuitReset must be positive, was " + circuitReset);
        if (statusCacheTtl.isNegative() || statusCacheTtl.isZero()) wrong.add("backend.statusCacheTtl must be positive, was " + statusCacheTtl);
        if (paymentProvider == null || !paymentProvider.matches("[a-z0-9_-]{1,32}")) {
            wrong.add("payment.provider must be a short lower-case name, was " + paymentProvider);
        }
        if (paymentUrl.isPresent() && (paymentSecret == null || paymentSecret.length() < 16 || SANDBOX_SECRET.equals(paymentSecret))) {
            wrong.add("payment.callbackSecret must be the provider's secret (16 characters or more) when payment.url is set");
        }
        if (paymentUrl.isPresent() && "midtrans".equals(paymentProvider) && !paymentChannel.isBlank() && !MidtransPaymentService.CHANNELS.containsKey(paymentChannel)) {
            wrong.add("payment.channel for midtrans is one of " + MidtransPaymentService.CHANNELS.keySet() + " (" + MidtransPaymentService.DEFAULT_CHANNEL + " when not set), was " + paymentChannel);
        }
        if (paymentUrl.isPresent() && "doku".equals(paymentProvider)) {
            if (!paymentChannel.isBlank() && !DokuPaymentService.CHANNELS.containsKey(paymentChannel)) {
                wrong.add("payment.channel for doku is one of " + DokuPaymentService.CHANNELS.keySet() + " (" + DokuPaymentService.DEFAULT_CHANNEL + " when not set), was " + paymentChannel);
            }
            if (paymentClientId == null || paymentClientId.isBlank()) wrong.add("payment.clientId (DOKU's Client-Id) is required for doku");
        }
        if (paymentUrl.isEmpty() && ("midtrans".equals(paymentProvider) || "doku".equals(paymentProvider))) {
            wrong.add("payment.url is required for " + paymentProvider + " (its sandbox or production API)");
        }
        if (!wrong.isEmpty()) throw new IllegalArgumentException("invalid configuration: " + String.join("; ", wrong));
    }

    public Backends withCore(URI url) {
        return new Backends(Optional.of(url), coreTimeout, paymentUrl, paymentTimeout, paymentProvider, paymentSecret,
                circuitMaxFailures, circuitReset, statusCacheTtl, paymentClientId, paymentChannel);
    }

    public Backends withPayment(URI url, String provider, String secret) {
        return withPayment(url, provider, secret, paymentClientId, paymentChannel);
    }

    /** A provider with an adapter of its own: {@code clientId} for DOKU, {@code channel} the bank or store. */
    public Backends withPayment(URI url, String provider, String secret, String clientId, String channel) {
        return new Backends(coreUrl, coreTimeout, Optional.of(url), paymentTimeout, provider, secret, circuitMaxFailures,
                circuitReset, statusCacheTtl, clientId, channel);
    }

    public Backends withTimeouts(Duration timeout, int maxFailures, Duration reset) {
        return new Backends(coreUrl, timeout, paymentUrl, timeout, paymentProvider, paymentSecret, maxFailures, reset, statusCacheTtl,
                paymentClientId, paymentChannel);
    }
}
