package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Accepted" means "on disk": a notification accepted while the partner is down survives a restart of
 * the sending gateway on the same journal, and reaches the partner once it is up.
 */
class DurableQueueIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void notification_accepted_while_partner_is_down_is_delivered_after_sender_restart() throws Exception {
        int rsPort = TwoGateways.freePort();
        int mkPort = TwoGateways.freePort();
        int rsAs4Port = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        Map<String, Object> rsSettings = Map.of(
                "c2c.partners.MK.endpoint", TwoGateways.as4Url(mkAs4Port),
                "c2c.delivery.retry.initial-delay", "100ms",
                "c2c.delivery.retry.max-delay", "500ms",
                "c2c.delivery.circuit-breaker.probe-interval", "200ms");
        byte[] notification = Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK);

        ApplicationContext rs = TwoGateways.start("rs", rsPort, rsAs4Port, data, rsSettings);
        NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", rsPort);
        String messageId;
        try {
            NationalSystemClient.Response response = rsNational.submit(notification);
            assertEquals(202, response.status(), response.text());
            messageId = rsNational.read(response, SubmissionAccepted.class).messageId();
            MessageController.Timeline failing = Await.until("a failed attempt to reach MK", TIMEOUT, () ->
                    Optional.ofNullable(rsNational.trace(messageId))
                            .filter(t -> t.events().stream().anyMatch(e -> e.event().equals("SEND_FAILED"))));
            assertTrue(failing.events().stream().anyMatch(e -> e.event().equals("SEND_FAILED")
                    && e.detail().contains("attempt")), "the failed attempt is traced with its cause");
        } finally {
            rs.close();
        }

        try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(rsAs4Port)));
             ApplicationContext rsAgain = TwoGateways.start("rs", rsPort, rsAs4Port, data, rsSettings)) {
            NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", mkPort);
            InboxController.Item item = Await.until("the notification in MK's inbox", TIMEOUT, () ->
                    mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
            Delivered.assertSameData(notification, Base64.getDecoder().decode(item.payload()));
            MessageController.Timeline delivered = Await.until("RS to verify MK's receipt", TIMEOUT, () ->
                    Optional.ofNullable(rsNational.trace(messageId))
                            .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
            assertTrue(delivered.receiptStored());
        }
    }
}
