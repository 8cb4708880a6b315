package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;

import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AS4 duplicate elimination on MK's real AS4 endpoint: RS's retry of a message MK already accepted is
 * answered with the very receipt of the first time and never reaches MK's national system twice, also
 * after MK restarts on the same trace store.
 */
class InboundDuplicateIT {

    @TempDir
    Path data;

    @Test
    void repeated_message_gets_the_same_receipt_and_is_delivered_once_also_after_restart() throws Exception {
        int mkPort = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        Map<String, Object> settings = Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort()));
        String messageId = UUID.randomUUID() + "@rs.c2c-gateway";
        OutboundAs4Message message = signedByRs(messageId);
        byte[] firstReceipt;

        ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data, settings);
        try {
            long before = TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL);
            HttpResponse<byte[]> first = post(mkAs4Port, message);
            HttpResponse<byte[]> second = post(mkAs4Port, message);

            assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
            assertEquals(200, second.statusCode(), new String(second.body(), StandardCharsets.UTF_8));
            firstReceipt = first.body();
            assertTrue(new String(firstReceipt, StandardCharsets.UTF_8).contains("Receipt"));
            assertArrayEquals(firstReceipt, second.body(), "the repeat must get the very same receipt");
            verifiedByRs(second, message, messageId);
            assertEquals(before + 1, TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL), "queued once only");
            assertInInboxOnce(mkPort, messageId);
        } finally {
            mk.close();
        }

        try (ApplicationContext mkAgain = TwoGateways.start("mk", mkPort, mkAs4Port, data, settings)) {
            long before = TwoGateways.messagesAdded(mkAgain, Queues.IN_NATIONAL);
            HttpResponse<byte[]> third = post(mkAs4Port, message);

            assertEquals(200, third.statusCode(), new String(third.body(), StandardCharsets.UTF_8));
            assertArrayEquals(firstReceipt, third.body(), "the receipt survives a restart");
            assertEquals(before, TwoGateways.messagesAdded(mkAgain, Queues.IN_NATIONAL), "not queued again");
            assertInInboxOnce(mkPort, messageId);
            var timeline = TwoGateways.nationalSystem("mk", mkPort).trace(messageId);
            assertEquals(2, timeline.events().stream().filter(e -> e.event().equals("DUPLICATE_RECEIVED")).count());
            assertTrue(timeline.receiptStored());
        }
    }

    @Test
    void message_queued_before_a_crash_kept_its_receipt_gets_a_new_receipt_once_and_then_that_one() throws Exception {
        int mkPort = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        String messageId = UUID.randomUUID() + "@rs.c2c-gateway";
        OutboundAs4Message message = signedByRs(messageId);

        try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort())))) {
            long before = TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL);
            HttpResponse<byte[]> first = post(mkAs4Port, message);
            assertEquals(200, first.statusCode());
            forgetReceipt(mk, messageId); // as if the node had crashed between queueing and keeping the receipt

            HttpResponse<byte[]> retry = post(mkAs4Port, message);
            HttpResponse<byte[]> again = post(mkAs4Port, message);

            assertEquals(200, retry.statusCode(), new String(retry.body(), StandardCharsets.UTF_8));
            assertTrue(new String(retry.body(), StandardCharsets.UTF_8).contains("Receipt"));
            assertArrayEquals(retry.body(), again.body(), "the receipt kept on the retry is the one from then on");
            assertEquals(before + 1, TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL), "queued once only");
            assertInInboxOnce(mkPort, messageId);
        }
    }

    @Test
    void message_signed_anew_for_a_retry_gets_a_receipt_rs_accepts_and_is_not_delivered_again() throws Exception {
        int mkPort = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        String messageId = UUID.randomUUID() + "@rs.c2c-gateway";
        OutboundAs4Message first = signedByRs(messageId);
        OutboundAs4Message resigned = signedByRs(messageId); // as RS's dispatch does on each attempt

        try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data,
                Map.of("c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort())))) {
            long before = TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL);
            HttpResponse<byte[]> firstAnswer = post(mkAs4Port, first);
            HttpResponse<byte[]> retryAnswer = post(mkAs4Port, resigned);
            HttpResponse<byte[]> firstAgain = post(mkAs4Port, first);

            verifiedByRs(firstAnswer, first, messageId);
            verifiedByRs(retryAnswer, resigned, messageId);
            assertArrayEquals(firstAnswer.body(), firstAgain.body(), "the first receipt stays the one kept");
            assertEquals(before + 1, TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL), "queued once only");
            assertInInboxOnce(mkPort, messageId);
        }
    }

    @Test
    void repeat_after_the_duplicate_window_is_refused_and_not_delivered_again() throws Exception {
        int mkPort = TwoGateways.freePort();
        int mkAs4Port = TwoGateways.freePort();
        String messageId = UUID.randomUUID() + "@rs.c2c-gateway";
        OutboundAs4Message message = signedByRs(messageId);

        try (ApplicationContext mk = TwoGateways.start("mk", mkPort, mkAs4Port, data, Map.of(
                "c2c.partners.RS.endpoint", TwoGateways.as4Url(TwoGateways.freePort()),
                "c2c.inbound.duplicate-window", "1ms"))) {
            long before = TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL);
            assertEquals(200, post(mkAs4Port, message).statusCode());

            HttpResponse<byte[]> late = post(mkAs4Port, message);

            String body = new String(late.body(), StandardCharsets.UTF_8);
            assertEquals(500, late.statusCode(), body);
            assertTrue(body.contains("EBMS:0004") && body.contains("duplicate window"), body);
            assertEquals(before + 1, TwoGateways.messagesAdded(mk, Queues.IN_NATIONAL), "not queued again");
            assertInInboxOnce(mkPort, messageId);
        }
    }

    @SuppressWarnings("unchecked")
    private static void forgetReceipt(ApplicationContext gateway, String messageId) {
        TransactionOperations<Connection> transactions = gateway.getBean(TransactionOperations.class);
        int updated = transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection()
                    .prepareStatement("UPDATE trace_message SET receipt = NULL WHERE message_id = ?")) {
                update.setString(1, messageId);
                return update.executeUpdate();
            }
        });
        assertEquals(1, updated);
    }

    private static void assertInInboxOnce(int mkPort, String messageId) throws Exception {
        NationalSystemClient national = TwoGateways.nationalSystem("mk", mkPort);
        assertEquals(1, national.inbox().stream().filter(i -> i.messageId().equals(messageId)).count(),
                "the national system sees the notification once");
    }

    /** RS's own check of a receipt: signed by MK, for this message, repeating the digests of this envelope. */
    private static void verifiedByRs(HttpResponse<byte[]> answer, OutboundAs4Message sent, String messageId) throws Exception {
        assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
        new ReceiptVerifier().verify(answer.body(), answer.headers().firstValue("Content-Type").orElseThrow(),
                messageId, "MK", rsTrustInMk(), sent.signedDigests());
    }

    /** RS's trust in MK: MK's signing certificate pinned, under the CA that issued it; no CRL. */
    private static PartnerAuthentication.Check rsTrustInMk() {
        PrivateKeyEntry mkSigning = KeyStores.loadPrivateKeyEntry(TwoGateways.HOME.resolve("certs-dev/pki/mk/signing.p12"),
                PartnerForgeryIT.PASSWORD, "signing");
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(mkSigning.certificate()), null);
        Partner mk = new Partner("MK", "MK", URI.create(TwoGateways.as4Url(1)), new PartnerTrust("MK",
                List.of(mkSigning.chain().get(1)), pinned, pinned), List.of(mkSigning.certificate()), null);
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED))
                .at(new PartnerDirectory(List.of(mk)), Instant.now());
    }

    private static OutboundAs4Message signedByRs(String messageId) throws Exception {
        UserMessage message = new UserMessage(messageId, Instant.now(), "RS", "MK", Collaboration.SERVICE,
                "PreArrivalNotification", "24RS000000000001K0", Collaboration.agreementRef("RS", "MK"),
                "RS", "MK", Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK), "application/xml");
        return new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE, Collaboration.SERVICE_TYPE).build(message,
                KeyStores.loadPrivateKeyEntry(TwoGateways.HOME.resolve("certs-dev/pki/rs/signing.p12"),
                        PartnerForgeryIT.PASSWORD, "signing"),
                KeyStores.loadCertificate(TwoGateways.HOME.resolve("certs-dev/pki/mk/encryption.crt")));
    }

    private static HttpResponse<byte[]> post(int as4Port, OutboundAs4Message message) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TwoGateways.tls("rs")).build();
        return client.send(HttpRequest.newBuilder(URI.create(TwoGateways.as4Url(as4Port)))
                .header("Content-Type", message.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(message.body()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
