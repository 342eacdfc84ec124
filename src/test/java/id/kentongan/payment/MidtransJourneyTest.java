package id.kentongan.payment;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.kentongan.Backends;
import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.domain.Msisdn;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static id.kentongan.payment.PaymentLoopTest.paidThrough;
import static id.kentongan.payment.PaymentLoopTest.sid;
import static id.kentongan.payment.PaymentLoopTest.status;
import static id.kentongan.payment.ProviderSamples.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A worker pays through Midtrans (WireMock answering with Midtrans' documented samples): USSD, the BNI virtual account
 * on the screen and by SMS, Midtrans' notifications, the status, the receipt. On Redis, over real HTTP.
 */
@Tag("redis")
class MidtransJourneyTest {
    static final String KEY = MidtransPaymentServiceTest.SERVER_KEY;
    static final Pattern VA = Pattern.compile("Kode iuran: BNI VA ([\\d ]+)\\n");
    static WireMockServer midtrans;
    static Instances instances;
    static Kentongan k;
    /** Each charge gets the next account number, as Midtrans would give a new one per order. */
    static final AtomicLong NEXT_VA = new AtomicLong(8578000000111111L);

    @BeforeAll
    static void start() {
        midtrans = new WireMockServer(options().dynamicPort());
        midtrans.start();
        midtrans.stubFor(get(urlMatching("/v2/.*/status")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(sample("midtrans/status-404.json"))));
        instances = new Instances();
        KentonganConfig c = Instances.withRedis().with(Backends.sandbox().withPayment(URI.create(midtrans.baseUrl()), "midtrans", KEY, "", "bni"));
        k = instances.start(c);
    }

    @AfterAll
    static void stop() {
        instances.close();
        midtrans.stop();
    }

    /** Midtrans' answers for the next charge and its status ({@code transaction_status}); returns the account number. */
    static void midtransSays(String orderId, long amount, String va, String transactionStatus, String statusCode) {
        midtrans.stubFor(get(urlEqualTo("/v2/" + orderId + "/status")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(sample("midtrans/status-bni.json", "order_id", orderId,
                        "gross_amount", Long.toString(amount), "va_number", va, "status_code", statusCode, "transaction_status", transactionStatus))));
    }

    /** Registers a worker and asks for 3 months through *567#; returns Midtrans' order id and the VA shown. */
    static String[] registerAndPay(String phone, int nik) {
        Call reg = new Call(sid(), phone, k.port());
        reg.dial();
        reg.press("1");
        reg.press(Instances.nik(nik));
        reg.press("Darsih");
        reg.press("5");
        reg.press("1");
        assertTrue(reg.press("1").screen().startsWith("Selamat"));
        return pay(phone);
    }

    static String[] pay(String phone) {
        String va = Long.toString(NEXT_VA.incrementAndGet());
        // The charge is answered with the order id it carried: Midtrans echoes it.
        midtrans.stubFor(post(urlEqualTo("/v2/charge")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(sample("midtrans/charge-bni-201.json", "order_id", "{{jsonPath request.body '$.transaction_details.order_id'}}",
                        "gross_amount", "50400", "va_number", va)).withTransformers("response-template")));
        Call pay = new Call(sid(), phone, k.port());
        pay.dial();
        pay.press("3");
        pay.press("2");
        String done = pay.press("1").screen();
        Matcher m = VA.matcher(done);
        assertTrue(m.find(), done);
        List<String> orders = new ArrayList<>();
        midtrans.findAll(postRequestedFor(urlEqualTo("/v2/charge"))).forEach(r -> orders.add(new JsonObject(r.getBodyAsString())
                .getJsonObject("transaction_details").getString("order_id")));
        return new String[] {orders.get(orders.size() - 1), m.group(1).replace(" ", "")};
    }

    static HttpResponse<String> notify(String orderId, String va, String transactionStatus, String statusCode, String signature) {
        String sig = signature != null ? signature : MidtransPaymentService.signature(orderId, statusCode, "50400.00", KEY);
        String body = sample("midtrans/notification.json", "order_id", orderId, "gross_amount", "50400", "va_number", va,
                "transaction_status", transactionStatus, "status_code", statusCode, "signature_key", sig);
        try {
            return PaymentLoopTest.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + k.port() + "/payments/callback/midtrans"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWorkerPaysAtTheAtmAndIsCoveredWithAReceipt() throws Exception {
        String phone = Instances.newPhone();
        String[] order = registerAndPay(phone, 45_001);
        String orderId = order[0];
        String va = order[1];
        assertEquals(Long.toString(NEXT_VA.get()), va, "the account number Midtrans gave is on the screen");
        Msisdn who = Msisdn.parse(phone).orElseThrow();
        List<String> sms = Instances.smsTo(who.value(), 2, k);
        assertTrue(sms.stream().anyMatch(t -> t.startsWith("BPJS TK: kode bayar BNI VA " + va.replaceAll("(\\d{4})(?=\\d)", "$1 ") + ", Rp50.400 (3 bulan).")), sms.toString());

        // The worker pays at an ATM; Midtrans notifies, and says so when asked.
        midtransSays(orderId, 50_400, va, "settlement", "200");
        HttpResponse<String> r = notify(orderId, va, "settlement", "200", null);
        assertEquals(200, r.statusCode(), r.body());
        String after = status(phone, k.port());
        assertTrue(after.startsWith("Status: AKTIF") && after.contains("Sudah bayar sampai " + paidThrough(2)), after);
        List<String> all = Instances.smsTo(who.value(), 3, k);
        assertEquals(1, all.stream().filter(t -> t.startsWith("BPJS TK: iuran Rp50.400 (3 bulan) diterima.")).count(), all.toString());
    }

    @Test
    void aWrongSignatureChangesNothingAndPendingThenSettlementCreditsOnce() {
        String phone = Instances.newPhone();
        String[] order = registerAndPay(phone, 45_002);
        midtransSays(order[0], 50_400, order[1], "settlement", "200");
        HttpResponse<String> forged = notify(order[0], order[1], "settlement", "200", "0".repeat(128));
        assertEquals(401, forged.statusCode());
        assertEquals("{\"error\":\"bad signature\"}", forged.body());
        assertTrue(status(phone, k.port()).startsWith("Status: BELUM AKTIF"), "nothing changed");

        midtransSays(order[0], 50_400, order[1], "pending", "201");
        HttpResponse<String> pending = notify(order[0], order[1], "pending", "201", null);
        assertEquals(200, pending.statusCode());
        assertTrue(status(phone, k.port()).startsWith("Status: BELUM AKTIF"), "pending credits nothing");
        midtransSays(order[0], 50_400, order[1], "settlement", "200");
        assertEquals(200, notify(order[0], order[1], "settlement", "200", null).statusCode());
        assertEquals(200, notify(order[0], order[1], "settlement", "200", null).statusCode(), "a replay: the first answer again");
        assertTrue(status(phone, k.port()).contains("Sudah bayar sampai " + paidThrough(2)), "credited once");
    }

    @Test
    void aSettlementNotifiedBeforeMidtransConfirmsItIsNotCredited() {
        String phone = Instances.newPhone();
        String[] order = registerAndPay(phone, 45_003);
        midtransSays(order[0], 50_400, order[1], "pending", "201");
        HttpResponse<String> early = notify(order[0], order[1], "settlement", "200", null);
        assertEquals(409, early.statusCode(), "the notification alone is not money: " + early.body());
        assertTrue(status(phone, k.port()).startsWith("Status: BELUM AKTIF"));
        midtransSays(order[0], 50_400, order[1], "settlement", "200");
        assertEquals(200, notify(order[0], order[1], "settlement", "200", null).statusCode(), "Midtrans retries; now it is");
        assertTrue(status(phone, k.port()).startsWith("Status: AKTIF"));
    }

    @Test
    void twentySettlementsAtOnceCreditOnce() throws Exception {
        String phone = Instances.newPhone();
        String[] order = registerAndPay(phone, 45_004);
        midtransSays(order[0], 50_400, order[1], "settlement", "200");
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) all.add(CompletableFuture.supplyAsync(() -> notify(order[0], order[1], "settlement", "200", null)));
        for (CompletableFuture<HttpResponse<String>> f : all) {
            int s = f.get().statusCode();
            assertTrue(s == 200 || s == 503, "credited, or 'being recorded, retry' for one that came while the first worked: " + s);
        }
        assertTrue(status(phone, k.port()).contains("Sudah bayar sampai " + paidThrough(2)), "three months, not sixty");
        Instances.drained(k);
        assertEquals(1, Instances.smsTo(Msisdn.parse(phone).orElseThrow().value(), 3, k).stream()
                .filter(t -> t.startsWith("BPJS TK: iuran ")).count(), "one receipt");
    }

    @Test
    void anExpiredOrderIsClosedAndTheNextPaymentMakesANewOne() {
        String phone = Instances.newPhone();
        String[] first = registerAndPay(phone, 45_005);
        midtransSays(first[0], 50_400, first[1], "expire", "407");
        assertEquals(200, notify(first[0], first[1], "expire", "407", null).statusCode());
        // A settlement for a closed order (it cannot happen, unless forged with the key) credits nothing.
        assertEquals(409, notify(first[0], first[1], "settlement", "200", null).statusCode());
        String[] second = pay(phone);
        assertNotEquals(first[0], second[0], "a new order");
        assertNotEquals(first[1], second[1], "a new account number");
        midtransSays(second[0], 50_400, second[1], "settlement", "200");
        assertEquals(200, notify(second[0], second[1], "settlement", "200", null).statusCode());
        assertTrue(status(phone, k.port()).contains("Sudah bayar sampai " + paidThrough(2)));
    }
}
