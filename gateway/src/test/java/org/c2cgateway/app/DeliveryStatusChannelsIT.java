package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
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
        HttpsServer webhook = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.setHttpsConfigurator(new HttpsConfigurator(TwoGateways.tls("bg")));
        webhook.createContext("/c2c/notifications", new NationalDeliveryIT.Webhook(0)::handle);
        webhook.start();
        try (TwoGateways gateways = new TwoGateways(data, Map.of(), Map.of(
                "c2c.national-delivery.mode", "PUSH",
                "c2c.national-delivery.push.url", "https://localhost:" + webhook.getAddress().getPort() + "/c2c/notifications"))) {
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
}
