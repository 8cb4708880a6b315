package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real browser (headless Chromium) against real gateways: RS sends to MK, which is down at
 * first, so two notifications end as dead letters; then MK comes up and a third is delivered. An admin logs in
 * (a wrong password is refused first), finds the delivered message by its MRN, opens its timeline, looks at the
 * partners and the rule sets, and replays a dead letter, which MK then receives. An operator sees the dead
 * letters without a replay button, and the gateway refuses the replay when the operator's session asks anyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ConsoleIT.ScreenshotOnFailure.class)
class ConsoleIT {

    /** What the browser showed when a test failed, beside the other screenshots. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    }


    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String ADMIN_PASSWORD = "admin-" + TokenDigest.newToken();
    static final String OPERATOR_PASSWORD = "operator-" + TokenDigest.newToken();

    @TempDir
    static Path data;
    static ApplicationContext rs;
    static ApplicationContext mk;
    static int rsPort;
    static NationalSystemClient rsNational;
    static String base;
    static List<String> deadLetters = new ArrayList<>();
    static MessageController.Timeline delivered;
    static ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        ConsoleBrowser.requireInstalled();
        rsPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort(); // nothing listens here until MK starts
        rs = TwoGateways.start("rs", rsPort, rsAs4Port, data, Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port),
                "c2c.delivery.retry.max-attempts", 2,
                "c2c.delivery.circuit-breaker.failure-threshold", 1000,
                "c2c.delivery.retry.initial-delay", "10ms",
                "c2c.delivery.retry.max-delay", "50ms",
                "c2c.access.operators.console-admin.role", "admin",
                "c2c.access.operators.console-admin.password-hash", PasswordHash.hash(ADMIN_PASSWORD.toCharArray(), 10_000),
                "c2c.access.operators.console-operator.role", "operator",
                "c2c.access.operators.console-operator.password-hash",
                PasswordHash.hash(OPERATOR_PASSWORD.toCharArray(), 10_000)));
        rsNational = TwoGateways.nationalSystem("rs", rsPort);
        for (int i = 0; i < 2; i++) {
            String id = submit();
            Await.until(id + " to be dead-lettered", TIMEOUT,
                    () -> Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("FAILED")));
            deadLetters.add(id);
        }
        mk = TwoGateways.start("mk", mkPort, mkAs4Port, data, Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)));
        String id = submit();
        delivered = Await.until(id + " to be delivered to MK", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        base = "https://localhost:" + rsPort + "/console/";
        browser = ConsoleBrowser.start();
    }

    private static String submit() throws Exception {
        NationalSystemClient.Response response = rsNational.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, response.status(), response.text());
        return rsNational.read(response, SubmissionAccepted.class).messageId();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (rs != null) {
            rs.close();
        }
        if (mk != null) {
            mk.close();
        }
    }

    @Test
    @Order(1)
    void the_console_sends_a_browser_without_a_session_to_the_login_page_and_refuses_a_wrong_password_alike() throws Exception {
        browser.open(base);
        browser.awaitUrl("/console/login.html");
        String wrongPassword = refusedLogin("console-admin", "not-the-password");
        String unknownUser = refusedLogin("nobody", ADMIN_PASSWORD);
        assertEquals("The user name or the password is not accepted.", wrongPassword);
        assertEquals(wrongPassword, unknownUser, "a refusal does not tell which part was wrong");
        browser.screenshot("01-login-refused");
    }

    private String refusedLogin(String user, String password) throws Exception {
        login(user, password);
        WebElement error = browser.await(By.id("login-error"));
        String message = error.getText();
        Await.until("the login page to clear the password", TIMEOUT, () -> Optional.of(browser.driver
                .findElement(By.id("password")).getAttribute("value")).filter(String::isEmpty));
        browser.driver.executeScript("document.getElementById('login-error').hidden = true");
        return message;
    }

    /** Opens a page of the console and waits for it (the previous page's content stays until then). */
    private static void page(String route, String title) throws Exception {
        browser.open(base + "index.html#/" + route);
        browser.awaitShown("#/" + route);
        browser.awaitText(By.id("page-title"), title);
    }

