package org.c2cgateway.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.c2cgateway.app.demo.Await;

/**
 * The system's headless Chromium, driven by its own chromedriver (never one Selenium would download), with a
 * fresh profile. Without the two programs a browser test is skipped, saying so, except in CI (env CI=true), where
 * they are required. Screenshots go to {@code target/console-screenshots/}, kept with the build's output.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    static final Duration TIMEOUT = Duration.ofSeconds(30); // a refused login takes a full PBKDF2 check

    final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test (or fails it in CI) when Chromium or its driver is not installed. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = CHROMIUM + " and " + CHROMEDRIVER + " are needed for the console's browser test "
                + "(Debian packages chromium and chromium-driver; .ci/run installs them)";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(installed, missing + ": required in CI");
        }
        Assumptions.assumeTrue(installed, "skipped: " + missing);
    }

    static ConsoleBrowser start() throws IOException {
        Path profile = Files.createTempDirectory("console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setAcceptInsecureCerts(true); // the development certificate of the gateway's HTTPS port
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--ignore-certificate-errors", "--window-size=1440,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        return new ConsoleBrowser(driver, profile);
    }

    void open(String url) {
        driver.get(url);
    }

    /** The first element matching, once there. */
    WebElement await(By by) throws Exception {
        return Await.until(by + " on " + driver.getCurrentUrl(), TIMEOUT,
                () -> unlessRedrawn(() -> driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst()));
    }

    /** The text of the element, once it contains {@code text}. */
    String awaitText(By by, String text) throws Exception {
        return Await.until("'" + text + "' in " + by + " on " + driver.getCurrentUrl(), TIMEOUT,
                () -> unlessRedrawn(() -> driver.findElements(by).stream().map(WebElement::getText)
                        .filter(t -> t.contains(text)).findFirst()));
    }

    /** A page replaces its content when it has loaded: an element found just before is gone, so look again. */
    private static <T> Optional<T> unlessRedrawn(java.util.function.Supplier<Optional<T>> probe) {
        try {
            return probe.get();
        } catch (StaleElementReferenceException e) {
            return Optional.empty();
        }
    }

    /** Waits for the console to show the page of an address whose fragment contains {@code part}. */
    void awaitShown(String part) throws Exception {
        awaitUrl(part);
        Await.until("the page of " + part, TIMEOUT, () -> unlessRedrawn(() -> Optional.ofNullable(
                driver.findElement(By.id("main")).getAttribute("data-shown")).filter(shown -> shown.contains(part))));
    }

    void awaitUrl(String part) throws Exception {
        Await.until("the address to contain " + part, TIMEOUT,
                () -> Optional.of(driver.getCurrentUrl()).filter(u -> u.contains(part)));
    }

    void type(By by, String text) throws Exception {
        WebElement input = await(by);
        input.clear();
        input.sendKeys(text);
    }

    /** A fetch made by the page itself (same origin, its cookies): answers the HTTP status. */
    long fetchStatus(String script) {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + script + ".then(r => done(r.status), e => done(-1));");
        return ((Number) status).longValue();
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** A screenshot of the whole page, however long (the window grows for it, then shrinks back). */
    Path screenshotWhole(String name) {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(Math.max(height + 140,
                window.getHeight()), 4000)));
        try {
            return screenshot(name);
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
