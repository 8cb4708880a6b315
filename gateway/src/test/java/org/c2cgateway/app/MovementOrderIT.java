package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.validation.NotificationValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-movement order through a partner outage, with several senders per partner queue: notifications of
 * several movements, interleaved, while the partner is down, then more once it is back. The receiver's
 * national inbox must hold each movement's notifications in submission order, each once.
 */
class MovementOrderIT {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MOVEMENTS = 5;
    private static final int PER_MOVEMENT = 4;

    @TempDir
    Path data;

    @Test
    void each_movement_arrives_in_submission_order_through_retries_with_several_consumers() throws Exception {
        int rsPort = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        Map<String, Object> rsSettings = Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port),
                "c2c.consumers-per-partner", 4,
                "c2c.delivery.retry.initial-delay", "50ms",
                "c2c.delivery.retry.max-delay", "300ms",
                "c2c.delivery.circuit-breaker.failure-threshold", 1000);
        List<String> mrns = mrns();
        Map<String, String> messageIds = new LinkedHashMap<>(); // national message id -> gateway message id

        try (ApplicationContext rs = TwoGateways.start("rs", rsPort, rsAs4Port, data, rsSettings)) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
            // the first half while MK is down: every send fails and is retried
            for (int seq = 0; seq < PER_MOVEMENT / 2; seq++) {
                submitRound(rsNational, mrns, seq, messageIds);
            }
            String first = messageIds.values().iterator().next();
            Await.until("failed sends to MK", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(first))
                    .filter(t -> t.events().stream().filter(e -> e.event().equals("SEND_FAILED")).count() >= 2));

            try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                    Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)))) {
                // the second half while the first half is being retried
                for (int seq = PER_MOVEMENT / 2; seq < PER_MOVEMENT; seq++) {
                    submitRound(rsNational, mrns, seq, messageIds);
                }
                NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", mkPort);
                List<InboxController.Item> inbox = Await.until("all notifications in MK's inbox", TIMEOUT, () ->
                        Optional.of(mkNational.inbox()).filter(items -> items.size() >= MOVEMENTS * PER_MOVEMENT));

                assertEquals(MOVEMENTS * PER_MOVEMENT, inbox.size(), "none twice");
                Map<String, List<String>> arrived = new LinkedHashMap<>();
                for (InboxController.Item item : inbox) {
                    assertEquals(messageIds.get(item.nationalMessageId()), item.messageId(), item.nationalMessageId());
                    arrived.computeIfAbsent(item.mrn(), m -> new ArrayList<>()).add(item.nationalMessageId());
                }
                for (String mrn : mrns) {
                    List<String> expected = new ArrayList<>();
                    for (int seq = 0; seq < PER_MOVEMENT; seq++) {
                        expected.add(nationalId(mrn, seq));
                    }
                    assertEquals(expected, arrived.get(mrn), "order of movement " + mrn);
                }
                int failures = 0;
                for (String id : messageIds.values()) {
                    failures += (int) rsNational.trace(id).events().stream().filter(e -> e.event().equals("SEND_FAILED")).count();
                }
                assertTrue(failures >= MOVEMENTS, "the outage made sends fail: " + failures);
            }
        }
    }

    private static void submitRound(NationalSystemClient national, List<String> mrns, int seq,
                                    Map<String, String> messageIds) throws Exception {
        for (String mrn : mrns) {
            NationalSystemClient.Response response = national.submit(notification(mrn, seq));
            assertEquals(202, response.status(), response.text());
            messageIds.put(nationalId(mrn, seq), national.read(response, SubmissionAccepted.class).messageId());
        }
    }

    private static String nationalId(String mrn, int seq) {
        return "ORDER-" + mrn + "-" + seq;
    }

    private static byte[] notification(String mrn, int seq) throws Exception {
        return Files.readString(ExchangeEndToEndIT.RS_TO_MK)
                .replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>" + nationalId(mrn, seq) + "</MessageId>")
                .replaceFirst("<MRN>[^<]*</MRN>", "<MRN>" + mrn + "</MRN>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** MRNs of distinct movements, their check digits found by the gateway's own validator. */
    private static List<String> mrns() throws Exception {
        NotificationValidator validator = new NotificationValidator(10_000_000);
        List<String> mrns = new ArrayList<>();
        for (int serial = 1; mrns.size() < MOVEMENTS; serial++) {
            String body = String.format("26RS0110T000%04dM", 1000 + serial);
            for (char digit = '0'; digit <= '9'; digit++) {
                if (validator.validate(notification(body + digit, 0)).accepted()) {
                    mrns.add(body + digit);
                    break;
                }
            }
        }
        return mrns;
    }
}
