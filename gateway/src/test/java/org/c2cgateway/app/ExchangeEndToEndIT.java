package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.api.SubmissionRejected;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.queue.Queues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real gateways (RS and MK) with persistent Artemis journals, H2 trace stores, mutual TLS on
 * loopback and real WS-Security: what RS's national system submits, MK's national system reads.
 */
class ExchangeEndToEndIT {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path RS_TO_MK = TwoGateways.HOME.resolve("config/samples/valid/rs-to-mk-pre-arrival.xml");

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;
    static NationalSystemClient mkNational;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data);
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void notification_submitted_to_rs_is_read_with_the_same_data_from_mk_inbox_and_traced_on_both_sides() throws Exception {
        byte[] notification = Files.readAllBytes(RS_TO_MK);

        NationalSystemClient.Response response = rsNational.submit(notification);
        assertEquals(202, response.status(), response.text());
        SubmissionAccepted accepted = rsNational.read(response, SubmissionAccepted.class);
        assertEquals("MK", accepted.partner());

        InboxController.Item item = awaitInInbox(accepted.messageId());
        Delivered.assertSameData(notification, Base64.getDecoder().decode(item.payload()));
        assertEquals("RS", item.fromCountry());
        assertTrue(mkNational.inbox().stream().anyMatch(i -> i.messageId().equals(accepted.messageId())),
                "an unacknowledged notification is offered again");

        assertEquals(200, mkNational.acknowledge(accepted.messageId()).status());
        assertFalse(mkNational.inbox().stream().anyMatch(i -> i.messageId().equals(accepted.messageId())),
                "an acknowledged notification is not offered again");
        assertEquals(404, mkNational.acknowledge(accepted.messageId()).status());

        // MK's signed delivery status (its national system acknowledged) may reach RS just before or after the receipt
        MessageController.Timeline sent = Await.until("RS to record the verified receipt and MK's delivery status",
                TIMEOUT, () -> Optional.ofNullable(rsNational.trace(accepted.messageId()))
                        .filter(t -> t.status().equals("DELIVERED_TO_PARTNER"))
                        .filter(t -> events(t).contains("PARTNER_ACKNOWLEDGED")));
        List<String> sentEvents = new ArrayList<>(events(sent));
        assertTrue(sentEvents.remove("PARTNER_ACKNOWLEDGED"), sentEvents.toString());
        assertEquals(List.of("RECEIVED", "VALIDATED", "AGREEMENT_APPLIED", "QUEUED", "SENT", "RECEIPT_VERIFIED"), sentEvents);
        assertTrue(sent.receiptStored());
        assertEquals(List.of("ACKNOWLEDGED"), sent.partnerStatus().stream().map(MessageController.PartnerStatus::status)
                .toList());

        MessageController.Timeline received = mkNational.trace(accepted.messageId());
        assertEquals(List.of("RECEIVED_FROM_PARTNER", "VERIFIED", "AGREEMENT_APPLIED", "QUEUED", "DELIVERED", "ACKNOWLEDGED"),
                events(received));
        assertEquals("ACKNOWLEDGED", received.status());
        assertEquals(sent.payloadSha256(), received.payloadSha256());
        assertEquals(sent.mrn(), received.mrn());
    }

    @Test
    void invalid_notification_gets_400_with_path_and_rule_and_nothing_is_queued_or_traced() throws Exception {
        String valid = Files.readString(RS_TO_MK);
        byte[] invalid = valid.replaceFirst("<CommodityCode>[0-9]{6}</CommodityCode>", "<CommodityCode>12AB</CommodityCode>")
                .getBytes(StandardCharsets.UTF_8);
        long queuedBefore = TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK"));
        long tracedBefore = gateways.rs.getBean(TracedMessageRepository.class).count();

        NationalSystemClient.Response response = rsNational.submit(invalid);

        assertEquals(400, response.status(), response.text());
        SubmissionRejected rejected = rsNational.read(response, SubmissionRejected.class);
        assertTrue(rejected.errors().stream().anyMatch(f -> f.path().endsWith("/CommodityCode")
                && f.rule().startsWith("XSD:")), response.text());
        assertEquals(queuedBefore, TwoGateways.messagesAdded(gateways.rs, Queues.outbound("MK")));
        assertEquals(tracedBefore, gateways.rs.getBean(TracedMessageRepository.class).count());
    }

    @Test
    void notification_for_a_country_without_agreement_is_rejected_naming_the_office_of_entry() throws Exception {
        // the same movement, headed for Albania instead: every North Macedonian code becomes Albanian
        byte[] forAlbania = Files.readString(RS_TO_MK).replace(">MK", ">AL").getBytes(StandardCharsets.UTF_8);

        NationalSystemClient.Response response = rsNational.submit(forAlbania);

        assertEquals(400, response.status(), response.text());
        SubmissionRejected rejected = rsNational.read(response, SubmissionRejected.class);
        assertEquals("AGREEMENT:none", rejected.errors().get(0).rule());
        assertTrue(rejected.errors().get(0).path().endsWith("/OfficeOfEntry"));
        assertTrue(rejected.errors().get(0).message().contains("this gateway holds no agreement with AL"),
                rejected.errors().get(0).message());
    }

    @Test
    void unknown_message_has_no_trace() throws Exception {
        assertNull(rsNational.trace("no-such-message@rs.c2c-gateway"));
    }

    static InboxController.Item awaitInInbox(String messageId) throws Exception {
        return Await.until(messageId + " in MK's inbox", TIMEOUT,
                () -> mkNational.inbox().stream().filter(i -> i.messageId().equals(messageId)).findFirst());
    }

    static List<String> events(MessageController.Timeline timeline) {
        return timeline.events().stream().map(MessageController.Step::event).toList();
    }
}
