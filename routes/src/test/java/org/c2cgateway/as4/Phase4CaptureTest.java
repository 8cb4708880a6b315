package org.c2cgateway.as4;

import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the phase4 4.4.1 captures from shared/interop/examples (copied to test resources). They
 * use other prefixes, put wsse:Security before eb:Messaging and add extra namespace
 * declarations; our reader must not care. They are pretty-printed, which breaks their
 * signatures, and we lack phase4's key, so they cannot be fully opened.
 */
class Phase4CaptureTest {

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = Phase4CaptureTest.class.getResourceAsStream("/as4/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void readsPhase4UserMessageHeader() throws Exception {
        Document doc = XmlParsers.parse(resource("phase4-user-message.xml"));

        EbmsHeaderReader.UserMessageHeader h = EbmsHeaderReader.userMessage(
                EbmsHeaderReader.messaging(SoapEnvelopes.requireSoap12Header(doc)));

        assertEquals("8e61e1fb-0fca-4bab-b728-86447e0b3ade@phase4", h.messageId());
        assertEquals(Instant.parse("2026-11-27T04:38:44.209Z"), h.timestamp());
        assertEquals(List.of("gw-a", "gw-b"), List.of(h.fromParty(), h.toParty()));
        assertEquals("urn:gw:customs:declaration-exchange", h.service());
        assertEquals("urn:gw:customs:action:SubmitDeclaration", h.action());
        assertEquals("phase4@Conv-8058341681804685243", h.conversationId());
        assertEquals("urn:as4:agreement", h.agreementRef());
        assertEquals(List.of("customs-office-A", "customs-office-B"), List.of(h.originalSender(), h.finalRecipient()));
        assertEquals(List.of(new EbmsHeaderReader.PartInfo("cid:phase4-att-832db2c3-1acc-44ee-aa60-bfb02a470984@cid",
                "application/xml", "application/gzip")), h.parts());
    }

    @Test
    void readsPhase4ReceiptAndItsNonRepudiationDigests() throws Exception {
        Document doc = XmlParsers.parse(resource("phase4-receipt.xml"));

        EbmsHeaderReader.Signal s = EbmsHeaderReader.signal(
                EbmsHeaderReader.messaging(SoapEnvelopes.requireSoap12Header(doc)));

        assertEquals("8e61e1fb-0fca-4bab-b728-86447e0b3ade@phase4", s.refToMessageId());
        List<ReferenceDigest> nri = SignatureReferences.fromReceipt(s.receipt());
        assertEquals(3, nri.size());
        assertEquals(new ReferenceDigest("cid:phase4-att-832db2c3-1acc-44ee-aa60-bfb02a470984@cid",
                "http://www.w3.org/2001/04/xmlenc#sha256", "kp6dRSv50hcD1cYOAAWyf2umjpgdI5ADVKl6EIaogTU="), nri.get(2));
        List<ReferenceDigest> requestSignature = SignatureReferences.fromSignature((org.w3c.dom.Element)
                XmlParsers.parse(resource("phase4-user-message.xml"))
                        .getElementsByTagNameNS(EbmsNames.DS_NS, "Signature").item(0));
        assertEquals(requestSignature, nri, "phase4 copies the request's references into its receipt");
    }

    /**
     * The whole opener gets past MIME, SOAP, eb:Messaging and PartInfo matching, and fails in
     * WS-Security: the capture's signed header was re-indented (so it no longer verifies) and is
     * encrypted for phase4's gw-b key. The header tampering is what is reported.
     */
    @Test
    void openingThePhase4CaptureFailsOnlyInWsSecurity() throws Exception {
        byte[] envelope = resource("phase4-user-message.xml");
        MimeMultipart.Built mime = MimeMultipart.build(envelope,
                "phase4-att-832db2c3-1acc-44ee-aa60-bfb02a470984@cid", new byte[200]);
        X509Certificate anyCert = TestKeys.gatewayA().certificate();

        As4Exception e = assertThrows(As4Exception.class, () -> new As4MessageOpener().open(mime.body(),
                mime.contentType(), As4Fixtures.trust(Map.of("gw-a", anyCert)), TestKeys.gatewayB()));

        assertEquals("8e61e1fb-0fca-4bab-b728-86447e0b3ade@phase4", e.refToMessageId());
        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error(), e.getMessage());
        assertTrue(e.detail().contains("signed SOAP header"), e.detail());
    }
}
