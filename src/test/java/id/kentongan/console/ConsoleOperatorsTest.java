package id.kentongan.console;

import id.kentongan.AdminClient;
import id.kentongan.Gateway;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import id.kentongan.community.Groups;
import id.kentongan.community.Ledger;
import id.kentongan.domain.Msisdn;
import id.kentongan.domain.Nik;
import id.kentongan.member.ContributionPlan;
import id.kentongan.member.Member;
import id.kentongan.member.Occupation;
import id.kentongan.member.SandboxMembershipService;
import id.kentongan.store.RedisTtlStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 in a real headless Chromium: an editor sends a campaign to a group and watches it delivered; an admin
 * creates an agent and resets its PIN; a viewer finds no write button; the report's charts show the API's numbers (and
 * are saved as target/console-report.png); every page in English has no Indonesian left, and the reverse.
 */
@Tag("redis")
class ConsoleOperatorsTest {
    private static int nik = 98_000; // NIK indexes of this test only
    static Instances instances;
    static Kentongan k;
    static KentonganConfig cfg;

    @BeforeAll
    static void start() {
        instances = new Instances();
        cfg = Instances.isolated(); // a core system, groups and counters of its own
        k = instances.start(cfg);
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    static WebDriver signedIn(String token) throws Exception {
        WebDriver browser = Chromium.open();
        browser.get("http://127.0.0.1:" + k.port() + "/console");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.id("signin")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElement(By.id("who")).getText().isEmpty());
        return browser;
    }

    static void tab(WebDriver browser, String name) {
        browser.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
    }

