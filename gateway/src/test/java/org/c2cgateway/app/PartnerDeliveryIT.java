package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.PartnerController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.delivery.RetryPolicies;
import org.c2cgateway.outbound.DeadLetters;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries per partner against a real partner gateway that is down, then back: the partner's own retry
 * settings and time-to-live, and its circuit breaker pausing its queue, probing, and draining the backlog
 * once the partner is back, while the other partner stays untouched.
 */
class PartnerDeliveryIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void a_partner_whose_time_to_live_is_used_up_gets_a_dead_letter_with_the_reason() throws Exception {
        int rsPort = TwoGateways.freePort();
        Duration timeToLive = Duration.ofMillis(3000);
        Map<String, Object> rsSettings = Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(TwoGateways.freePort()), // nothing listens
                "c2c.partners.MK.retry.initial-delay", "20ms",
                "c2c.partners.MK.retry.multiplier", 2.0,
                "c2c.partners.MK.retry.max-delay", "100ms",
                "c2c.partners.MK.retry.time-to-live", timeToLive.toMillis() + "ms",
                "c2c.partners.MK.retry.jitter", 0.5,
                "c2c.delivery.circuit-breaker.failure-threshold", 1000);

        try (ApplicationContext rs = TwoGateways.start("rs", rsPort, TwoGateways.freePort(), data, rsSettings)) {
            RetryPolicies retries = rs.getBean(RetryPolicies.class);
            assertEquals(timeToLive, retries.forPartner("MK").timeToLive());
            assertEquals(0.5, retries.forPartner("MK").jitter());
            assertEquals(Duration.ofHours(24), retries.forPartner("BG").timeToLive(), "BG keeps c2c.delivery.retry");

            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
            String id = submit(rsNational);
            MessageController.Timeline failed = Await.until(id + " to be dead-lettered", TIMEOUT, () ->
                    Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("FAILED")));

            List<MessageController.Step> attempts = failed.events().stream().filter(e -> e.event().equals("SEND_FAILED")).toList();
            MessageController.Step deadLettered = failed.events().stream()
                    .filter(e -> e.event().equals("DEAD_LETTERED")).findFirst().orElseThrow();
            assertTrue(attempts.size() >= 4, "retried with the short backoff: " + attempts.size() + " attempts");
            assertTrue(deadLettered.detail().startsWith("time-to-live PT3S since queued at "), deadLettered.detail());
            assertTrue(deadLettered.detail().contains("attempt " + attempts.size() + ": "), deadLettered.detail());
            Instant queued = failed.events().stream().filter(e -> e.event().equals("QUEUED")).findFirst().orElseThrow().at();
            Duration lived = Duration.between(queued, deadLettered.at());
            // dead-lettered at the last failure after which no attempt could start in time: within one
            // (jittered) maximum delay before the end of the time-to-live, never much after it
            assertTrue(lived.compareTo(timeToLive.minusMillis(150)) >= 0 && lived.compareTo(timeToLive.plusMillis(500)) <= 0,
                    "dead-lettered after " + lived);

            DeadLetters deadLetters = rs.getBean(DeadLetters.class);
            // the trace step is written inside the route's transaction, just before it commits the move
            List<String> listed = Await.until("the dead letter committed", TIMEOUT, () -> Optional.of(
                    deadLetters.list("MK").stream().map(DeadLetters.DeadLetter::messageId).toList()).filter(l -> !l.isEmpty()));
            assertEquals(List.of(id), listed);
            EmbeddedBroker broker = rs.getBean(EmbeddedBroker.class);
            assertEquals(0, broker.messageCount(Queues.outbound("MK")), "moved, not copied");
        }
    }

    @Test
    void a_partner_that_is_down_is_paused_and_probed_and_its_backlog_drains_when_it_is_back() throws Exception {
        int rsPort = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        Map<String, Object> rsSettings = Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port),
                "c2c.delivery.retry.initial-delay", "20ms",
                "c2c.delivery.retry.max-delay", "100ms",
                "c2c.delivery.circuit-breaker.failure-threshold", 3,
                "c2c.delivery.circuit-breaker.probe-interval", "100ms");

        try (ApplicationContext rs = TwoGateways.start("rs", rsPort, rsAs4Port, data, rsSettings)) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
            Admin admin = new Admin(rsPort);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(submit(rsNational));
            }

            PartnerController.PartnerState open = Await.until("MK's circuit to open and be probed", TIMEOUT, () ->
                    admin.partner("MK").filter(p -> p.state().equals("OPEN") && p.lastError().startsWith("probe: ")));
            assertTrue(open.consecutiveFailures() >= 3, open.toString());
            assertEquals(6, open.queueDepth(), "the backlog waits in MK's queue");
            assertEquals("CLOSED", admin.partner("BG").orElseThrow().state(), "BG is not affected");
            int attemptsWhenOpen = sendFailures(rsNational, ids);
            // two more probes fail: the queue stays paused, no notification is tried meanwhile
            Instant probed = open.lastErrorAt();
            PartnerController.PartnerState later = Await.until("two more probes", TIMEOUT, () -> admin.partner("MK")
                    .filter(p -> p.lastErrorAt().isAfter(probed.plusMillis(150))));
            assertEquals("OPEN", later.state());
            assertEquals(attemptsWhenOpen, sendFailures(rsNational, ids), "no send while the circuit is open");
            assertTrue(attemptsWhenOpen <= 5, "at most the threshold, and sends already under way: " + attemptsWhenOpen);

            try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                    Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)))) {
                for (String id : ids) {
                    Await.until(id + " delivered", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                            .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
                }
                PartnerController.PartnerState closed = Await.until("MK's circuit closed, its queue empty", TIMEOUT, () ->
                        admin.partner("MK").filter(p -> p.state().equals("CLOSED") && p.queueDepth() == 0));
                assertEquals(0, closed.consecutiveFailures());
                assertTrue(closed.lastSuccess() != null && closed.lastSuccess().isAfter(probed), closed.toString());
                assertEquals(6, TwoGateways.nationalSystem("mk", mkPort).inbox().size());
            }
        }
    }

    private static String submit(NationalSystemClient national) throws Exception {
        NationalSystemClient.Response response = national.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
        assertEquals(202, response.status(), response.text());
        return national.read(response, SubmissionAccepted.class).messageId();
    }

    private static int sendFailures(NationalSystemClient national, List<String> ids) throws IOException {
        int failures = 0;
        for (String id : ids) {
            failures += (int) national.trace(id).events().stream().filter(e -> e.event().equals("SEND_FAILED")).count();
        }
        return failures;
    }

    /** An operator reading RS's partner states over HTTPS. */
    static final class Admin {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TwoGateways.tls("rs")).build();
        private final JsonMapper json = JsonMapper.createDefault();
        private final URI partners;

        Admin(int port) {
            partners = URI.create("https://localhost:" + port + "/api/v1/admin/partners");
        }

        Optional<PartnerController.PartnerState> partner(String country) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(partners)
                    .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body()));
            return json.readValue(response.body(), Argument.listOf(PartnerController.PartnerState.class)).stream()
                    .filter(p -> p.partner().equals(country)).findFirst();
        }
    }
}
