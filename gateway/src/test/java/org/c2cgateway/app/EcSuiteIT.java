package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.c2cgateway.app.api.InboxController;
import org.c2cgateway.app.api.MessageController;
import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.KeyStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RS and MK agreed on the eDelivery AS4 2.0 EC suite: the notification travels signed with Ed25519 and
 * encrypted under an X25519 agreement, and MK's receipt comes back signed with Ed25519, between two real
 * gateways (persistent journals, H2 traces, mutual TLS on loopback).
 */
class EcSuiteIT {

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static NationalSystemClient rsNational;
    static NationalSystemClient mkNational;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data, ecAgreement("rs", "MK"), ecAgreement("mk", "RS"));
        rsNational = TwoGateways.nationalSystem("rs", gateways.rsPort);
        mkNational = TwoGateways.nationalSystem("mk", gateways.mkPort);
    }

    /** Own EC keys of {@code own} and its agreement with {@code partner} on the EC suite. */
    static Map<String, Object> ecAgreement(String own, String partner) {
        String partnerDir = "certs-dev/pki/" + partner.toLowerCase() + "/";
        return Map.of(
                "c2c.message-keys.signing-ec.current.key-store", "certs-dev/pki/" + own + "/signing-ed25519.p12",
                "c2c.message-keys.signing-ec.current.password", "${c2c.secret.message-key-password}",
                "c2c.message-keys.encryption-ec.current.key-store", "certs-dev/pki/" + own + "/encryption-x25519.p12",
                "c2c.message-keys.encryption-ec.current.password", "${c2c.secret.message-key-password}",
                "c2c.partners." + partner + ".suite", "EDELIVERY_AS4_2_EC",
                "c2c.partners." + partner + ".trust.signing-certificates", List.of(partnerDir + "signing-ed25519.crt"),
                "c2c.partners." + partner + ".encryption-certificates", List.of(partnerDir + "encryption-x25519.crt"));
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void both_gateways_hold_the_ec_agreement() {
        assertEquals(CryptoSuite.EDELIVERY_AS4_2_EC,
                gateways.rs.getBean(CredentialsInForce.class).current().partners().byCountry("MK").orElseThrow().suite());
        assertEquals(CryptoSuite.EDELIVERY_AS4_2_EC,
                gateways.mk.getBean(CredentialsInForce.class).current().partners().byCountry("RS").orElseThrow().suite());
    }

    @Test
    void notification_travels_on_the_ec_suite_and_the_ed25519_receipt_is_verified() throws Exception {
        byte[] notification = TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK);

        NationalSystemClient.Response response = rsNational.submit(notification);
        assertEquals(202, response.status(), response.text());
        SubmissionAccepted accepted = rsNational.read(response, SubmissionAccepted.class);

        InboxController.Item item = Await.until("MK's inbox to offer " + accepted.messageId(),
                ExchangeEndToEndIT.TIMEOUT, () -> mkNational.inbox().stream()
                        .filter(i -> i.messageId().equals(accepted.messageId())).findFirst());
        Delivered.assertSameData(notification, Base64.getDecoder().decode(item.payload()));

        MessageController.Timeline sent = Await.until("RS to record the verified receipt",
                ExchangeEndToEndIT.TIMEOUT, () -> Optional.ofNullable(rsNational.trace(accepted.messageId()))
                        .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
        assertEquals(List.of("RECEIVED", "VALIDATED", "AGREEMENT_APPLIED", "QUEUED", "SENT", "RECEIPT_VERIFIED"),
                ExchangeEndToEndIT.events(sent));
        String receipt = gateways.rs.getBean(TracedMessageRepository.class).findById(accepted.messageId())
                .orElseThrow().receipt();
        assertTrue(receipt.contains("Algorithm=\"http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519\""), receipt);
        assertEquals(List.of("RECEIVED_FROM_PARTNER", "VERIFIED", "AGREEMENT_APPLIED", "QUEUED", "DELIVERED"),
                ExchangeEndToEndIT.events(mkNational.trace(accepted.messageId())));
    }

    /**
     * A valid eDelivery AS4 1.x message from RS (its real RSA key, its real TLS certificate) is a
     * downgrade once RS and MK agreed on the EC suite: refused with EBMS:0103 naming the algorithm and the
     * suite, and nothing reaches MK's national queue.
     */
    @Test
    void rsa_signed_message_from_a_partner_agreed_on_ec_is_refused_as_a_downgrade() throws Exception {
        UserMessage message = new UserMessage(UUID.randomUUID() + "@rs.c2c-gateway", Instant.now(), "RS", "MK",
                Collaboration.SERVICE, "PreArrivalNotification", "24RS000000000001K0",
                Collaboration.agreementRef("RS", "MK"), "RS", "MK", TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK),
                "application/xml");
        OutboundAs4Message rsa = new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE,
                Collaboration.SERVICE_TYPE).build(message,
                KeyStores.loadPrivateKeyEntry(TwoGateways.HOME.resolve("certs-dev/pki/rs/signing.p12"),
                        "changeit".toCharArray(), null),
                KeyStores.loadCertificate(TwoGateways.HOME.resolve("certs-dev/pki/mk/signing.crt")),
                CryptoSuite.EDELIVERY_AS4_1);
        long queuedBefore = TwoGateways.messagesAdded(gateways.mk, Queues.IN_NATIONAL);

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TwoGateways.tls("rs")).build()
                .send(HttpRequest.newBuilder(URI.create(TwoGateways.as4Url(gateways.mkAs4Port)))
                        .header("Content-Type", rsa.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(rsa.body())).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.body().contains("EBMS:0103") && response.body().contains("xmldsig-more#rsa-sha256")
                && response.body().contains("EDELIVERY_AS4_2_EC"), response.body());
        assertEquals(queuedBefore, TwoGateways.messagesAdded(gateways.mk, Queues.IN_NATIONAL));
    }
}