    static Member member(String name, Occupation occupation, YearMonth paidThrough, String district) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        String n = Instances.nik(nik++);
        Member m = new Member(Long.toString(28_100_000_000L + Math.abs(UUID.randomUUID().hashCode() % 400_000_000)),
                new Nik(district == null ? n : district + n.substring(6)), name, Msisdn.parse(Instances.newPhone()).orElseThrow(), occupation,
                new ContributionPlan(1_000_000), today.minusMonths(nik % 3).withDayOfMonth(3), paidThrough);
        Instances.await(((SandboxMembershipService) k.members()).put(m));
        return m;
    }

    @Test
    void anEditorSendsACampaignToAGroupAndWatchesEveryMessageDelivered() throws Exception {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        String group = "Koperasi Ajibarang " + UUID.randomUUID().toString().substring(0, 4);
        JsonArray numbers = new JsonArray();
        for (int i = 0; i < 3; i++) numbers.add(member("ANGGOTA " + (char) ('A' + i), Occupation.PEDAGANG_KAKI_LIMA, now, null).msisdn().value());
        assertEquals(200, AdminClient.admin(k).send("PUT", "/admin/groups/" + Groups.code(group) + "/members",
                new JsonObject().put("msisdns", numbers)).statusCode());
        assertEquals(201, AdminClient.admin(k).send("POST", "/admin/groups", new JsonObject().put("name", group)).statusCode());
        WebDriver browser = signedIn(Instances.EDITOR_TOKEN);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            tab(browser, "campaigns");
            wait.until(d -> !d.findElements(By.xpath("//select[@id='c-group']/option[@value='" + group + "']")).isEmpty());
            new Select(browser.findElement(By.id("c-group"))).selectByValue(group);
            browser.findElement(By.id("c-audience")).click();
            wait.until(ExpectedConditions.textToBe(By.id("c-audience-count"), "Menjangkau 3 orang"));
            browser.findElement(By.id("c-name")).sendKeys("Rapat koperasi");
            browser.findElement(By.id("c-text-id")).sendKeys("Yth {name}, rapat koperasi Sabtu jam 9. Daftar asuransi kerja: {ussd}");
            browser.findElement(By.id("c-text-jv")).sendKeys("{name}, rapat koperasi Setu jam 9. Daftar asuransi kerja: {ussd}");
            browser.findElement(By.id("c-preview")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-previews"), "Basa Banyumasan"));
            assertTrue(browser.findElement(By.id("c-previews")).getText().contains("GSM-7"), browser.findElement(By.id("c-previews")).getText());
            browser.findElement(By.id("c-send")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("c-status"), "Kampanye dibuat:"));
            String id = browser.findElement(By.id("c-status")).getText().replace("Kampanye dibuat:", "").strip();
            // The outreach thread is manual in tests: tick until the page shows every message delivered.
            var campaigns = k.campaigns().orElseThrow();
            By delivered = By.cssSelector(".campaign[data-id='" + id + "'] .progress.delivered");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
                campaigns.tick(100);
                List<WebElement> e = d.findElements(delivered);
                return !e.isEmpty() && e.get(0).getAttribute("data-value").equals("3");
            });
            WebElement card = browser.findElement(By.cssSelector(".campaign[data-id='" + id + "']"));
            assertEquals("3", card.findElement(By.cssSelector(".progress.targeted")).getAttribute("data-value"));
            assertEquals("0", card.findElement(By.cssSelector(".progress.failed")).getAttribute("data-value"));
            wait.until(d -> d.findElement(By.cssSelector(".campaign[data-id='" + id + "']")).getAttribute("data-state").equals("completed"));
            for (Object n : numbers) assertEquals(1, Instances.smsTo(n.toString(), 1, k).size(), "one message to " + n);
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAdminCreatesAnAgentAndResetsItsPin() throws Exception {
        String agent = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
        WebDriver browser = signedIn(Instances.ADMIN_TOKEN);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            tab(browser, "community");
            browser.findElement(By.id("a-msisdn")).sendKeys(agent);
            browser.findElement(By.id("a-name")).sendKeys("Siti Aminah");
            browser.findElement(By.id("a-area")).sendKeys("Ajibarang");
            browser.findElement(By.id("a-groups")).sendKeys("Parkir Pasar Ajibarang");
            browser.findElement(By.id("a-create")).click();
            wait.until(ExpectedConditions.textToBe(By.id("a-status"), "Agen dibuat."));
            By row = By.cssSelector("#agents tr[data-msisdn='" + agent + "']");
            wait.until(ExpectedConditions.presenceOfElementLocated(row));
            assertTrue(browser.findElement(row).getText().contains("SITI AMINAH"), browser.findElement(row).getText());

            // The agent chooses a PIN on the phone; the admin resets it; the next dial asks for a new one.
            Gateway.Call first = new Gateway.Call("a-" + UUID.randomUUID(), agent, k.port()).code("*568#");
            String hello = first.dial().body();
            assertTrue(hello.startsWith("CON Halo Siti A., buat PIN 6 angka"), "a new agent chooses a PIN: " + hello);
            first.press("481516");
            assertTrue(first.press("481516").body().startsWith("CON Perisai"));
            browser.findElement(row).findElement(By.cssSelector("button.reset-pin")).click();
            wait.until(ExpectedConditions.textToBe(By.id("a-status"), "PIN diatur ulang: agen membuat PIN baru saat menekan *568#."));
            Gateway.Call second = new Gateway.Call("a-" + UUID.randomUUID(), agent, k.port()).code("*568#");
            String again = second.dial().body();
            if (again.startsWith("CON Menu tadi terputus.")) again = second.press("2").body(); // the first call was left open
            assertTrue(again.startsWith("CON Halo Siti A., buat PIN 6 angka"), again);
        } finally {
            browser.quit();
        }
    }

    @Test
    void aViewerFindsNoWriteButtonAndTheApiRefusesWritesAnyway() throws Exception {
        WebDriver browser = signedIn(Instances.VIEWER_TOKEN);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            assertTrue(browser.findElement(By.id("who")).getText().endsWith("pemantau"));
            // The counters come pushed (the event stream), not polled; a hop shows up without reloading.
            wait.until(ExpectedConditions.textToBe(By.id("s-live"), "langsung"));
            String before = browser.findElement(By.id("s-sessions")).getText();
            new Gateway.Call("v-" + UUID.randomUUID(), Instances.newPhone(), k.port()).dial();
            wait.until(d -> !d.findElement(By.id("s-sessions")).getText().equals(before));
            for (String t : List.of("menus", "campaigns", "community", "report", "funnel", "sms")) {
                tab(browser, t);
                wait.until(d -> d.findElement(By.id("tab-" + t)).isDisplayed());
                Thread.sleep(300); // the tab's data drawn
                for (String write : List.of("#publish", "#campaign-form", "#agent-form", "#group-form", ".rollback", "button.pause",
                        "button.resume", "button.cancel", "button.reset-pin", "button.unlock", "#g-add-send", "button.send-again", "#tabs button[data-tab='audit']")) {
                    for (WebElement e : browser.findElements(By.cssSelector(write))) {
                        assertFalse(e.isDisplayed(), "a viewer sees no " + write + " on " + t);
                    }
                }
            }
            assertEquals(403, new AdminClient(k.port(), Instances.VIEWER_TOKEN).send("POST", "/admin/groups", new JsonObject().put("name", "Grup Pemantau")).statusCode());
            assertEquals(403, new AdminClient(k.port(), Instances.VIEWER_TOKEN).send("POST", "/admin/agents",
                    new JsonObject().put("msisdn", "081234567890").put("name", "Budi")).statusCode());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theReportsChartsShowTheApisNumbersAndArePrintedToAPicture() throws Exception {
        // A seeded data set: members through each channel, in two districts, some paying, some lapsed.
        Vertx vertx = Vertx.vertx();
        RedisTtlStore store = new RedisTtlStore(vertx, Instances.REDIS, Duration.ofSeconds(5), cfg.keyspace());
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        try {
            Ledger ledger = new Ledger(store);
            String agentA = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
            Occupation[] jobs = {Occupation.TUKANG_PARKIR, Occupation.OJEK, Occupation.PENDERES, Occupation.PEDAGANG_KAKI_LIMA};
            for (int i = 0; i < 16; i++) {
                Member m = member("PESERTA " + (char) ('A' + i), jobs[i % 4], i % 3 == 0 ? now.minusMonths(1) : now.plusMonths(1), i % 2 == 0 ? "330214" : "330215");
                String channel = i % 4 == 0 ? "agent" : i % 4 == 1 ? "invited" : "ussd";
                Instances.await(ledger.joined(m, channel, channel.equals("agent") ? Optional.of(new Msisdn(agentA)) : Optional.empty(),
                        Optional.empty(), m.registeredOn()));
            }
            Instances.await(ledger.counts().flush()); // as an instance does each second: its rows' counts written
        } finally {
            store.close().toCompletionStage().toCompletableFuture().join();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        // The viewer's own view of the API (agents' numbers masked, as the page shows them).
        JsonObject api = new JsonObject(new AdminClient(k.port(), Instances.VIEWER_TOKEN).get("/admin/reports/participation").body());
        assertTrue(api.getJsonArray("byAgent").stream().map(o -> ((JsonObject) o).getString("key")).anyMatch(key -> key.contains("****")),
                "an agent's number is masked for a viewer: " + api.getJsonArray("byAgent").encode());
        WebDriver browser = signedIn(Instances.VIEWER_TOKEN);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            tab(browser, "report");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-dimension='channel'] g.bar")));
            assertEquals(api.getJsonObject("total").getLong("registrations").toString(), browser.findElement(By.id("r-total")).getAttribute("data-registrations"));
            Map<String, String> dims = Map.of("channel", "byChannel", "agent", "byAgent", "group", "byGroup", "occupation", "byOccupation",
                    "district", "byDistrict");
            int bars = 0;
            for (var d : dims.entrySet()) {
                Map<String, String> shown = new HashMap<>();
                for (WebElement g : browser.findElements(By.cssSelector(".chart[data-dimension='" + d.getKey() + "'] g.bar"))) {
                    shown.put(g.getAttribute("data-key"), g.getAttribute("data-registrations") + "/" + Double.parseDouble(g.getAttribute("data-active-rate")));
                }
                Map<String, String> want = new HashMap<>();
                for (Object o : api.getJsonArray(d.getValue())) {
                    JsonObject r = (JsonObject) o;
                    want.put(r.getString("key"), r.getLong("registrations") + "/" + r.getDouble("activeRate"));
                }
                assertEquals(want, shown, d.getKey());
                bars += shown.size();
            }
            Map<String, String> points = new HashMap<>();
            for (WebElement g : browser.findElements(By.cssSelector(".chart[data-dimension='month'] g.point"))) {
                points.put(g.getAttribute("data-key"), g.getAttribute("data-registrations") + "/" + Double.parseDouble(g.getAttribute("data-active-rate")));
            }
            Map<String, String> months = new HashMap<>();
            for (Object o : api.getJsonArray("byMonth")) {
                JsonObject r = (JsonObject) o;
                if (r.getLong("registrations") > 0) months.put(r.getString("key"), r.getLong("registrations") + "/" + r.getDouble("activeRate"));
            }
            assertEquals(months, points, "the month line");
            assertTrue(bars >= 10 && points.size() >= 2, "bars " + bars + ", months " + points.size());
            assertTrue(browser.findElement(By.cssSelector(".chart[data-dimension='channel']")).getText().contains("lewat agen"));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('charts').scrollIntoView()");
            Path shot = Path.of("target", "console-report.png");
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(shot) > 20_000, "the charts were saved: " + shot.toAbsolutePath());
        } finally {
            browser.quit();
        }
    }

    @Test
    void everyPageInEnglishHasNoIndonesianLeftAndTheReverse() throws Exception {
        String worker = Msisdn.parse(Instances.newPhone()).orElseThrow().value();
        Instances.simulator(k).mo(worker, "567", "CEK"); // a message to look up on the SMS page
        assertEquals(1, Instances.smsTo(worker, 1, k).size());
        WebDriver browser = signedIn(Instances.ADMIN_TOKEN);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> words = (Map<String, Map<String, String>>) ((JavascriptExecutor) browser)
                    .executeScript("return window.kentonganConsoleWords;");
            for (String lang : List.of("en", "id")) {
                String other = lang.equals("en") ? "id" : "en";
                browser.findElement(By.id("lang-" + lang)).click();
                // Words of the other language that this one never uses (names of languages and shared words aside).
                List<String> foreign = new ArrayList<>();
                words.get(other).forEach((key, w) -> {
                    boolean shared = words.get(lang).values().stream().anyMatch(x -> x.contains(w.replaceAll("\\{[a-z]+}", "").strip()));
                    if (!shared && w.replaceAll("\\{[a-z]+}", "").strip().length() >= 4) foreign.add(w.replaceAll("\\{[a-z]+}.*", "").strip());
                });
                for (String t : List.of("menus", "campaigns", "community", "report", "funnel", "sms", "audit")) {
                    tab(browser, t);
                    if (t.equals("sms")) {
                        browser.findElement(By.id("m-msisdn")).clear();
                        browser.findElement(By.id("m-msisdn")).sendKeys(worker);
                        browser.findElement(By.id("m-load")).click();
                        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#m-messages tr[data-state]")).size() == 1);
                    }
                    Thread.sleep(500); // the tab's data drawn
                    // Names of languages are written in their own language on every page.
                    String page = (visibleWords(browser) + "\n" + String.join("\n", placeholders(browser)))
                            .replace("Bahasa Indonesia", "").replace("Basa Banyumasan", "");
                    for (String w : foreign) {
                        // Whole words only ("Versi" is not in "Versions").
                        boolean found = java.util.regex.Pattern.compile("(?<!\\p{L})" + java.util.regex.Pattern.quote(w) + "(?!\\p{L})").matcher(page).find();
                        if (w.length() >= 4) assertFalse(found, "'" + w + "' (" + other + ") on the " + t + " page in " + lang);
                    }
                }
                // The validator's problems too.
                tab(browser, "menus");
                ((JavascriptExecutor) browser).executeScript("const e = document.getElementById('editor'); e.value = e.value.replace('next: reg_check', 'next: reg_chek');");
                browser.findElement(By.id("validate")).click();
                WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(15))
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems .problem")));
                String text = problem.getText();
                assertTrue(lang.equals("en") ? text.startsWith("Line ") && text.contains("goes to screen 'reg_chek', which does not exist")
                        : text.startsWith("Baris ") && text.contains("menuju layar 'reg_chek', yang tidak ada"), text);
            }
        } finally {
            browser.quit();
        }
    }

    /** The page's visible text but records shown as written (elements marked data-data: token names, routes). */
    static String visibleWords(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const d = [...document.querySelectorAll('[data-data]')]; d.forEach(e => e.style.display = 'none');"
                        + "const text = document.body.innerText; d.forEach(e => e.style.display = ''); return text;");
    }

    @SuppressWarnings("unchecked")
    static List<String> placeholders(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('input[placeholder]')].filter(e => e.offsetParent !== null).map(e => e.placeholder);");
    }
}
