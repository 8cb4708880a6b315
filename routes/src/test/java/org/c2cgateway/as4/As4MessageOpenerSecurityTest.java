package org.c2cgateway.as4;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;

import static org.c2cgateway.security.CryptoSuite.EDELIVERY_AS4_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a received message can fail, each asserting the exact ebMS error, i.e. the real
 * cause. Tampering is done on the wire bytes, as an attacker or a broken peer would.
 */
class As4MessageOpenerSecurityTest {

    private final As4MessageOpener opener = new As4MessageOpener();

    private As4Exception openFails(As4Fixtures.Wire w, SenderTrust trust, PrivateKeyEntry key) {
        return assertThrows(As4Exception.class, () -> opener.open(w.body(), w.contentType(), trust, key));
    }

    private As4Exception openFails(As4Fixtures.Wire w) {
        return openFails(w, As4Fixtures.trustGatewayA(), TestKeys.gatewayB());
    }

    private static As4Fixtures.Wire validWire(UserMessage m) {
        return As4Fixtures.wire(As4Fixtures.buildAtoB(m));
    }

    /** Trust that accepts gw-a's certificate for party gw-c too, so only the signature can fail. */
    private static SenderTrust trustGatewayAAlsoForGatewayC() {
        return As4Fixtures.trust(Map.of("gw-c", TestKeys.gatewayA().certificate()));
    }

