package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.rules.RulesAdminController;
import org.c2cgateway.app.rules.RulesRefusedException;
import org.c2cgateway.app.rules.RulesView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreements on a real gateway (RS, its demo configuration) with agreement files of the test's own: the
 * views, the dry run, lint and reload over HTTPS with their access rules, the poller, the metrics, and a start
 * refused for a bad file.
 *
 * <p>Runs the real {@code RuleSetLoader} and {@code RuleExplainer}: it passes once they are merged (issue 6).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesApiIT {

    static final String OPERATOR_TOKEN = TokenDigest.newToken();
    static final Duration WAIT = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    static Path data;
    static Path agreements;
    static ApplicationContext rs;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        agreements = Files.createDirectories(data.resolve("agreements"));
        copy("rs-mk-v1.yml", agreements);
        port = TwoGateways.freePort();
        rs = TwoGateways.start("rs", port, TwoGateways.freePort(), data, settings(agreements));
    }

    static Map<String, Object> settings(Path agreementsDirectory) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("c2c.rules.directory", agreementsDirectory.toString());
        settings.put("c2c.rules.poll-interval", "100ms");
        settings.put("c2c.access.operators.ops.role", "operator");
        settings.put("c2c.access.operators.ops.token-sha256", TokenDigest.sha256Hex(OPERATOR_TOKEN));
        return settings;
    }

    @AfterAll
    static void stop() {
        if (rs != null) {
            rs.close();
        }
    }

    @Test
    @Order(1)
    void an_operator_sees_the_versions_in_force() throws Exception {
        HttpResponse<String> answer = call("GET", "/api/v1/rules", null, OPERATOR_TOKEN);

        assertEquals(200, answer.statusCode(), answer.body());
        RulesView view = JSON.readValue(answer.body(), RulesView.class);
        assertEquals(List.of("RS-MK-TEST v1"), view.inForce().stream().map(RulesView.Version::label).toList());
        assertEquals(agreements.resolve("rs-mk.yml").toString(), view.versions().get(0).file());
        assertTrue(view.lastLoad().applied(), answer.body());
    }

    @Test
    @Order(2)
    void an_operator_explains_a_notification() throws Exception {
        String sample = Files.readString(TwoGateways.HOME.resolve("config/samples/valid/rs-to-mk-pre-arrival.xml"));

        HttpResponse<String> answer = call("POST", "/api/v1/rules/explain?at=2026-03-10", sample, OPERATOR_TOKEN);

        assertEquals(200, answer.statusCode(), answer.body());
        Map<?, ?> explanation = JSON.readValue(answer.body(), Map.class);
        assertEquals("OUTBOUND", explanation.get("direction"), answer.body());
        assertEquals("2026-03-10", explanation.get("day"), answer.body());
        Map<?, ?> mk = (Map<?, ?>) ((List<?>) explanation.get("partners")).stream()
                .filter(p -> "MK".equals(((Map<?, ?>) p).get("partner"))).findFirst().orElseThrow();
        assertEquals(true, mk.get("exchanged"), answer.body());
        assertEquals("RS-MK-TEST v1", mk.get("agreement"), answer.body());
    }

    @Test
    @Order(3)
    void a_malformed_day_is_refused_naming_the_parameter() throws Exception {
        HttpResponse<String> answer = call("POST", "/api/v1/rules/explain?at=2026-13-01", "<x/>", OPERATOR_TOKEN);

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals(Map.of("parameter", "at", "error", "'2026-13-01' is not a date of the form YYYY-MM-DD"),
                JSON.readValue(answer.body(), Map.class));
    }

    @Test
    @Order(4)
    void an_operator_lints_but_may_not_reload() throws Exception {
        HttpResponse<String> lint = call("GET", "/api/v1/admin/rules/lint", null, OPERATOR_TOKEN);
        assertEquals(200, lint.statusCode(), lint.body());
        RulesAdminController.Lint verdict = JSON.readValue(lint.body(), RulesAdminController.Lint.class);
        assertTrue(verdict.clean(), lint.body());
        assertEquals(1, verdict.versions());

        assertEquals(403, call("POST", "/api/v1/admin/rules/reload", "", OPERATOR_TOKEN).statusCode());
    }

    @Test
    @Order(5)
    void an_admin_reload_of_a_bad_file_is_refused_and_the_previous_version_stays() throws Exception {
        copy("rs-mk-bad-version.yml", agreements);

        HttpResponse<String> answer = call("POST", "/api/v1/admin/rules/reload", "", TwoGateways.OPERATOR_TOKEN);

        assertEquals(422, answer.statusCode(), answer.body());
        RulesAdminController.Reloaded refused = JSON.readValue(answer.body(), RulesAdminController.Reloaded.class);
        assertFalse(refused.applied());
        assertEquals(List.of("RS-MK-TEST v1"), refused.inForce().stream().map(RulesView.Version::label).toList());
        assertTrue(refused.problems().stream().anyMatch(p -> p.startsWith(agreements.resolve("rs-mk.yml") + ":")
                && p.contains("version")), refused.problems().toString());

        RulesView view = JSON.readValue(call("GET", "/api/v1/rules", null, OPERATOR_TOKEN).body(), RulesView.class);
        assertFalse(view.lastLoad().applied());
        assertEquals(refused.problems(), view.lastLoad().problems());
        assertTrue(prometheus().contains("c2c_rules_reload_total{outcome=\"refused\""), "refusals counted");
    }

    @Test
    @Order(6)
    void the_poller_puts_a_corrected_file_in_force() throws Exception {
        copy("rs-mk-v2.yml", agreements);

        Await.until("version 2 in force", WAIT, () -> {
            RulesView view = JSON.readValue(call("GET", "/api/v1/rules", null, OPERATOR_TOKEN).body(), RulesView.class);
            return view.inForce().stream().map(RulesView.Version::label).filter("RS-MK-TEST v2"::equals).findFirst();
        });
        String metrics = prometheus();
        assertTrue(metrics.contains("c2c_rules_agreement_version{agreement=\"RS-MK-TEST\",partner=\"MK\"} 2.0")
                || metrics.contains("c2c_rules_agreement_version{agreement=\"RS-MK-TEST\",partner=\"MK\",} 2.0"), metrics);
        assertTrue(metrics.contains("c2c_rules_reload_total{outcome=\"applied\""), "reloads counted");
    }

    @Test
    @Order(7)
    void an_admin_reload_answers_the_versions_in_force() throws Exception {
        HttpResponse<String> answer = call("POST", "/api/v1/admin/rules/reload", "", TwoGateways.OPERATOR_TOKEN);

        assertEquals(200, answer.statusCode(), answer.body());
        RulesAdminController.Reloaded reloaded = JSON.readValue(answer.body(), RulesAdminController.Reloaded.class);
        assertTrue(reloaded.applied());
        assertEquals(List.of("RS-MK-TEST v2"), reloaded.inForce().stream().map(RulesView.Version::label).toList());
    }

    @Test
    @Order(8)
    void a_gateway_whose_agreement_files_fail_lint_does_not_start() throws Exception {
        Path bad = Files.createDirectories(data.resolve("bad-agreements"));
        copy("rs-mk-bad-version.yml", bad);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> TwoGateways.start("rs",
                TwoGateways.freePort(), TwoGateways.freePort(), data.resolve("refused"), settings(bad)));

        Throwable cause = refused;
        while (cause != null && !(cause instanceof RulesRefusedException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof RulesRefusedException, "refused for the agreements: " + refused);
        assertTrue(cause.getMessage().contains(bad.resolve("rs-mk.yml") + ":"), cause.getMessage());
    }

    static void copy(String resource, Path directory) throws Exception {
        try (var in = RulesApiIT.class.getResourceAsStream("/rules/" + resource)) {
            Files.write(directory.resolve("rs-mk.yml"), in.readAllBytes());
        }
    }

    static String prometheus() throws Exception {
        HttpResponse<String> answer = call("GET", "/prometheus", null, OPERATOR_TOKEN);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", path.contains("/admin/") ? "application/json" : "application/xml")
                .header("Authorization", "Bearer " + token)
                .build();
        return AccessControlIT.client(AccessControlIT.trustOnly()).send(request, HttpResponse.BodyHandlers.ofString());
    }
}
