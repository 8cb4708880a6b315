package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gw-a sends to gw-b; gw-b answers with a receipt (or an error) that gw-a verifies. */
class ReceiptTest {

    private static final String SOAP = "application/soap+xml; charset=UTF-8";

    private static OutboundAs4Message sent;
    private static InboundUserMessage received;
    private final ReceiptVerifier verifier = new ReceiptVerifier();

    @BeforeAll
    static void exchange() throws Exception {
        sent = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());
        received = new As4MessageOpener().open(sent.body(), sent.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());
    }

    private static String sentId() {
        return received.message().messageId();
    }

    private Receipt verify(byte[] response) throws As4Exception {
        return verifier.verify(response, SOAP, sentId(), "gw-b", trustGatewayB(), sent.signedDigests());
    }

    /** gw-a's view of the receiver: it trusts exactly gw-b's certificate for party gw-b. */
    private static SenderTrust trustGatewayB() {
        return As4Fixtures.trust(Map.of("gw-b", TestKeys.gatewayB().certificate()));
    }

    private As4Exception verifyFails(byte[] response) {
        return assertThrows(As4Exception.class, () -> verify(response));
    }

    private static byte[] receiptBy(PrivateKeyEntry key) {
        return new ReceiptBuilder().build(received, key);
    }

    @Test
    void receiptFromReceiverVerifiesAgainstTheDigestsWeSigned() throws Exception {
        byte[] response = receiptBy(TestKeys.gatewayB());

        Receipt receipt = verify(response);

        assertEquals(sentId(), receipt.refToMessageId());
        assertEquals(sent.signedDigests(), receipt.nonRepudiationDigests());
        assertTrue(receipt.messageId().endsWith("@c2c-gateway"));
        assertArrayEquals(response, receipt.signedEnvelope());
    }

    @Test
    void receiptIsASingleSignedSoap12EnvelopeWithNonRepudiationInformation() {
        String xml = new String(receiptBy(TestKeys.gatewayB()), StandardCharsets.UTF_8);

        assertTrue(xml.contains("<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\""));
        assertTrue(xml.contains("<eb:RefToMessageId>" + sentId() + "</eb:RefToMessageId>"));
        assertEquals(3, xml.split("<ebbp:MessagePartNRInformation>", -1).length - 1);
        assertTrue(xml.contains("xmldsig-more#rsa-sha256"));
        assertTrue(!xml.contains("EncryptedKey"), "receipts are not encrypted");
    }

    @Test
    void receiptForAnotherMessageIsValueInconsistent() {
        As4Exception e = assertThrows(As4Exception.class, () -> verifier.verify(receiptBy(TestKeys.gatewayB()), SOAP,
                "another@gw-a.test", "gw-b", trustGatewayB(), sent.signedDigests()));

        assertEquals(EbmsError.VALUE_INCONSISTENT, e.error());
    }

    @Test
    void receiptWithDigestNotMatchingWhatWeSentIsInvalidReceipt() {
        List<ReferenceDigest> digests = new ArrayList<>(received.signedDigests());
        ReferenceDigest att = digests.get(2);
        digests.set(2, new ReferenceDigest(att.uri(), att.digestAlgorithm(),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
        InboundUserMessage altered = new InboundUserMessage(received.message(), received.signingCertificate(), digests,
                received.decryptionCertificate(), received.suite());

        As4Exception e = verifyFails(new ReceiptBuilder().build(altered, TestKeys.gatewayB()));

        assertEquals(EbmsError.INVALID_RECEIPT, e.error());
        assertTrue(e.detail().contains(att.uri()), e.detail());
    }

    @Test
    void receiptMissingOneOfOurReferencesIsInvalidReceipt() {
        InboundUserMessage partial = new InboundUserMessage(received.message(), received.signingCertificate(),
                received.signedDigests().subList(0, 2), received.decryptionCertificate(), received.suite());

        assertEquals(EbmsError.INVALID_RECEIPT, verifyFails(new ReceiptBuilder().build(partial, TestKeys.gatewayB()))
                .error());
    }

    @Test
    void receiptSignedByAnotherKeyIsFailedAuthentication() {
        As4Exception e = verifyFails(receiptBy(TestKeys.intruder()));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error());
        assertTrue(e.detail().contains("gw-intruder"), e.detail());
    }

    @Test
    void tamperedReceiptIsFailedAuthentication() {
        String xml = new String(receiptBy(TestKeys.gatewayB()), StandardCharsets.UTF_8);
        String tampered = xml.replaceFirst("<eb:Timestamp>[^<]*</eb:Timestamp>",
                "<eb:Timestamp>2020-01-01T00:00:00.000Z</eb:Timestamp>");

        As4Exception e = verifyFails(tampered.getBytes(StandardCharsets.UTF_8));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error());
    }

    @Test
    void unsignedReceiptIsPolicyNoncompliance() {
        String xml = new String(receiptBy(TestKeys.gatewayB()), StandardCharsets.UTF_8);
        String unsigned = xml.replaceFirst("<wsse:Security.*</wsse:Security>", "");

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, verifyFails(unsigned.getBytes(StandardCharsets.UTF_8)).error());
    }

    @Test
    void errorSignalIsThrownWithThePartnersCodeAndDetail() {
        byte[] error = new ErrorSignalBuilder().build(
                new As4Exception(EbmsError.FAILED_DECRYPTION, "cannot unwrap the key", sentId()));

        As4Exception e = verifyFails(error);

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error());
        assertEquals(sentId(), e.refToMessageId());
        assertTrue(e.detail().contains("EBMS:0102") && e.detail().contains("cannot unwrap the key"), e.detail());
    }

    @Test
    void unknownPartnerErrorCodeIsOtherWithTheCodeInTheDetail() {
        String xml = new String(new ErrorSignalBuilder().build(new As4Exception(EbmsError.OTHER, "dup", sentId())),
                StandardCharsets.UTF_8).replace("EBMS:0004", "EBMS:0999");

        As4Exception e = verifyFails(xml.getBytes(StandardCharsets.UTF_8));

        assertEquals(EbmsError.OTHER, e.error());
        assertTrue(e.detail().contains("EBMS:0999"), e.detail());
    }

    @Test
    void emptyResponseIsMissingReceipt() {
        assertEquals(EbmsError.MISSING_RECEIPT, verifyFails(new byte[0]).error());
    }

    @Test
    void garbageResponseIsInvalidHeader() {
        assertEquals(EbmsError.INVALID_HEADER, verifyFails("<html>502 Bad Gateway</html>".getBytes()).error());
    }
}
