package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.OutboundAs4Message;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.security.KeyStores;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.transport.TlsMaterial;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile AS4 messages sent straight to MK's real AS4 endpoint: each is refused with an ebMS error
 * naming the real cause, and nothing reaches MK's national queue.
 */
class PartnerForgeryIT {

    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static Path rogue;

    @BeforeAll
    static void startGateways() throws Exception {
        gateways = new TwoGateways(data.resolve("gateways"));
        rogue = data.resolve("rogue-pki");
        DevPki.generate(rogue, List.of("RS"), PASSWORD);
    }

    @AfterAll
    static void stopGateways() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void tampered_signed_header_is_refused_as_failed_authentication() throws Exception {
        OutboundAs4Message message = signedByRs("RS");
        String wire = new String(message.body(), StandardCharsets.ISO_8859_1);
        String tampered = wire.replaceFirst("(ConversationId>)[0-9]", "$19");
        assertTrue(!tampered.equals(wire), "the test must change the signed header");

        long before = nationalQueueCount();
        assertRefused(post(TwoGateways.tls("rs"), tampered.getBytes(StandardCharsets.ISO_8859_1), message.contentType()),
                "EBMS:0101", before);
    }

    @Test
    void valid_signature_by_a_key_mk_does_not_trust_for_rs_is_refused() throws Exception {
        PrivateKeyEntry rogueKey = KeyStores.loadPrivateKeyEntry(rogue.resolve("rs/signing.p12"), PASSWORD, "signing");
        OutboundAs4Message message = build(rogueKey, "RS");

        long before = nationalQueueCount();
        assertRefused(post(TwoGateways.tls("rs"), message.body(), message.contentType()), "EBMS:0101", before);
    }

    @Test
    void message_signed_by_rs_but_claiming_to_come_from_bg_is_refused() throws Exception {
        OutboundAs4Message message = signedByRs("BG");

        long before = nationalQueueCount();
        assertRefused(post(TwoGateways.tls("rs"), message.body(), message.contentType()), "EBMS:0101", before);
    }

    @Test
    void tls_client_certificate_from_an_untrusted_ca_is_refused_in_the_handshake() throws Exception {
        OutboundAs4Message message = signedByRs("RS");
        SSLContext rogueTls = TlsMaterial.load(rogue.resolve("rs/tls.p12"), PASSWORD,
                TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12"), PASSWORD).clientContext();
        long before = nationalQueueCount();

        assertThrows(IOException.class, () -> post(rogueTls, message.body(), message.contentType()));
        assertEquals(before, nationalQueueCount());
    }

    @Test
    void connection_without_a_tls_client_certificate_is_refused_in_the_handshake() throws Exception {
        OutboundAs4Message message = signedByRs("RS");
        SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
        anonymous.init(null, TlsMaterial.load(TwoGateways.HOME.resolve("certs-dev/pki/rs/tls.p12"), PASSWORD,
                TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12"), PASSWORD).trustManagers(), null);

        assertThrows(IOException.class, () -> post(anonymous, message.body(), message.contentType()));
    }

    @Test
    void rs_tls_certificate_with_a_message_claiming_to_be_from_bg_is_refused() throws Exception {
        PrivateKeyEntry bgKey = KeyStores.loadPrivateKeyEntry(TwoGateways.HOME.resolve("certs-dev/pki/bg/signing.p12"),
                PASSWORD, "signing");
        OutboundAs4Message message = build(bgKey, "BG");
        long before = nationalQueueCount();

        assertRefused(post(TwoGateways.tls("rs"), message.body(), message.contentType()), "EBMS:0101", before);
    }

    @Test
    void garbage_is_refused_with_an_ebms_error_and_the_gateway_keeps_serving() throws Exception {
        HttpResponse<String> garbage = post(TwoGateways.tls("rs"), "not a SOAP message".getBytes(StandardCharsets.UTF_8),
                "application/soap+xml");
        assertEquals(500, garbage.statusCode());
        assertTrue(garbage.body().contains("EBMS:"), garbage.body());

        OutboundAs4Message good = signedByRs("RS");
        HttpResponse<String> receipt = post(TwoGateways.tls("rs"), good.body(), good.contentType());
        assertEquals(200, receipt.statusCode(), receipt.body());
        assertTrue(receipt.body().contains("Receipt"), receipt.body());
    }

    private static OutboundAs4Message signedByRs(String claimedFrom) throws Exception {
        return build(rsKey(), claimedFrom);
    }

    private static PrivateKeyEntry rsKey() {
        return KeyStores.loadPrivateKeyEntry(TwoGateways.HOME.resolve("certs-dev/pki/rs/signing.p12"), PASSWORD, "signing");
    }

    private static OutboundAs4Message build(PrivateKeyEntry signer, String fromParty) throws Exception {
        return build(signer, fromParty, java.util.UUID.randomUUID() + "@forgery-test",
                Files.readAllBytes(ExchangeEndToEndIT.RS_TO_MK));
    }

    private static OutboundAs4Message build(PrivateKeyEntry signer, String fromParty, String messageId, byte[] payload)
            throws Exception {
        UserMessage message = new UserMessage(messageId, Instant.now(), fromParty, "MK", Collaboration.SERVICE,
                "PreArrivalNotification", "24RS000000000001K0", Collaboration.agreementRef(fromParty, "MK"),
                fromParty, "MK", payload, "application/xml");
        return new As4MessageBuilder(As4MessageBuilder.UNREGISTERED_PARTY_ID_TYPE, Collaboration.SERVICE_TYPE).build(message, signer,
                KeyStores.loadCertificate(TwoGateways.HOME.resolve("certs-dev/pki/mk/encryption.crt")));
    }

    private static HttpResponse<String> post(SSLContext tls, byte[] body, String contentType) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(URI.create(TwoGateways.as4Url(gateways.mkAs4Port)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authentic_notification_that_breaks_a_rule_is_refused_naming_the_rule_and_traced() throws Exception {
        byte[] invalid = Files.readString(ExchangeEndToEndIT.RS_TO_MK)
                .replaceFirst("<CommodityCode>[0-9]{6}</CommodityCode>", "<CommodityCode>12AB</CommodityCode>")
                .getBytes(StandardCharsets.UTF_8);
        String messageId = java.util.UUID.randomUUID() + "@rs.c2c-gateway";
        OutboundAs4Message message = build(rsKey(), "RS", messageId, invalid);
        long before = nationalQueueCount();

        HttpResponse<String> response = post(TwoGateways.tls("rs"), message.body(), message.contentType());

        assertRefused(response, "EBMS:0004", before);
        assertTrue(response.body().contains("CommodityCode"), response.body());
        var timeline = TwoGateways.nationalSystem("mk", gateways.mkPort).trace(messageId);
        assertEquals("REJECTED", timeline.status());
        assertTrue(timeline.events().get(timeline.events().size() - 1).detail().contains("CommodityCode"));
    }

    private static long nationalQueueCount() {
        return TwoGateways.messagesAdded(gateways.mk, Queues.IN_NATIONAL);
    }

    private static void assertRefused(HttpResponse<String> response, String ebmsCode, long queuedBefore) {
        assertEquals(500, response.statusCode(), response.body());
        assertTrue(response.body().contains(ebmsCode), "expected " + ebmsCode + " in " + response.body());
        assertEquals(queuedBefore, nationalQueueCount(), "nothing may reach the national queue");
    }
}