    private void login(String user, String password) throws Exception {
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), password);
        browser.driver.findElement(By.id("login-submit")).click();
    }

    @Test
    @Order(2)
    void an_admin_logs_in_finds_a_message_by_its_mrn_and_opens_its_timeline() throws Exception {
        login("console-admin", ADMIN_PASSWORD);
        browser.awaitUrl("/console/index.html");
        browser.awaitText(By.id("who"), "console-admin (admin)");

        browser.type(By.id("f-mrn"), delivered.mrn());
        browser.driver.findElement(By.id("search")).click();
        browser.awaitShown("mrn=" + delivered.mrn());
        WebElement link = browser.await(By.linkText(delivered.messageId()));
        List<String> rows = browser.texts(By.cssSelector("#results tbody tr"));
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(delivered.messageId()) && r.contains("DELIVERED_TO_PARTNER")), rows.toString());
        browser.screenshot("02-search");

        link.click();
        browser.awaitShown("#/messages/");
        browser.awaitText(By.id("page-title"), delivered.messageId());
        String timeline = browser.awaitText(By.id("timeline"), "RECEIPT_VERIFIED");
        for (String step : List.of("RECEIVED", "VALIDATED", "QUEUED", "SENT", "RECEIPT_VERIFIED")) {
            assertTrue(timeline.contains(step), timeline);
        }
        browser.screenshotWhole("03-timeline");
    }

    @Test
    @Order(3)
    void the_partner_overview_shows_circuit_queue_and_certificate_days_left() throws Exception {
        page("partners", "Partners");
        String mkRow = browser.awaitText(By.cssSelector("tbody tr"), "MK");
        assertTrue(mkRow.contains("CLOSED"), mkRow);
        assertTrue(mkRow.matches("(?s).*\\d+ days.*"), "certificate days left: " + mkRow);
        browser.screenshot("04-partners");
    }

    @Test
    @Order(4)
    void the_rule_sets_page_lists_the_versions_in_force() throws Exception {
        page("rules", "Rule sets");
        String inForce = browser.awaitText(By.cssSelector("table"), "MK");
        assertTrue(inForce.contains("IN_FORCE"), inForce);
        browser.screenshot("05-rules");
    }

    @Test
    @Order(5)
    void an_admin_replays_a_dead_letter_and_the_partner_receives_it() throws Exception {
        page("dead-letters", "Dead letters");
        String replayed = deadLetters.get(0);
        browser.await(By.linkText(replayed));
        assertEquals(2, browser.driver.findElements(By.cssSelector("button.replay")).size());
        browser.screenshot("06-dead-letters-admin");
        browser.driver.findElement(By.cssSelector("button.replay[data-message-id='" + replayed + "']")).click();
        browser.awaitText(By.id("replay-status"), replayed + " went back to the queue for MK.");
        Await.until(replayed + " to reach MK after the replay", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(replayed))
                .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        browser.screenshot("07-replayed");
    }

    @Test
    @Order(6)
    void a_state_changing_call_without_the_anti_csrf_token_is_refused_even_with_the_session_cookie() {
        long withoutToken = browser.fetchStatus("fetch('/api/v1/admin/dead-letters/MK/replay', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json', 'X-C2C-Console': '1'}, body: '{\"all\": true}'})");
        assertEquals(401, withoutToken);
        long wrongToken = browser.fetchStatus("fetch('/api/v1/admin/dead-letters/MK/replay', {method: 'POST', "
                + "headers: {'Content-Type': 'application/json', 'X-C2C-Console': '1', 'X-CSRF-Token': 'forged'}, "
                + "body: '{\"all\": true}'})");
        assertEquals(401, wrongToken);
    }

    @Test
    @Order(7)
    void logout_ends_the_session() throws Exception {
        browser.open(base + "index.html#/messages");
        browser.awaitText(By.id("who"), "console-admin");
        browser.driver.findElement(By.id("logout")).click();
        browser.awaitUrl("/console/login.html");
        browser.open(base + "index.html#/partners");
        browser.awaitUrl("/console/login.html");
        assertEquals(401, browser.fetchStatus("fetch('/api/v1/admin/partners', {headers: {'X-C2C-Console': '1'}})"));
    }

    @Test
    @Order(8)
    void an_operator_sees_the_dead_letters_without_a_replay_and_the_gateway_refuses_one_anyway() throws Exception {
        browser.open(base + "login.html");
        login("console-operator", OPERATOR_PASSWORD);
        browser.awaitText(By.id("who"), "console-operator (operator)");
        browser.open(base + "index.html#/dead-letters");
        String remaining = deadLetters.get(1);
        browser.await(By.linkText(remaining));
        assertTrue(browser.driver.findElements(By.cssSelector("button.replay")).isEmpty());
        browser.awaitText(By.cssSelector("p.hint"), "Replaying is for admins");
        browser.screenshot("08-dead-letters-operator");

        long refused = browser.fetchStatus("fetch('session', {headers: {'X-C2C-Console': '1'}}).then(r => r.json())"
                + ".then(s => fetch('/api/v1/admin/dead-letters/MK/replay', {method: 'POST', headers: {"
                + "'Content-Type': 'application/json', 'X-C2C-Console': '1', 'X-CSRF-Token': s.csrfToken}, "
                + "body: '{\"all\": true}'}))");
        assertEquals(403, refused);
        assertFalse(rsNational.trace(remaining).events().stream().anyMatch(e -> e.event().equals("REPLAYED")));
    }
}
