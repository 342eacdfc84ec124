package id.kentongan.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.kentongan.Backends;
import id.kentongan.Gateway.Answer;
import id.kentongan.Gateway.Call;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.Main;
import id.kentongan.domain.Msisdn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Register, pay, the provider's signed callback, status: over real HTTP, with Redis, through two instances. */
@Tag("redis")
public class PaymentLoopTest {
    static final Pattern CODE = Pattern.compile("Kode iuran: ([\\d ]{19})");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Instances instances;
    static Kentongan a;
    static Kentongan b;

    @BeforeAll
    static void start() {
        instances = new Instances();
        a = instances.start(Instances.withRedis());
        b = instances.start(Instances.withRedis());
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    static String sid() {
        return "ATUid_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Registers a new worker from {@code phone} and asks for a payment code for 3 months; returns the code. */
    public static String registerAndGetCode(String phone, int nikIndex, int... ports) {
        Call reg = new Call(sid(), phone, ports);
        reg.dial();
        reg.press("1");
        reg.press(Instances.nik(nikIndex));
        reg.press("Darsih");
        reg.press("5");
        reg.press("1");
        assertTrue(reg.press("1").screen().startsWith("Selamat"));
        Call pay = new Call(sid(), phone, ports);
        pay.dial();
        pay.press("3");
        assertTrue(pay.press("2").screen().startsWith("Bayar 3 bulan: Rp50.400"));
        Answer done = pay.press("1");
        Matcher m = CODE.matcher(done.screen());
        assertTrue(m.find(), done.body());
        return m.group(1).replace(" ", "");
    }

    public static String status(String phone, int port) {
        Call c = new Call(sid(), phone, port);
        c.dial();
        return c.press("2").screen();
    }

    public static HttpResponse<String> callback(int port, String provider, String secret, String body, long timestamp, String signature) {
        try {
            String ts = Long.toString(timestamp);
            String sig = signature != null ? signature : Signatures.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8));
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/payments/callback/" + provider))
                    .header("Content-Type", "application/json").header("X-Timestamp", ts).header("X-Signature", sig)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String paid(String code, long amount) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"code\":\"" + code + "\",\"reference\":\"r\",\"amount\":" + amount
                + ",\"status\":\"PAID\",\"paidAt\":\"" + Instant.now() + "\",\"channel\":\"minimarket\"}";
    }

    public static String paidThrough(int monthsFromNow) {
        return YearMonth.now(ZoneId.of("Asia/Jakarta")).plusMonths(monthsFromNow).format(MONTH);
    }

    @Test
    void registerPayWithTheSandboxCommandAndStatusShowsActive() throws Exception {
        String phone = Instances.newPhone();
        String code = registerAndGetCode(phone, 40_001, a.port());
        assertTrue(status(phone, a.port()).startsWith("Status: BELUM AKTIF"));

        int exit = Main.commandLine().execute("pay", code, "--url", "http://127.0.0.1:" + b.port());
        assertEquals(0, exit, "kentongan pay");

        String after = status(phone, a.port());
        assertTrue(after.startsWith("Status: AKTIF\nNomor kartu: "), after);
        assertTrue(after.contains("Sudah bayar sampai " + paidThrough(2)), "3 months from this month: " + after);
        Msisdn who = Msisdn.parse(phone).orElseThrow();
        // Three SMS: the card number after registering, the payment code, and the receipt.
        java.util.List<String> sms = Instances.smsTo(who.value(), 3, a, b);
        java.util.List<String> receipts = sms.stream().filter(t -> t.startsWith("BPJS TK: iuran ")).toList();
        assertEquals(1, receipts.size(), sms.toString());
        assertTrue(receipts.get(0).startsWith("BPJS TK: iuran Rp50.400 (3 bulan) diterima. Nomor kartu "), receipts.get(0));
        assertEquals(3, sms.size(), sms.toString());
        assertEquals(1, Main.commandLine().execute("pay", code, "--url", "http://127.0.0.1:" + a.port()),
                "a paid code cannot be paid again");
    }

    @Test
    void aSignedCallbackCreditsOnceAndARefusedOneChangesNothing() throws Exception {
        String phone = Instances.newPhone();
        String code = registerAndGetCode(phone, 40_002, a.port(), b.port());
        String secret = Backends.SANDBOX_SECRET;
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> forged = callback(a.port(), "sandbox", secret, paid(code, 50_400), now, "00".repeat(32));
        assertEquals(401, forged.statusCode());
        assertEquals("{\"error\":\"bad signature\"}", forged.body());
        HttpResponse<String> wrongKey = callback(a.port(), "sandbox", "another-secret-entirely", paid(code, 50_400), now, null);
        assertEquals(401, wrongKey.statusCode());
        HttpResponse<String> stale = callback(a.port(), "sandbox", secret, paid(code, 50_400), now - 600, null);
        assertEquals(401, stale.statusCode());
        assertEquals("{\"error\":\"stale timestamp\"}", stale.body());
        assertEquals(400, callback(a.port(), "sandbox", secret, "not json", now, null).statusCode());
        assertEquals(404, callback(a.port(), "nobody", secret, paid(code, 50_400), now, null).statusCode());
        assertTrue(status(phone, a.port()).startsWith("Status: BELUM AKTIF"), "refused callbacks change nothing");

        HttpResponse<String> first = callback(a.port(), "sandbox", secret, paid(code, 50_400), now, null);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"status\":\"credited\""), first.body());
        HttpResponse<String> replay = callback(b.port(), "sandbox", secret, paid(code, 50_400), Instant.now().getEpochSecond(), null);
        assertEquals(200, replay.statusCode());
        assertEquals(first.body(), replay.body(), "a replay gets the same answer");