    @Test
    void tamperedMessageIdInSignedHeaderIsFailedAuthentication() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(m),
                env -> env.replace(m.messageId(), "forged-" + m.messageId()));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
        assertEquals("forged-" + m.messageId(), e.refToMessageId());
        assertTrue(e.detail().contains("signature"), e.detail());
    }

    @Test
    void tamperedFromPartyInSignedHeaderIsFailedAuthenticationNotDecryptionFailure() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replace(">gw-a</eb:PartyId>", ">gw-c</eb:PartyId>"));

        As4Exception e = openFails(w, trustGatewayAAlsoForGatewayC(), TestKeys.gatewayB());

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
    }

    @Test
    void tamperedBodyIsFailedAuthentication() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("(<S12:Body[^>]*)/>", "$1><x>injected</x></S12:Body>"));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, openFails(w).error());
    }

    /**
     * A changed ciphertext byte makes the AES-GCM tag check fail. The signed header and body are
     * intact, so the real cause is that the payload cannot be decrypted: 0102.
     */
    @Test
    void tamperedAttachmentCiphertextIsFailedDecryption() {
        As4Fixtures.Wire w = As4Fixtures.tamperAttachment(validWire(As4Fixtures.sampleMessage()),
                As4Fixtures::flipCiphertextBit);

        As4Exception e = openFails(w);

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error(), e.getMessage());
    }

    /**
     * WSS4J decrypts before it verifies; when both the signed header and the ciphertext are
     * tampered with, the header tampering must still be reported (the peers' bug was to call it
     * a decryption failure).
     */
    @Test
    void tamperedHeaderIsReportedAsAuthenticationFailureEvenWhenDecryptionAlsoFails() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamper(validWire(m),
                env -> env.replace("SubmitDeclaration", "CancelDeclaration"), As4Fixtures::flipCiphertextBit);

        As4Exception e = openFails(w);

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
    }

    /**
     * Anyone can encrypt to our public certificate. A payload swapped for another one that
     * decrypts fine is caught by the signature's attachment digest: 0101.
     */
    @Test
    void substitutedPayloadThatDecryptsButDoesNotMatchTheSignedDigestIsFailedAuthentication() {
        As4MessageBuilder builder = new As4MessageBuilder();
        UserMessage m = As4Fixtures.sampleMessage();
        String cid = "att-fixed@cid";
        X509Certificate b = TestKeys.gatewayB().certificate();
        As4Fixtures.Wire signed = As4Fixtures.wire(builder.build(m, Compression.gzip(m.payload()), cid,
                TestKeys.gatewayA(), b, EDELIVERY_AS4_1));
        As4Fixtures.Wire other = As4Fixtures.wire(builder.build(m, Compression.gzip("<evil/>".getBytes()), cid,
                TestKeys.intruder(), b, EDELIVERY_AS4_1));

        As4Fixtures.Wire w = HostileMessages.substituteAttachment(signed, other);

        As4Exception e = openFails(w);

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
    }

    @Test
    void validSignatureByKeyNotTrustedForClaimedPartyIsFailedAuthentication() {
        UserMessage m = As4Fixtures.sampleMessage();
        OutboundAs4Message forged = new As4MessageBuilder().build(m, TestKeys.intruder(),
                TestKeys.gatewayB().certificate());

        As4Exception e = openFails(As4Fixtures.wire(forged));

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error());
        assertTrue(e.detail().contains("'gw-a'"), e.detail());
        assertEquals(m.messageId(), e.refToMessageId());
    }

    @Test
    void partyWithoutTrustedCertificateIsFailedAuthenticationNamingTheParty() {
        As4Exception e = openFails(validWire(As4Fixtures.sampleMessage()),
                As4Fixtures.trust(Map.of("gw-z", TestKeys.gatewayA().certificate())), TestKeys.gatewayB());

        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error());
        assertTrue(e.detail().contains("'gw-a'"), e.detail());
    }

    @Test
    void unsignedMessageIsPolicyNoncompliance() {
        UserMessage m = As4Fixtures.sampleMessage();
        OutboundAs4Message unsigned = new As4MessageBuilder().build(m, Compression.gzip(m.payload()),
                "att-1@cid", null, TestKeys.gatewayB().certificate(), EDELIVERY_AS4_1);

        As4Exception e = openFails(As4Fixtures.wire(unsigned));

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("not signed"), e.detail());
    }

    @Test
    void unencryptedMessageIsPolicyNoncompliance() {
        UserMessage m = As4Fixtures.sampleMessage();
        OutboundAs4Message clear = new As4MessageBuilder().build(m, Compression.gzip(m.payload()),
                "att-1@cid", TestKeys.gatewayA(), null, EDELIVERY_AS4_1);

        As4Exception e = openFails(As4Fixtures.wire(clear));

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("not encrypted"), e.detail());
    }

    @Test
    void missingOrEmptySecurityHeaderIsPolicyNoncompliance() {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire bare = As4Fixtures.wire(new As4MessageBuilder().build(m, Compression.gzip(m.payload()),
                "att-1@cid", null, null, EDELIVERY_AS4_1));

        As4Exception empty = openFails(bare);
        As4Exception missing = openFails(As4Fixtures.tamperEnvelope(bare,
                env -> env.replaceFirst("<wsse:Security[^>]*/>", "")));

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, empty.error());
        assertTrue(empty.detail().contains("empty"), empty.detail());
        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, missing.error());
        assertTrue(missing.detail().contains("no wsse:Security"), missing.detail());
    }

    @Test
    void messageEncryptedForAnotherCertificateIsFailedDecryption() {
        OutboundAs4Message forOther = new As4MessageBuilder().build(As4Fixtures.sampleMessage(),
                TestKeys.gatewayA(), TestKeys.intruder().certificate());

        As4Exception e = openFails(As4Fixtures.wire(forOther));

        assertEquals(EbmsError.FAILED_DECRYPTION, e.error());
        assertTrue(e.detail().contains("not ours") && e.detail().contains("gw-intruder"), e.detail());
    }

    @Test
    void sha1DigestIsRefusedAsPolicyNoncompliance() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replace("http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue",
                        "http://www.w3.org/2000/09/xmldsig#sha1\"/><ds:DigestValue"));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("xmldsig#sha1"), e.detail());
    }

    @Test
    void rsa15KeyTransportIsRefusedAsPolicyNoncompliance() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replace("http://www.w3.org/2009/xmlenc11#rsa-oaep",
                        "http://www.w3.org/2001/04/xmlenc#rsa-1_5"));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("rsa-1_5"), e.detail());
    }

    @Test
    void aesCbcPayloadEncryptionIsRefusedWhereGcmIsAgreed() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replace("http://www.w3.org/2009/xmlenc11#aes128-gcm",
                        "http://www.w3.org/2001/04/xmlenc#aes128-cbc"));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("xmlenc#aes128-cbc") && e.detail().contains("EDELIVERY_AS4_1"), e.detail());
    }

    /** RSA-OAEP with MGF1-SHA-1 (the xmlenc 1.0 {@code rsa-oaep-mgf1p}) is refused even with a SHA-256 digest. */
    @Test
    void rsaOaepMgf1pKeyTransportIsRefusedAsPolicyNoncompliance() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replace("http://www.w3.org/2009/xmlenc11#rsa-oaep",
                        "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("rsa-oaep-mgf1p"), e.detail());
    }

    @Test
    void rsaOaepWithoutExplicitMgfIsRefusedBecauseItMeansMgf1Sha1() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("<xenc11:MGF [^>]*/>", ""));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error());
        assertTrue(e.detail().contains("MGF1-SHA-1"), e.detail());
    }

    @Test
    void payloadThatIsNotGzipIsDecompressionFailure() {
        UserMessage m = As4Fixtures.sampleMessage();
        OutboundAs4Message notGzip = new As4MessageBuilder().build(m,
                "this is not gzip".getBytes(StandardCharsets.US_ASCII), "att-1@cid", TestKeys.gatewayA(),
                TestKeys.gatewayB().certificate(), EDELIVERY_AS4_1);

        As4Exception e = openFails(As4Fixtures.wire(notGzip));

        assertEquals(EbmsError.DECOMPRESSION_FAILURE, e.error());
        assertEquals(m.messageId(), e.refToMessageId());
    }

    @Test
    void payloadExpandingBeyondTheLimitIsDecompressionFailure() {
        OutboundAs4Message big = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage(new byte[1_000_000]));

        As4Exception e = assertThrows(As4Exception.class, () -> new As4MessageOpener(As4Limits.DEFAULTS.withMaxPayloadBytes(100_000))
                .open(big.body(), big.contentType(), As4Fixtures.trustGatewayA(), TestKeys.gatewayB()));

        assertEquals(EbmsError.DECOMPRESSION_FAILURE, e.error());
    }

    @Test
    void garbageBodyIsInvalidHeaderWithClearDetail() {
        As4Exception notMime = openFails(new As4Fixtures.Wire("hello".getBytes(StandardCharsets.US_ASCII),
                "multipart/related; boundary=\"xyz\"; type=\"application/soap+xml\""));
        As4Exception notXml = openFails(new As4Fixtures.Wire("hello".getBytes(StandardCharsets.US_ASCII),
                "application/soap+xml"));
        As4Exception noContentType = openFails(new As4Fixtures.Wire("hello".getBytes(StandardCharsets.US_ASCII),
                null));

        assertEquals(EbmsError.INVALID_HEADER, notMime.error());
        assertTrue(notMime.detail().contains("MIME"), notMime.detail());
        assertEquals(EbmsError.INVALID_HEADER, notXml.error());
        assertTrue(notXml.detail().contains("not well-formed XML"), notXml.detail());
        assertEquals(EbmsError.INVALID_HEADER, noContentType.error());
    }

    @Test
    void doctypeIsRefusedSoNoExternalEntityIsResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\"><S12:Header/>"
                + "<S12:Body>&x;</S12:Body></S12:Envelope>";

        As4Exception e = openFails(new As4Fixtures.Wire(xxe.getBytes(StandardCharsets.UTF_8), "application/soap+xml"));

        assertEquals(EbmsError.INVALID_HEADER, e.error());
        assertTrue(e.detail().contains("DOCTYPE"), e.detail());
    }

    @Test
    void missingMessagingOrRequiredFieldIsInvalidHeader() {
        As4Fixtures.Wire noMessaging = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("<eb:Messaging.*</eb:Messaging>", ""));
        As4Fixtures.Wire noAction = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("<eb:Action>[^<]*</eb:Action>", ""));

        As4Exception e1 = openFails(noMessaging);
        As4Exception e2 = openFails(noAction);

        assertEquals(EbmsError.INVALID_HEADER, e1.error());
        assertTrue(e1.detail().contains("eb:Messaging"), e1.detail());
        assertEquals(EbmsError.INVALID_HEADER, e2.error());
        assertTrue(e2.detail().contains("eb:Action"), e2.detail());
    }

    @Test
    void unparsableTimestampIsValueNotRecognized() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("<eb:Timestamp>[^<]*</eb:Timestamp>",
                        "<eb:Timestamp>yesterday</eb:Timestamp>"));

        assertEquals(EbmsError.VALUE_NOT_RECOGNIZED, openFails(w).error());
    }

    @Test
    void attachmentNotMatchingPartInfoHrefIsValueInconsistent() {
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(As4Fixtures.sampleMessage()),
                env -> env.replaceFirst("<eb:PartInfo href=\"cid:[^\"]*\"", "<eb:PartInfo href=\"cid:other@cid\""));

        As4Exception e = openFails(w);

        assertEquals(EbmsError.VALUE_INCONSISTENT, e.error());
    }

    @Test
    void headerBlockOrderDoesNotMatter() throws Exception {
        UserMessage m = As4Fixtures.sampleMessage();
        As4Fixtures.Wire w = As4Fixtures.tamperEnvelope(validWire(m), env -> {
            Matcher messaging = Pattern.compile("<eb:Messaging.*</eb:Messaging>").matcher(env);
            assertTrue(messaging.find());
            String block = messaging.group();
            return env.replace(block, "").replace("<S12:Header>", "<S12:Header>" + block);
        });

        assertEquals(m, opener.open(w.body(), w.contentType(), As4Fixtures.trustGatewayA(), TestKeys.gatewayB())
                .message());
    }
}
