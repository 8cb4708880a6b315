package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery status with MK's other ways of handing a notification over, and with MK sending none: RS never
 * waits for a status, and shows one only when MK sends it.
 */
class DeliveryStatusChannelsIT {

    @TempDir
    Path data;

    @Test
    void a_push_the_webhook_accepted_shows_on_the_senders_timeline_as_partner_delivered() throws Exception {
        HttpsServer webhook = webhook();
        try (TwoGateways gateways = new TwoGateways(data, Map.of(), pushingTo(webhook, Map.of()))) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
            String id = DeliveryStatusIT.submit(rsNational, ExchangeEndToEndIT.RS_TO_MK);

            MessageController.Timeline sent = Await.until("MK's status on RS's timeline of " + id,
                    DeliveryStatusIT.TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                            .filter(t -> DeliveryStatusIT.events(t).contains("PARTNER_DELIVERED")));
            MessageController.Step pushed = TwoGateways.nationalSystem("mk", gateways.mkPort).trace(id).events().stream()
                    .filter(e -> e.event().equals("DELIVERED")).findFirst().orElseThrow();
            MessageController.PartnerStatus status = DeliveryStatusIT.only(DeliveryStatusIT.partnerStatus(sent));
            assertEquals("DELIVERED", status.status());
            assertEquals("PUSH", status.channel());
            assertEquals(pushed.at(), status.takenAt());
            assertEquals(new DeliveryStatus(id, DeliveryStatus.Kind.DELIVERED, status.takenAt(), pushed.node(), "PUSH"),
                    DeliveryStatusIT.verifiedEvidence(gateways.rs, status));
            String detail = sent.events().stream().filter(e -> e.event().equals("PARTNER_DELIVERED")).findFirst()
                    .orElseThrow().detail();
            assertTrue(detail.startsWith("MK's national system took it at "), detail);
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void statuses_of_notifications_pushed_together_go_back_in_one_signed_message() throws Exception {
        HttpsServer webhook = webhook();
        int count = 4;
        // the batch is full when all four are noted, whenever that is: no race with the linger
        try (TwoGateways gateways = new TwoGateways(data, Map.of(), pushingTo(webhook, Map.of(
                "c2c.delivery-status.batch.max-statuses", count, "c2c.delivery-status.batch.linger", "10m")))) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(DeliveryStatusIT.submit(rsNational, ExchangeEndToEndIT.RS_TO_MK));
            }

            List<MessageController.PartnerStatus> statuses = new ArrayList<>();
            for (String id : ids) {
                MessageController.Timeline sent = Await.until("MK's status on RS's timeline of " + id,
                        DeliveryStatusIT.TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                                .filter(t -> DeliveryStatusIT.events(t).contains("PARTNER_DELIVERED")));
                statuses.add(DeliveryStatusIT.only(DeliveryStatusIT.partnerStatus(sent)));
            }
            assertEquals(1, statuses.stream().map(MessageController.PartnerStatus::statusMessageId).distinct().count(),
                    "one message for the four: " + statuses);
            DeliveryStatusBatch batch = DeliveryStatusIT.verifiedBatch(gateways.rs, statuses.get(0));
            assertEquals(Set.copyOf(ids), batch.statuses().stream().map(DeliveryStatus::refToMessageId)
                    .collect(Collectors.toSet()), "MK's signed message names each of them");
            for (MessageController.PartnerStatus status : statuses) {
                assertEquals(statuses.get(0).evidence(), status.evidence(), "each keeps the whole signed message");
            }
            assertEquals(count, TwoGateways.messagesAdded(gateways.mk, Queues.DELIVERY_STATUS), "four statuses noted at MK");
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void with_status_sending_off_the_sender_shows_the_receipt_only() throws Exception {
        try (TwoGateways gateways = new TwoGateways(data, Map.of(), Map.of("c2c.delivery-status.enabled", false))) {
            NationalSystemClient rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
            NationalSystemClient mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
            String id = DeliveryStatusIT.submit(rsNational, ExchangeEndToEndIT.RS_TO_MK);
            Await.until(id + " in MK's inbox", DeliveryStatusIT.TIMEOUT, () -> Optional.ofNullable(mkNational.trace(id))
                    .filter(t -> t.status().equals("AWAITING_NATIONAL_SYSTEM") || t.status().equals("DELIVERED")));
            assertEquals(200, mkNational.acknowledge(id).status());
            Await.until(id + " acknowledged at MK", DeliveryStatusIT.TIMEOUT, () -> Optional.ofNullable(mkNational.trace(id))
                    .filter(t -> t.status().equals("ACKNOWLEDGED")));
            MessageController.Timeline sent = Await.until(id + " delivered to MK", DeliveryStatusIT.TIMEOUT, () ->
                    Optional.ofNullable(rsNational.trace(id)).filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));

            // the acknowledgement's transaction would have noted a status: none was, so none can come
            assertEquals(0, TwoGateways.messagesAdded(gateways.mk, Queues.DELIVERY_STATUS));
            List<String> events = DeliveryStatusIT.events(rsNational.trace(id));
            assertEquals("RECEIPT_VERIFIED", events.get(events.size() - 1), events.toString());
            assertTrue(events.stream().noneMatch(e -> e.startsWith("PARTNER_")), events.toString());
            assertEquals(List.of(), DeliveryStatusIT.partnerStatus(sent));
        }
    }

    /** MK's national system: a webhook that accepts every push. */
    private static HttpsServer webhook() throws Exception {
        HttpsServer webhook = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.setHttpsConfigurator(new HttpsConfigurator(TwoGateways.tls("bg")));
        webhook.createContext("/c2c/notifications", new NationalDeliveryIT.Webhook(0)::handle);
        webhook.start();
        return webhook;
    }

    /** MK's settings to push to the webhook, with {@code more}. */
    private static Map<String, Object> pushingTo(HttpsServer webhook, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("c2c.national-delivery.mode", "PUSH");
        settings.put("c2c.national-delivery.push.url", "https://localhost:" + webhook.getAddress().getPort()
                + "/c2c/notifications");
        return settings;
    }
}
