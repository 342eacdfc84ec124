package id.kentongan.console;

import id.kentongan.Gateway.Call;
import id.kentongan.Instances;
import id.kentongan.Kentongan;
import id.kentongan.KentonganConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' console in a real headless Chromium: sign in, load a menu, see an error flagged next to its line, fix
 * it, play the draft through a whole registration on the phone simulator, publish with the diff shown. Saves a
 * screenshot to target/console.png. Needs Debian's chromium and chromium-driver (.ci/run installs them); without them
 * the test is skipped and says so.
 */
@Tag("redis")
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void signInFlagAnErrorFixItDialTheDraftThroughARegistrationAndPublish() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "headless Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)");
        KentonganConfig cfg = Instances.isolated().withMenuPoll(Duration.ofMillis(250)); // menu versions of its own
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        try (Instances instances = new Instances()) {
            Kentongan k = instances.start(cfg);
            WebDriver browser = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
                browser.get("http://127.0.0.1:" + k.port() + "/console");
                browser.findElement(By.id("token")).sendKeys(Instances.EDITOR_TOKEN);
                browser.findElement(By.id("signin")).click();
                wait.until(d -> !d.findElement(By.id("editor")).getAttribute("value").isEmpty());
                new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("menu"))).selectByValue("*567#");
                wait.until(d -> d.findElement(By.id("editor")).getAttribute("value").contains("serviceCode: \"*567#\""));
                assertTrue(browser.findElement(By.id("menu")).getText().contains("*567# bpu"));

                // An error, flagged next to its line.
                String original = browser.findElement(By.id("editor")).getAttribute("value");
                setEditor(browser, original.replace("next: reg_check", "next: reg_chek"));
                browser.findElement(By.id("validate")).click();
                WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems .problem")));
                assertTrue(problem.getText().contains("reg_chek"), problem.getText());
                int line = Integer.parseInt(problem.getAttribute("data-line"));
                assertTrue(original.split("\n")[line - 1].contains("next: reg_check"), "flagged at the line with the mistake: " + line);
                assertEquals("⚠" + line, browser.findElement(By.cssSelector("#gutter .bad")).getText());

                // Fixed (and a visible change, to publish), validated.
                String draft = original.replace("Perlindungan pekerja mandiri", "Lindungi diri dan keluarga");
                setEditor(browser, draft);
                browser.findElement(By.id("validate")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problems .ok")));

                // The draft on the phone simulator, through a whole registration.
                browser.findElement(By.id("dial")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-screen"), "Lindungi diri dan keluarga"));
                assertTrue(browser.findElement(By.id("phone-count")).getText().endsWith("/182"));
                press(browser, wait, "1", "Masukkan NIK");
                press(browser, wait, Instances.nik(95_001), "Nama lengkap");
                press(browser, wait, "Siti Aminah", "Pekerjaan");
                browser.findElement(By.xpath("//button[@class='key' and text()='1']")).click(); // the keypad
                browser.findElement(By.id("send")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-screen"), "Penghasilan"));
                press(browser, wait, "1", "SITI AMINAH");
                press(browser, wait, "1", "Selamat, Anda terdaftar asuransi kecelakaan kerja & kematian!");

                // Publish, with the diff shown first.
                browser.findElement(By.id("publish")).click();
                WebElement diff = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff")));
                assertTrue(diff.getText().contains("+       id: \"Kentongan BPJS Ketenagakerjaan\\nLindungi diri dan keluarga\""), diff.getText());
                assertTrue(diff.getText().contains("-       id: \"Kentongan BPJS Ketenagakerjaan\\nPerlindungan pekerja mandiri\""));
                browser.findElement(By.id("confirm-publish")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Diterbitkan versi"));
                Path shot = Path.of("target", "console.png");
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
                assertTrue(Files.size(shot) > 10_000, "a screenshot was saved: " + shot.toAbsolutePath());

                // The published menu is what workers now dial.
                assertTrue(dialUntil(k, "Lindungi diri dan keluarga"));

                // Roll back, with the diff shown first: the file's version becomes live again.
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#versions .rollback"))).click();
                WebElement back = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff")));
                wait.until(d -> back.getText().contains("+       id: \"Kentongan BPJS Ketenagakerjaan\\nPerlindungan pekerja mandiri\""));
                browser.findElement(By.id("confirm-publish")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Dikembalikan ke versi"));
                assertTrue(dialUntil(k, "Perlindungan pekerja mandiri"));
            } finally {
                browser.quit();
            }
        }
    }

    static boolean dialUntil(Kentongan k, String text) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            if (new Call("c-" + UUID.randomUUID(), Instances.newPhone(), k.port()).dial().body().contains(text)) return true;
            Thread.sleep(100);
        }
        return false;
    }

    static void setEditor(WebDriver browser, String text) {
        ((JavascriptExecutor) browser).executeScript("const e = document.getElementById('editor'); e.value = arguments[0];"
                + "e.dispatchEvent(new Event('input'));", text);
    }

    static void press(WebDriver browser, WebDriverWait wait, String input, String expect) {
        WebElement field = browser.findElement(By.id("phone-input"));
        field.clear();
        field.sendKeys(input);
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-screen"), expect));
    }
}
