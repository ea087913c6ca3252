package io.camelquivo.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camelquivo.testing.Orders;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, headless Chromium driven by Selenium: sign in, filter, fix a rejected order
 * in the payload editor, send it again, and see Quivo (the simulator) accept it. Skipped, with a message, where
 * Debian's chromium and chromium-driver are not installed (README.md says how). With
 * {@code -Dquivo.docs.write=true} it also writes the README's screenshot, connector-docs/dead-letter-console.png.
 */
@Timeout(180)
class DeadLetterConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private ChromeDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Chromium and its driver: apt-get install -y chromium chromium-driver"
                        + " (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        browser.manage().window().setSize(new Dimension(1500, 1100));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void aRejectedOrderIsFixedInThePageSentAgainAndAccepted() throws Exception {
        ConsoleService console = ConsoleService.shared();
        String id = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        console.drop(id, Orders.withoutPositions(id));
        // the page redraws its tables on each answer: an element found a moment ago may be gone
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(500));
        wait.ignoring(StaleElementReferenceException.class);

        browser.get(console.base());
        browser.findElement(By.id("token")).sendKeys(ConsoleService.TOKEN);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#records tbody")));

        WebElement origin = browser.findElement(By.id("f-origin"));
        origin.sendKeys(id);
        By row = By.xpath("//table[@id='records']/tbody/tr[td[normalize-space()='" + id + "']]");
        wait.until(driver -> {
            driver.findElement(By.id("apply")).click();
            return !driver.findElements(row).isEmpty();
        });
        assertEquals(1, browser.findElements(By.cssSelector("#records tbody tr")).size(), "the filter shows one");
        assertTrue(browser.findElement(row).getText().contains("400"), browser.findElement(row).getText());

        browser.findElement(By.id("by")).sendKeys("Erika");
        browser.findElement(row).click();
        WebElement payload = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payload")));
        wait.until(driver -> payload.getAttribute("value").contains(id));
        assertTrue(browser.findElement(By.id("detail-headers")).getText().contains("quivo.status"));
        payload.clear();
        payload.sendKeys(Orders.valid(id));
        browser.findElement(By.id("resend-edited")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status-line"), "Sent again: 1"));

        wait.until(driver -> console.simulator.orders().byIdentifier(id).size() == 1);
        By replay = By.xpath("//table[@id='replays']/tbody/tr[td[normalize-space()='" + id + "']]");
        String audit = wait.until(driver -> {
            driver.findElement(By.id("apply")).click();
            return driver.findElements(replay).stream().map(WebElement::getText)
                    .filter(text -> text.contains("accepted")).findFirst().orElse(null);
        });
        assertTrue(audit.contains("Erika"), audit);

        screenshot(wait);
    }

    /** The whole window for the README: the filters cleared, the fixed record open. */
    private void screenshot(WebDriverWait wait) throws Exception {
        browser.findElement(By.id("clear")).click();
        wait.until(driver -> driver.findElement(By.id("matched")).getText().matches("\\d+ matching")
                && driver.findElement(By.id("f-origin")).getAttribute("value").isEmpty());
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Path target = Boolean.getBoolean("quivo.docs.write") ? Path.of("connector-docs", "dead-letter-console.png")
                : Path.of("target", "dead-letter-console.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
