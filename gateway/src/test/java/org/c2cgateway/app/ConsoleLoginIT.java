package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.access.OperatorSession;
import org.c2cgateway.app.access.OperatorSessionRepository;
import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.trace.AccessRefusalRepository;
import org.c2cgateway.app.trace.TracedAccessRefusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's login over real HTTPS, without a browser: the cookie's attributes, the session kept only as a
 * hash, the anti-CSRF token, the idle and absolute timeouts, logout, and Basic and bearer logins still working.
 */
class ConsoleLoginIT {

    static final String PASSWORD = "admin-" + TokenDigest.newToken();
    static final Duration IDLE = Duration.ofSeconds(2);
    static final Duration ABSOLUTE = Duration.ofSeconds(4);
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    static Path data;
    static ApplicationContext rs;
    static URI base;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(TwoGateways.tls("rs")).build();

    @BeforeAll
    static void start() throws Exception {
        int port = TwoGateways.freePort();
        rs = TwoGateways.start("rs", port, TwoGateways.freePort(), data, Map.of(
                "c2c.access.operators.console-admin.role", "admin",
                "c2c.access.operators.console-admin.password-hash", PasswordHash.hash(PASSWORD.toCharArray(), 10_000),
                "c2c.console.session.idle-timeout", IDLE.toString(),
                "c2c.console.session.absolute-timeout", ABSOLUTE.toString()));
        base = URI.create("https://localhost:" + port);
    }

    @AfterAll
    static void stop() {
        if (rs != null) {
            rs.close();
        }
    }

    @Test
    void a_login_sets_a_strict_http_only_secure_cookie_whose_token_is_kept_only_hashed() throws Exception {
        HttpResponse<String> login = login("console-admin", PASSWORD);
        assertEquals(200, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        for (String attribute : List.of("httponly", "secure", "samesite=strict", "path=/")) {
            assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains(attribute), setCookie);
        }
        String token = token(login);
        List<OperatorSession> rows = rs.getBean(OperatorSessionRepository.class).findAll();
        assertTrue(rows.stream().anyMatch(r -> r.tokenSha256().equals(TokenDigest.sha256Hex(token))), rows.toString());
        assertTrue(rows.stream().noneMatch(r -> r.tokenSha256().contains(token)));
        assertFalse(login.body().contains(token), "the token is only in the cookie");
    }

    @Test
    void a_refused_login_does_not_say_which_part_was_wrong_and_needs_the_console_header() throws Exception {
        HttpResponse<String> wrongPassword = login("console-admin", "wrong");
        HttpResponse<String> unknownUser = login("nobody", PASSWORD);
        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownUser.statusCode());
        assertEquals(wrongPassword.body(), unknownUser.body());
        assertTrue(wrongPassword.headers().firstValue("Set-Cookie").isEmpty());
        List<TracedAccessRefusal> traced = Await.until("the refused logins to be traced", TIMEOUT, () -> Optional.of(
                rs.getBean(AccessRefusalRepository.class).findAll().stream()
                        .filter(r -> "/console/login".equals(r.path())).toList()).filter(l -> l.size() >= 2));
        assertTrue(traced.stream().allMatch(r -> r.status() == 401 && r.caller() == null
                && !r.reason().contains(PASSWORD) && !r.reason().contains("nobody")), traced.toString());
        HttpResponse<String> noHeader = HTTP.send(HttpRequest.newBuilder(base.resolve("/console/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"console-admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, noHeader.statusCode());
    }

    @Test
    void a_state_changing_call_needs_the_anti_csrf_token_of_its_own_session() throws Exception {
        String token = token(login("console-admin", PASSWORD));
        String csrf = JSON.readValue(get("/console/session", token).body(), Map.class).get("csrfToken").toString();
        String other = JSON.readValue(get("/console/session", token(login("console-admin", PASSWORD))).body(), Map.class)
                .get("csrfToken").toString();
        assertEquals(401, post("/console/logout", token, null).statusCode());
        assertEquals(401, post("/console/logout", token, other).statusCode());
        assertEquals(200, get("/console/session", token).statusCode(), "a refused logout changes nothing");
        assertEquals(204, post("/console/logout", token, csrf).statusCode());
        assertEquals(401, get("/console/session", token).statusCode());
        assertTrue(rs.getBean(OperatorSessionRepository.class).findById(TokenDigest.sha256Hex(token)).isEmpty());
    }

    @Test
    void a_session_ends_after_the_idle_timeout() throws Exception {
        String token = token(login("console-admin", PASSWORD));
        Instant lastUse = Instant.now();
        assertEquals(200, get("/api/v1/admin/partners", token).statusCode());
        Await.until("the idle timeout to pass", TIMEOUT,
                () -> Optional.of(Instant.now()).filter(now -> now.isAfter(lastUse.plus(IDLE).plusMillis(200))));
        assertEquals(401, get("/api/v1/admin/partners", token).statusCode());
    }

    @Test
    void a_session_in_use_ends_at_the_absolute_timeout() throws Exception {
        Instant loggedIn = Instant.now();
        String token = token(login("console-admin", PASSWORD));
        Instant ended = Await.until("the session to end while in use", TIMEOUT,
                () -> get("/console/session", token).statusCode() == 401 ? Optional.of(Instant.now()) : Optional.empty());
        assertTrue(ended.isAfter(loggedIn.plus(ABSOLUTE)), "ended at " + ended + ", logged in at " + loggedIn);
    }

    @Test
    void basic_and_bearer_logins_still_work_beside_the_console() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("console-admin:" + PASSWORD).getBytes());
        for (String authorization : List.of(basic, "Bearer " + TwoGateways.OPERATOR_TOKEN)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/partners"))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    void a_console_page_without_a_session_sends_to_the_login_page_and_a_console_call_gets_no_basic_challenge() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(base.resolve("/console/index.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, page.statusCode());
        assertEquals("/console/login.html", page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> call = HTTP.send(HttpRequest.newBuilder(base.resolve("/api/v1/admin/partners"))
                .header("X-C2C-Console", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, call.statusCode());
        assertFalse(call.headers().firstValue("WWW-Authenticate").orElse("").contains("Basic"));
        HttpResponse<String> loginPage = HTTP.send(HttpRequest.newBuilder(base.resolve("/console/login.html")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginPage.statusCode());
        assertTrue(loginPage.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/console/login")).header("Content-Type", "application/json")
                .header("X-C2C-Console", "1").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> login) {
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", "c2c_session=" + token)
                .header("X-C2C-Console", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String token, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Cookie", "c2c_session=" + token)
                .header("X-C2C-Console", "1").POST(HttpRequest.BodyPublishers.noBody());
        if (csrf != null) {
            request.header("X-CSRF-Token", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