        String after = status(phone, b.port());
        assertTrue(after.contains("Sudah bayar sampai " + paidThrough(2)), "credited once, not twice: " + after);
        Instances.drained(a, b); // a second receipt, were there one, has reached the SMSC by now
        assertEquals(1, Instances.smsTo(Msisdn.parse(phone).orElseThrow().value(), 3, a, b).stream()
                .filter(t -> t.startsWith("BPJS TK: iuran ")).count(), "one receipt");
    }

    @Test
    void aCallbackForTheWrongAmountIsNotCreditedAndTheRightOneAfterItIs() {
        String phone = Instances.newPhone();
        String code = registerAndGetCode(phone, 40_003, a.port());
        HttpResponse<String> r = callback(a.port(), "sandbox", Backends.SANDBOX_SECRET, paid(code, 10_000), Instant.now().getEpochSecond(), null);
        assertEquals(409, r.statusCode());
        assertTrue(status(phone, a.port()).startsWith("Status: BELUM AKTIF"));
        // Issue 14, finding 5: a refusal is not the payment code's last word, and cents are refused, not truncated.
        HttpResponse<String> cents = callback(a.port(), "sandbox", Backends.SANDBOX_SECRET,
                paid(code, 50_400).replace("\"amount\":50400", "\"amount\":50400.99"), Instant.now().getEpochSecond(), null);
        assertEquals(400, cents.statusCode(), cents.body());
        HttpResponse<String> right = callback(a.port(), "sandbox", Backends.SANDBOX_SECRET, paid(code, 50_400), Instant.now().getEpochSecond(), null);
        assertEquals(200, right.statusCode(), "the correct callback after a refused one is credited: " + right.body());
        assertTrue(status(phone, a.port()).contains("Sudah bayar sampai " + paidThrough(2)), "credited");
    }

    @Test
    void aSignedCallbackWithOddlyTypedFieldsIsA400NotAnError() {
        // Written while fuzzing the verifier (CallbackPropertiesTest): a code sent as a number threw ClassCastException
        // in the handler (no answer but the router's 500), and 1e30 would have been wrapped into a long.
        long now = Instant.now().getEpochSecond();
        for (String body : List.of("{\"code\":8899123,\"amount\":16800,\"status\":\"PAID\"}",
                "{\"code\":\"8899\",\"amount\":1e30,\"status\":\"PAID\"}", "{\"code\":\"8899\",\"amount\":16800,\"status\":1}", "[1]")) {
            HttpResponse<String> r = callback(a.port(), "sandbox", Backends.SANDBOX_SECRET, body, now, null);
            assertEquals(400, r.statusCode(), body + " -> " + r.body());
        }
    }

    @Test
    void theSamePaymentStepAtTwoInstancesAtOnceMakesExactlyOnePaymentCode() throws Exception {
        WireMockServer provider = new WireMockServer(options().dynamicPort());
        provider.start();
        try {
            String json = "{\"code\":\"8899123412341234\",\"reference\":\"r\",\"amount\":50400,\"expiresAt\":\""
                    + Instant.now().plusSeconds(172_800) + "\",\"status\":\"PENDING\"}";
            provider.stubFor(post(urlEqualTo("/payment-codes")).willReturn(aResponse().withStatus(201).withFixedDelay(500)
                    .withHeader("Content-Type", "application/json").withBody(json)));
            provider.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));
            KentonganConfig cfg = Instances.withRedis().with(Backends.sandbox()
                    .withPayment(URI.create(provider.baseUrl()), "bank", "a-provider-secret-of-some-length"));
            try (Instances two = new Instances()) {
                Kentongan x = two.start(cfg);
                Kentongan y = two.start(cfg);
                String phone = Instances.newPhone();
                Call reg = new Call(sid(), phone, x.port());
                reg.dial();
                reg.press("1");
                reg.press(Instances.nik(40_004));
                reg.press("Warsini");
                reg.press("1");
                reg.press("1");
                reg.press("1");
                String session = sid();
                Call pay = new Call(session, phone, x.port());
                pay.dial();
                pay.press("3");
                pay.press("2");
                // The last hop reaches both instances at once, as a gateway retry racing the original would.
                String text = "3*2*1";
                CompletableFuture<Answer> atX = CompletableFuture.supplyAsync(() -> Gateway.at(x.port(), session, phone, text));
                CompletableFuture<Answer> atY = CompletableFuture.supplyAsync(() -> Gateway.at(y.port(), session, phone, text));
                Answer one = atX.get();
                Answer other = atY.get();
                assertTrue(one.screen().startsWith("Kode iuran: 8899 1234 1234 1234"), one.body());
                assertEquals(one, other);
                provider.verify(1, postRequestedFor(urlEqualTo("/payment-codes")));
            }
        } finally {
            provider.stop();
        }
    }

    @Test
    void aSlowCoreSystemGivesTheBusyScreenWithinTheHop() {
        WireMockServer core = new WireMockServer(options().dynamicPort());
        core.start();
        try {
            core.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("{}")));
            KentonganConfig cfg = Instances.config(Optional.of(Instances.REDIS), Path.of("menus"), Duration.ZERO, Duration.ofSeconds(5))
                    .with(Backends.sandbox().withCore(URI.create(core.baseUrl())).withTimeouts(Duration.ofMillis(300), 5, Duration.ofSeconds(30)));
            try (Instances one = new Instances()) {
                Kentongan k = one.start(cfg);
                Call c = new Call(sid(), Instances.newPhone(), k.port());
                c.dial();
                assertEquals(new Answer(200, "END Layanan sedang sibuk, silakan coba lagi."), c.press("2"));
            }
        } finally {
            core.stop();
        }
    }
}
