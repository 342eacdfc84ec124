package id.kentongan;

import id.kentongan.Gateway.Answer;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.member.Registration;
import id.kentongan.store.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quotas at their production values (issue 14), each raced by parallel requests: a count read and then written
 * would let a burst through; these are counted atomically before the work they guard. Also finding 3: a registered
 * NIK tells its KPJ only to the number it belongs to.
 */
@Tag("redis")
class LimitsTest {
    static Instances instances;
    static Kentongan k;
    static ExecutorService pool;
    static int nik = 71_000; // NIK indexes of this test (see Instances.nik)

    @BeforeAll
    static void start() {
        instances = new Instances();
        k = instances.start(Instances.withRedis().withRedisNamespace(Instances.newNamespace()).with(Limits.defaults()));
        pool = Executors.newFixedThreadPool(40);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        instances.close();
    }

    static String phone() {
        return Msisdn.parse(Instances.newPhone()).orElseThrow().value();
    }

    static <T> List<T> atOnce(int n, Supplier<T> call) {
        List<CompletableFuture<T>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(CompletableFuture.supplyAsync(call, pool));
        return all.stream().map(CompletableFuture::join).toList();
    }

    static Member registered(String phone) {
        Registration r = new Registration(new Nik(Instances.nik(nik++)), "Sri Rahayu", new Msisdn(phone), Occupation.LAINNYA,
                new ContributionPlan(ContributionPlan.MIN_INCOME));
        return Instances.await(k.members().register(r, UUID.randomUUID().toString())).member();
    }

    @Test
    void sixtyHopsAtOnceFromOneNumberGetThirtyScreensAndThirtyClearRefusals() {
        String phone = phone();
        List<Answer> answers = atOnce(60, () -> Gateway.at(k.port(), "q-" + UUID.randomUUID(), phone, ""));
        long served = answers.stream().filter(a -> a.body().startsWith("CON Kentongan BPJS")).count();
        long refused = answers.stream().filter(a -> a.body().equals("END Terlalu banyak permintaan. Coba lagi 1 menit lagi.\nToo many requests. Try again in a minute.")).count();
        assertEquals(30, served, answers.toString());
        assertEquals(30, refused, answers.toString());
        assertTrue(Gateway.at(k.port(), "q-other", phone(), "").body().startsWith("CON Kentongan BPJS"), "another number is not held back");
    }

    @Test
    void aRegisteredNikTellsItsKpjOnlyToItsOwnNumber() throws Exception {
        String owner = phone();
        Member m = registered(owner);
        String masked = "0" + owner.substring(2, 5) + "****" + owner.substring(owner.length() - 3);
        // Finding 3: "1*<someone's NIK>" from any phone answered "NIK ini sudah terdaftar. No. KPJ: 26000000002".
        Answer stranger = Gateway.at(k.port(), "n-" + UUID.randomUUID(), phone(), "1*" + m.nik().value());
        assertEquals("END NIK ini sudah terdaftar dari nomor " + masked + ". Cek status dari nomor itu atau hubungi agen Perisai.", stranger.body());
        assertFalse(stranger.body().contains(m.kpj()));
        // The owner's phone is told at once, before any NIK (issue 16): its own card number.
        Answer own = Gateway.at(k.port(), "n-" + UUID.randomUUID(), owner, "1*" + m.nik().value());
        assertTrue(own.body().contains("Nomor kartu (KPJ): " + m.kpj()), own.body());

        // The same by SMS.
        String other = phone();
        Instances.simulator(k).mo(other, "567", "DAFTAR#" + m.nik().value() + "#Budi");
        List<String> reply = Instances.smsTo(other, 1, k);
        assertEquals(List.of("NIK ini sudah terdaftar dari nomor " + masked + ". Cek status dari nomor itu atau hubungi agen Perisai."), reply);
    }

    @Test
    void nikLookUpsFromOneNumberStopAtTenADayEvenWhenSentAtOnce() {
        String prober = phone();
        String someone = registered(phone()).nik().value();
        List<Answer> answers = atOnce(25, () -> Gateway.at(k.port(), "p-" + UUID.randomUUID(), prober, "1*" + someone));
        long answered = answers.stream().filter(a -> a.body().startsWith("END NIK ini sudah terdaftar dari nomor")).count();
        long limited = answers.stream().filter(a -> a.body().equals("END Batas pemeriksaan NIK hari ini tercapai. Coba lagi besok atau hubungi agen Perisai.")).count();
        assertEquals(10, answered, answers.toString());
        assertEquals(15, limited, answers.toString());
    }

    @Test
    void fifteenSmsAtOnceGetTenAnswersAndOneWarningThenSilence() throws Exception {
        String flooder = phone();
        for (int i = 0; i < 15; i++) Instances.simulator(k).mo(flooder, "567", "BANTUAN");
        List<String> replies = Instances.smsTo(flooder, 11, k);
        Instances.drained(k);
        replies = Instances.smsTo(flooder, 11, k);
        assertEquals(11, replies.size(), replies.toString());
        assertEquals(10, replies.stream().filter(r -> r.startsWith("Kentongan BPJS TK: DAFTAR#NIK#NAMA")).count(), replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.equals("Terlalu banyak SMS dari nomor ini. Tunggu 1 menit, lalu kirim lagi.")).count());
    }

    @Test
    void fortyWrongAdminTokensAtOnceGetTwentyChecksAndThenEvenTheRightTokenWaits() {
        List<Integer> statuses = atOnce(40, () -> new AdminClient(k.port(), "guess-" + UUID.randomUUID()).get("/admin/campaigns").statusCode());
        assertEquals(20, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(429, AdminClient.admin(k).get("/admin/campaigns").statusCode(), "refused for the window, whatever the token");
        assertEquals(401, new AdminClient(k.port(), null).get("/admin/campaigns").statusCode(), "no token offered: nothing guessed");
    }
}
