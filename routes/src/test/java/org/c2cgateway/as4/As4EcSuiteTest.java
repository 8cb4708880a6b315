package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

import static org.c2cgateway.security.CryptoSuite.EDELIVERY_AS4_1;
import static org.c2cgateway.security.CryptoSuite.EDELIVERY_AS4_2_EC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The eDelivery AS4 2.0 EC suite (Ed25519 signatures, X25519 + HKDF + AES key wrap, AES-128-GCM) end to
 * end in the engine: build, open, receipt, receipt check; and everything a partner agreed on one suite
 * may not send: the other suite, weak algorithms, tampered parts.
 */
class As4EcSuiteTest {

    private static final String SOAP = "application/soap+xml; charset=UTF-8";

    private final As4MessageOpener opener = new As4MessageOpener();

    private InboundUserMessage openEc(As4Fixtures.Wire w) throws As4Exception {
        return opener.open(w.body(), w.contentType(), As4Fixtures.trustGatewayAEc(), As4Fixtures.keysOfB());
    }

    private As4Exception openEcFails(As4Fixtures.Wire w) {
        return assertThrows(As4Exception.class, () -> openEc(w));
    }

    private static As4Fixtures.Wire ecWire() {
        return As4Fixtures.wire(As4Fixtures.buildAtoBEc(As4Fixtures.sampleMessage()));
    }

    private static As4Fixtures.Wire ecWireEdited(UnaryOperator<String> edit) {
        return As4Fixtures.tamperEnvelope(ecWire(), edit);
    }

