package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.status.DeliveryStatus;
import org.c2cgateway.status.DeliveryStatusBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across the border: RS sends to MK, MK's national system takes the notification, and RS's timeline shows it
 * from MK's signed delivery status, with the status kept as evidence. Real gateways over mutual TLS; MK's
 * national system pulls and acknowledges (the default channel).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryStatusIT {

    static final Duration TIMEOUT = NationalDeliveryIT.TIMEOUT;
    private static final Path RS_TO_BG = TwoGateways.HOME.resolve("config/samples/valid/rs-to-bg-pre-arrival.xml");
    private static final Path MK_TO_RS = TwoGateways.HOME.resolve("config/samples/valid/mk-to-rs-exit.xml");

    private TwoGateways gateways;
    private NationalSystemClient rsNational;
    private NationalSystemClient mkNational;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        gateways = new TwoGateways(data);
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
    }

    @AfterAll
    void stop() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void acknowledged_notification_shows_on_the_senders_timeline_with_the_signed_status_and_a_repeat_is_harmless()
            throws Exception {
        String id = submit(rsNational, ExchangeEndToEndIT.RS_TO_MK);
        Await.until(id + " in MK's inbox", TIMEOUT, () -> Optional.ofNullable(mkNational.trace(id))
                .filter(t -> t.status().equals("AWAITING_NATIONAL_SYSTEM") || t.status().equals("DELIVERED")));
        assertEquals(200, mkNational.acknowledge(id).status());

        MessageController.Timeline sent = Await.until("MK's status on RS's timeline of " + id, TIMEOUT, () ->
                Optional.ofNullable(rsNational.trace(id)).filter(t -> events(t).contains("PARTNER_ACKNOWLEDGED")));
        assertTrue(events(sent).contains("RECEIPT_VERIFIED"), events(sent).toString());
        assertEquals("DELIVERED_TO_PARTNER", sent.status(), "the partner's status adds evidence, not a new state");
        MessageController.Step step = sent.events().stream().filter(e -> e.event().equals("PARTNER_ACKNOWLEDGED"))
                .findFirst().orElseThrow();
        MessageController.Timeline received = mkNational.trace(id);
        MessageController.Step acknowledged = received.events().stream().filter(e -> e.event().equals("ACKNOWLEDGED"))
                .findFirst().orElseThrow();
        assertTrue(step.detail().startsWith("MK's national system acknowledged it at " + acknowledged.at() + " on node "
                + acknowledged.node() + " (PULL); delivery status "), step.detail());

        MessageController.PartnerStatus status = only(sent.partnerStatus());
        assertEquals("ACKNOWLEDGED", status.status());
        assertEquals(acknowledged.at(), status.takenAt(), "as MK's trace has it");
        assertEquals(acknowledged.node(), status.partnerNode());
        assertEquals("PULL", status.channel());
        DeliveryStatus evidence = verifiedEvidence(gateways.rs, status);
        assertEquals(new DeliveryStatus(id, DeliveryStatus.Kind.ACKNOWLEDGED, status.takenAt(), acknowledged.node(),
                "PULL"), evidence, "the evidence is MK's signed message, and it says what the timeline says");
        assertEquals(1, TwoGateways.messagesAdded(gateways.mk, Queues.DELIVERY_STATUS), "one status noted at MK");

        // MK's very message again, as a retry after a lost receipt would send it: acknowledged, changes nothing
        TestPartner mk = TestPartner.mkSendingToRs(gateways.rsAs4Port);
        HttpResponse<byte[]> repeat = mk.post(HttpRequest.BodyPublishers.ofByteArray(
                Base64.getDecoder().decode(status.evidence())), status.contentType());
        assertEquals(200, repeat.statusCode(), new String(repeat.body(), StandardCharsets.UTF_8));
        assertTrue(new String(repeat.body(), StandardCharsets.UTF_8).contains("Receipt"));
        MessageController.Timeline after = rsNational.trace(id);
        assertEquals(1, events(after).stream().filter("PARTNER_ACKNOWLEDGED"::equals).count(), events(after).toString());
        assertEquals(sent.partnerStatus(), after.partnerStatus());
    }

    @Test
    void a_status_about_a_message_not_sent_to_that_partner_is_refused_traced_and_changes_nothing() throws Exception {
        String toBg = submit(rsNational, RS_TO_BG); // BG is not running: the message waits for it
        String fromMk = submit(mkNational, MK_TO_RS);
        Await.until(fromMk + " received by RS", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(fromMk))
                .filter(t -> t.direction().equals("INBOUND")));
        TestPartner mk = TestPartner.mkSendingToRs(gateways.rsAs4Port);

        for (String reference : List.of("no-such-message@c2c-gateway", toBg, fromMk)) {
            RefusalCheck check = RefusalCheck.before(gateways.rs);
            List<String> eventsBefore = events(rsNational.trace(reference));
            String statusId = UUID.randomUUID() + "@mk.forged-status";
            HttpResponse<byte[]> answer = mk.post(mk.genuine(mk.deliveryStatus(statusId, new DeliveryStatus(reference,
                    DeliveryStatus.Kind.DELIVERED, Instant.now(), "mk-1", "PUSH"))));

            check.assertRefused(answer, EbmsError.VALUE_INCONSISTENT, "the delivery status refers to " + reference,
                    "which is no message this gateway sent to MK");
            MessageController.Timeline refused = rsNational.trace(statusId);
            assertEquals("REJECTED", refused.status(), "the refused status is traced like any refused message");
            assertEquals(List.of("RECEIVED_FROM_PARTNER", "REJECTED"), events(refused));
            MessageController.Timeline referenced = rsNational.trace(reference);
            if (referenced != null) {
                assertTrue(events(referenced).stream().noneMatch(e -> e.startsWith("PARTNER_")), events(referenced).toString());
                assertEquals(List.of(), partnerStatus(referenced));
                assertEquals(eventsBefore, events(referenced).subList(0, eventsBefore.size()));
            }
        }
    }

    @Test
    void a_batch_with_one_status_about_a_message_not_sent_to_that_partner_is_refused_whole() throws Exception {
        String id = submit(rsNational, ExchangeEndToEndIT.RS_TO_MK);
        Await.until(id + " delivered to MK", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                .filter(t -> events(t).contains("RECEIPT_VERIFIED")));
        String toBg = submit(rsNational, RS_TO_BG);
        TestPartner mk = TestPartner.mkSendingToRs(gateways.rsAs4Port);
        DeliveryStatusBatch batch = new DeliveryStatusBatch(List.of(
                new DeliveryStatus(id, DeliveryStatus.Kind.DELIVERED, Instant.now(), "mk-1", "PUSH"),
                new DeliveryStatus(toBg, DeliveryStatus.Kind.DELIVERED, Instant.now(), "mk-1", "PUSH")));

        RefusalCheck.before(gateways.rs).assertRefused(mk.post(mk.genuine(mk.deliveryStatuses(
                        UUID.randomUUID() + "@mk.forged-status", batch))), EbmsError.VALUE_INCONSISTENT,
                "the delivery status refers to " + toBg, "which is no message this gateway sent to MK");
        assertTrue(partnerStatus(rsNational.trace(id)).stream().noneMatch(p -> p.status().equals("DELIVERED")),
                "nothing of a refused batch is kept: " + partnerStatus(rsNational.trace(id)));
    }

    @Test
    void a_status_whose_ebms_reference_contradicts_its_payload_is_refused() throws Exception {
        String id = submit(rsNational, ExchangeEndToEndIT.RS_TO_MK);
        Await.until(id + " delivered to MK", TIMEOUT, () -> Optional.ofNullable(rsNational.trace(id))
                .filter(t -> events(t).contains("RECEIPT_VERIFIED")));
        TestPartner mk = TestPartner.mkSendingToRs(gateways.rsAs4Port);
        UserMessage status = mk.deliveryStatus(UUID.randomUUID() + "@mk.forged-status", new DeliveryStatus(id,
                DeliveryStatus.Kind.DELIVERED, Instant.now(), "mk-1", "PUSH"));
        UserMessage contradicting = new UserMessage(status.messageId(), status.timestamp(), status.fromParty(),
                status.toParty(), status.service(), status.action(), status.conversationId(), status.agreementRef(),
                status.originalSender(), status.finalRecipient(), status.payload(), status.payloadMimeType(),
                "another@c2c-gateway");

        RefusalCheck.before(gateways.rs).assertRefused(mk.post(mk.genuine(contradicting)), EbmsError.VALUE_INCONSISTENT,
                "eb:RefToMessageId another@c2c-gateway is not the delivery status's RefToMessageId " + id);
        assertEquals(List.of(), partnerStatus(rsNational.trace(id)));
    }

    /** Opens the kept AS4 message again with RS's keys: MK's signature checks out and the payload is the status. */
    static DeliveryStatus verifiedEvidence(ApplicationContext sender, MessageController.PartnerStatus status)
            throws Exception {
        return only(verifiedBatch(sender, status).statuses());
    }

    /** As {@link #verifiedEvidence}, for a message that may hold several statuses. */
    static DeliveryStatusBatch verifiedBatch(ApplicationContext sender, MessageController.PartnerStatus status)
            throws Exception {
        Credentials credentials = sender.getBean(CredentialsInForce.class).current();
        InboundUserMessage opened = sender.getBean(As4MessageOpener.class).open(
                Base64.getDecoder().decode(status.evidence()), status.contentType(),
                sender.getBean(PartnerAuthentication.class).at(credentials.partners(), Instant.now()),
                credentials.keys().ownKeys());
        assertEquals(status.statusMessageId(), opened.message().messageId());
        assertEquals("DeliveryStatus", opened.message().action());
        DeliveryStatusBatch said = DeliveryStatusBatch.parse(opened.message().payload());
        assertEquals(said.refToMessageId(), opened.message().refToMessageId());
        return said;
    }

    static String submit(NationalSystemClient national, Path sample) throws Exception {
        NationalSystemClient.Response response = national.submit(TwoGateways.uniqueSample(sample));
        assertEquals(202, response.status(), response.text());
        return national.read(response, SubmissionAccepted.class).messageId();
    }

    static List<String> events(MessageController.Timeline timeline) {
        return timeline == null ? List.of() : ExchangeEndToEndIT.events(timeline);
    }

    /** The API leaves the list out when there is none. */
    static List<MessageController.PartnerStatus> partnerStatus(MessageController.Timeline timeline) {
        return timeline.partnerStatus() == null ? List.of() : timeline.partnerStatus();
    }

    static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
