package id.kentongan.payment;

import id.kentongan.Instances;
import id.kentongan.Kentongan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14, finding 8: {@code POST /sandbox/payments/{code}/pay} credited a code without authentication, on every
 * interface. It now answers only callers on this machine, even when the service listens on all interfaces.
 */
@Tag("redis")
class SandboxCounterTest {
    static Optional<InetAddress> anotherAddressOfThisMachine() throws Exception {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) if (a instanceof Inet4Address) return Optional.of(a);
        }
        return Optional.empty();
    }

    static int pay(String host, int port, String code) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/sandbox/payments/" + code + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theSandboxBankCounterPaysOnlyForCallersOnThisMachine() throws Exception {
        Optional<InetAddress> lan = anotherAddressOfThisMachine();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no address besides loopback to call from");
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(Instances.withRedis().withHttpHost("0.0.0.0"));
            String code = PaymentLoopTest.registerAndGetCode(Instances.newPhone(), 41_001, k.port());
            assertEquals(403, pay(lan.get().getHostAddress(), k.port(), code), "from " + lan.get().getHostAddress());
            int fromHere = pay("127.0.0.1", k.port(), code);
            assertTrue(fromHere == 200, "the code was still unpaid and pays from loopback: " + fromHere);
        }
    }
}