    private static void assertPolicyRefusal(As4Exception e, String algorithm, CryptoSuite agreed) {
        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error(), e.getMessage());
        assertTrue(e.detail().contains(algorithm) && e.detail().contains(agreed.name()), e.detail());
    }

    @Test
    void ec_message_opens_with_every_field_and_the_payload_intact() throws Exception {
        UserMessage sent = As4Fixtures.sampleMessage();
        OutboundAs4Message out = As4Fixtures.buildAtoBEc(sent);

        InboundUserMessage in = openEc(As4Fixtures.wire(out));

        assertEquals(sent, in.message());
        assertEquals(EDELIVERY_AS4_2_EC, in.suite());
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayAEd25519().certificate(), in.signingCertificate()));
        assertEquals(out.signedDigests(), in.signedDigests());
    }

    @Test
    void ec_wire_carries_exactly_the_edelivery_as4_2_algorithms() {
        String envelope = As4Fixtures.envelopeOf(ecWire());

        for (String uri : List.of("http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519",
                "http://www.w3.org/2021/04/xmldsig-more#x25519", "http://www.w3.org/2021/04/xmldsig-more#hkdf",
                "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "http://www.w3.org/2001/04/xmlenc#kw-aes128",
                "http://www.w3.org/2009/xmlenc11#aes128-gcm", "http://www.w3.org/2001/04/xmlenc#sha256")) {
            assertTrue(envelope.contains("Algorithm=\"" + uri + "\""), uri);
        }
        assertTrue(envelope.contains("<rfc9231:KeyLength>16</rfc9231:KeyLength>"), "HKDF derives an AES-128 key");
        assertFalse(envelope.matches("(?s).*Algorithm=\"[^\"]*rsa.*"), "nothing of the RSA suite");
    }

    @Test
    void ec_receipt_is_signed_with_ed25519_and_verifies_against_what_was_sent() throws Exception {
        OutboundAs4Message sent = As4Fixtures.buildAtoBEc(As4Fixtures.sampleMessage());
        InboundUserMessage received = openEc(As4Fixtures.wire(sent));

        byte[] receipt = new ReceiptBuilder().build(received, TestKeys.gatewayBEd25519());
        Receipt checked = new ReceiptVerifier().verify(receipt, SOAP, received.message().messageId(), "gw-b",
                ecTrustInGatewayB(), sent.signedDigests());

        assertTrue(new String(receipt, StandardCharsets.UTF_8).contains("xmldsig-more#eddsa-ed25519"));
        assertEquals(sent.signedDigests(), checked.nonRepudiationDigests());
    }

    @Test
    void receipt_must_be_signed_with_the_key_type_of_the_suite_the_message_came_in() throws Exception {
        InboundUserMessage received = openEc(ecWire());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReceiptBuilder().build(received, TestKeys.gatewayB()));

        assertTrue(e.getMessage().contains("RSA-2048") && e.getMessage().contains("Ed25519"), e.getMessage());
    }

    @Test
    void rsa_signed_receipt_from_a_partner_agreed_on_ec_is_a_downgrade() throws Exception {
        OutboundAs4Message sent = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());
        InboundUserMessage received = opener.open(sent.body(), sent.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());
        byte[] rsaReceipt = new ReceiptBuilder().build(received, TestKeys.gatewayB());

        As4Exception e = assertThrows(As4Exception.class, () -> new ReceiptVerifier().verify(rsaReceipt, SOAP,
                received.message().messageId(), "gw-b", ecTrustInGatewayB(), sent.signedDigests()));

        assertPolicyRefusal(e, "xmldsig-more#rsa-sha256", EDELIVERY_AS4_2_EC);
    }

    @Test
    void rsa_message_from_a_partner_agreed_on_ec_is_a_downgrade_naming_the_algorithm_and_the_suite() {
        As4Fixtures.Wire rsa = As4Fixtures.wire(As4Fixtures.buildAtoB(As4Fixtures.sampleMessage()));

        As4Exception withEcTrust = openEcFails(rsa);

        assertPolicyRefusal(withEcTrust, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", EDELIVERY_AS4_2_EC);
    }

    @Test
    void ec_message_from_a_partner_agreed_on_rsa_is_refused_naming_the_algorithm_and_the_suite() {
        As4Fixtures.Wire ec = ecWire();

        As4Exception e = assertThrows(As4Exception.class, () -> opener.open(ec.body(), ec.contentType(),
                As4Fixtures.trustGatewayA(), As4Fixtures.keysOfB()));

        assertPolicyRefusal(e, "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519", EDELIVERY_AS4_1);
    }

    @Test
    void sha1_digest_is_refused_in_the_ec_suite() {
        As4Exception e = openEcFails(ecWireEdited(env -> env.replace(
                "http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue",
                "http://www.w3.org/2000/09/xmldsig#sha1\"/><ds:DigestValue")));

        assertPolicyRefusal(e, "xmldsig#sha1", EDELIVERY_AS4_2_EC);
    }

    @Test
    void aes_cbc_payload_encryption_is_refused_where_gcm_is_agreed() {
        As4Exception e = openEcFails(ecWireEdited(env -> env.replace("http://www.w3.org/2009/xmlenc11#aes128-gcm",
                "http://www.w3.org/2001/04/xmlenc#aes128-cbc")));

        assertPolicyRefusal(e, "xmlenc#aes128-cbc", EDELIVERY_AS4_2_EC);
    }

    @Test
    void rsa_key_transport_is_refused_in_the_ec_suite() {
        As4Exception e = openEcFails(ecWireEdited(env -> env.replace("http://www.w3.org/2001/04/xmlenc#kw-aes128",
                "http://www.w3.org/2001/04/xmlenc#rsa-1_5")));

        assertPolicyRefusal(e, "xmlenc#rsa-1_5", EDELIVERY_AS4_2_EC);
    }

    @Test
    void other_key_agreement_derivation_or_hkdf_function_is_refused() {
        As4Exception ecdh = openEcFails(ecWireEdited(env -> env.replace(
                "http://www.w3.org/2021/04/xmldsig-more#x25519", "http://www.w3.org/2009/xmlenc11#ECDH-ES")));
        As4Exception concat = openEcFails(ecWireEdited(env -> env.replace(
                "http://www.w3.org/2021/04/xmldsig-more#hkdf", "http://www.w3.org/2009/xmlenc11#ConcatKDF")));
        As4Exception hmacSha1 = openEcFails(ecWireEdited(env -> env.replace(
                "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "http://www.w3.org/2000/09/xmldsig#hmac-sha1")));

        assertPolicyRefusal(ecdh, "xmlenc11#ECDH-ES", EDELIVERY_AS4_2_EC);
        assertPolicyRefusal(concat, "xmlenc11#ConcatKDF", EDELIVERY_AS4_2_EC);
        assertPolicyRefusal(hmacSha1, "xmldsig#hmac-sha1", EDELIVERY_AS4_2_EC);
    }

    @Test
    void key_wrap_without_a_key_agreement_is_refused() {
        As4Exception e = openEcFails(ecWireEdited(env -> env.replaceFirst(
                "<xenc:AgreementMethod .*</xenc:AgreementMethod>", "")));

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error(), e.getMessage());
        assertTrue(e.detail().contains("AgreementMethod"), e.detail());
    }

    @Test
    void tampered_signed_header_is_failed_authentication() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(As4Fixtures.wire(As4Fixtures.buildAtoBEc(m)),
                env -> env.replace(m.messageId(), "forged-" + m.messageId()));

        As4Exception e = openEcFails(w);

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
        assertEquals("forged-" + m.messageId(), e.refToMessageId());
    }

    @Test
    void tampered_body_is_failed_authentication() {
        As4Exception e = openEcFails(ecWireEdited(
                env -> env.replaceFirst("(<S12:Body[^>]*)/>", "$1><x>injected</x></S12:Body>")));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
    }

    @Test
    void tampered_attachment_ciphertext_is_failed_decryption() {
        As4Exception e = openEcFails(As4Fixtures.tamperAttachment(ecWire(), As4Fixtures::flipCiphertextBit));

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error(), e.getMessage());
    }

    @Test
    void tampered_header_is_failed_authentication_even_when_decryption_also_fails() {
        As4Exception e = openEcFails(As4Fixtures.tamper(ecWire(),
                env -> env.replace("SubmitDeclaration", "CancelDeclaration"), As4Fixtures::flipCiphertextBit));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
    }

    /** Another HKDF salt derives another key-wrap key, whose AES key-wrap integrity check fails. */
    @Test
    void tampered_key_derivation_salt_is_failed_decryption() {
        As4Exception e = openEcFails(ecWireEdited(env -> env.replaceFirst(
                "<rfc9231:Salt>[^<]+</rfc9231:Salt>", "<rfc9231:Salt>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</rfc9231:Salt>")));

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error(), e.getMessage());
    }

    @Test
    void valid_ed25519_signature_by_a_key_not_trusted_for_the_party_is_failed_authentication() {
        OutboundAs4Message forged = new As4MessageBuilder().build(As4Fixtures.sampleMessage(),
                TestKeys.intruderEd25519(), TestKeys.gatewayBX25519().certificate(), EDELIVERY_AS4_2_EC);

        As4Exception e = openEcFails(As4Fixtures.wire(forged));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
        assertTrue(e.detail().contains("XX customs gateway signing"), e.detail());
    }

    @Test
    void message_agreed_on_x25519_for_another_key_is_failed_decryption() {
        OutboundAs4Message forOther = new As4MessageBuilder().build(As4Fixtures.sampleMessage(),
                TestKeys.gatewayAEd25519(), TestKeys.gatewayAX25519().certificate(), EDELIVERY_AS4_2_EC);

        As4Exception e = openEcFails(As4Fixtures.wire(forOther));

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error(), e.getMessage());
        assertTrue(e.detail().contains("not ours") && e.detail().contains("AA customs gateway encryption"), e.detail());
    }

    @Test
    void receiver_without_an_x25519_key_refuses_with_processing_mode_mismatch() {
        As4Fixtures.Wire w = ecWire();

        As4Exception e = assertThrows(As4Exception.class, () -> opener.open(w.body(), w.contentType(),
                As4Fixtures.trustGatewayAEc(), OwnKeys.of(TestKeys.gatewayB())));

        assertEquals(EbmsError.PROCESSING_MODE_MISMATCH, e.error());
        assertTrue(e.detail().contains("X25519") && e.detail().contains(EDELIVERY_AS4_2_EC.name()), e.detail());
    }

    @Test
    void keys_of_the_wrong_type_for_the_suite_are_refused_when_building() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4MessageBuilder builder = new As4MessageBuilder();

        IllegalArgumentException rsaSigner = assertThrows(IllegalArgumentException.class, () -> builder.build(m,
                TestKeys.gatewayA(), TestKeys.gatewayBX25519().certificate(), EDELIVERY_AS4_2_EC));
        IllegalArgumentException edReceiver = assertThrows(IllegalArgumentException.class, () -> builder.build(m,
                TestKeys.gatewayAEd25519(), TestKeys.gatewayBEd25519().certificate(), EDELIVERY_AS4_2_EC));

        assertTrue(rsaSigner.getMessage().contains("needs an Ed25519 key"), rsaSigner.getMessage());
        assertTrue(edReceiver.getMessage().contains("is Ed25519") && edReceiver.getMessage().contains("X25519"),
                edReceiver.getMessage());
    }

    /** gw-a's view of gw-b under the EC suite: its Ed25519 certificate signs, its X25519 certificate is encrypted to. */
    private static SenderTrust ecTrustInGatewayB() {
        return As4Fixtures.trust(Map.of("gw-b", TestKeys.gatewayBEd25519().certificate()),
                Map.of("gw-b", TestKeys.gatewayBX25519().certificate()), EDELIVERY_AS4_2_EC);
    }
}
