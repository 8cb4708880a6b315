package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.api.DeadLetterController;
import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.broker.EmbeddedBroker;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner that stays down past the broker's last delivery attempt: the notification is traced FAILED
 * and waits in the partner's dead-letter queue, where an operator lists it and, once the partner is up,
 * replays it (a chosen one, then all the rest) under the same message id.
 */
class DeadLetterReplayIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void dead_letters_are_traced_failed_listed_and_delivered_with_the_same_data_after_replay() throws Exception {
        int rsPort = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort(); // nothing listens here until MK starts
        Map<String, Object> rsSettings = Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port),
                "c2c.delivery.retry.max-attempts", 2,
                "c2c.delivery.circuit-breaker.failure-threshold", 1000,
                "c2c.delivery.retry.initial-delay", "10ms",
                "c2c.delivery.retry.max-delay", "50ms");

        try (ApplicationContext rs = TwoGateways.start("rs", rsPort, rsAs4Port, data, rsSettings)) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
            Operator operator = new Operator(rsPort);
            assertEquals(List.of(), operator.deadLetters("BG"), "a partner without dead letters has an empty list");
            Map<String, byte[]> submitted = new HashMap<>();
            for (int i = 0; i < 3; i++) {
                byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);
                NationalSystemClient.Response response = rsNational.submit(notification);
                assertEquals(202, response.status(), response.text());
                submitted.put(rsNational.read(response, SubmissionAccepted.class).messageId(), notification);
            }
            List<String> ids = List.copyOf(submitted.keySet());

            for (String id : ids) {
                MessageController.Timeline failed = Await.until(id + " to be dead-lettered", TIMEOUT, () ->
                        Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("FAILED")));
                assertTrue(ExchangeEndToEndIT.events(failed).contains("DEAD_LETTERED"), ExchangeEndToEndIT.events(failed).toString());
            }
            List<DeadLetterController.Entry> listed = Await.until("the three dead letters listed", TIMEOUT, () ->
                    Optional.of(operator.deadLetters("MK")).filter(l -> l.size() == 3));
            assertEquals(Set.copyOf(ids), Set.copyOf(listed.stream().map(DeadLetterController.Entry::messageId).toList()));
            DeadLetterController.Entry first = listed.get(0);
            assertEquals("MK", first.partner());
            assertEquals("PreArrivalNotification", first.type());
            assertNotNull(first.mrn());
            assertNotNull(first.deadLetteredAt());
            assertTrue(first.lastError() != null && first.lastError().contains("attempt 2"), String.valueOf(first.lastError()));

            try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                    Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)))) {
                NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", mkPort);

                assertEquals(400, operator.post("MK", "{}").statusCode(), "neither a selection nor all");
                String chosen = ids.get(0);
                DeadLetterController.Replayed one = operator.replay("MK",
                        "{\"messageIds\": [\"" + chosen + "\", \"no-such-message@rs.c2c-gateway\"]}");
                assertEquals(List.of(chosen), one.replayed());
                assertEquals(List.of("no-such-message@rs.c2c-gateway"), one.notFound());
                assertDelivered(chosen, submitted.get(chosen), rsNational, mkNational);
                assertEquals(2, operator.deadLetters("MK").size(), "only the chosen one was replayed");

                DeadLetterController.Replayed rest = operator.replay("MK", "{\"all\": true}");
                assertEquals(Set.copyOf(ids.subList(1, 3)), Set.copyOf(rest.replayed()));
                for (String id : ids.subList(1, 3)) {
                    assertDelivered(id, submitted.get(id), rsNational, mkNational);
                }
                assertEquals(List.of(), operator.deadLetters("MK"));
                assertEquals(0, rs.getBean(EmbeddedBroker.class).messageCount(Queues.deadLetter("MK")));
            }
        }
    }

    private static void assertDelivered(String messageId, byte[] notification, NationalSystemClient rsNational,
                                        NationalSystemClient mkNational) throws Exception {
        InboxController.Item item = Await.until(messageId + " in MK's inbox", TIMEOUT, () ->
                mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
        Delivered.assertSameData(notification, Base64.getDecoder().decode(item.payload()));
        MessageController.Timeline delivered = Await.until("RS to verify MK's receipt for " + messageId, TIMEOUT, () ->
                Optional.ofNullable(rsNational.trace(messageId)).filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        List<String> events = ExchangeEndToEndIT.events(delivered);
        assertTrue(events.indexOf("DEAD_LETTERED") < events.indexOf("REPLAYED")
                && events.indexOf("REPLAYED") < events.lastIndexOf("RECEIPT_VERIFIED"), events.toString());
        assertTrue(delivered.receiptStored());
    }

    /** An operator (an admin) on RS's admin API, over HTTPS. */
    private static final class Operator {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TwoGateways.tls("rs")).build();
        private final JsonMapper json = JsonMapper.createDefault();
        private final URI base;

        Operator(int port) {
            base = URI.create("https://localhost:" + port + "/api/v1/admin/dead-letters");
        }

        List<DeadLetterController.Entry> deadLetters(String partner) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + "?partner=" + partner))
                    .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), new String(response.body()));
            return json.readValue(response.body(), Argument.listOf(DeadLetterController.Entry.class));
        }

        DeadLetterController.Replayed replay(String partner, String body) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = post(partner, body);
            assertEquals(200, response.statusCode(), new String(response.body()));
            return json.readValue(response.body(), DeadLetterController.Replayed.class);
        }

        HttpResponse<byte[]> post(String partner, String body) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/" + partner + "/replay"))
                    .header("Authorization", "Bearer " + TwoGateways.OPERATOR_TOKEN).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
