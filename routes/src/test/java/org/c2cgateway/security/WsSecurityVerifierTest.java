package org.c2cgateway.security;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.c2cgateway.security.WsSecurityFixtures.Algorithms;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages protected with weak algorithms, produced with WSS4J itself (as a misconfigured peer
 * would), must be refused as policy violations before any cryptography is trusted.
 */
class WsSecurityVerifierTest {

    private static final String ENVELOPE = "<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\" "
            + "xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
            + "<S12:Header/><S12:Body wsu:Id=\"body-1\"><x>payload</x></S12:Body></S12:Envelope>";

    private static Document envelope() throws Exception {
        SecurityBootstrap.ensureInitialised();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(ENVELOPE.getBytes(StandardCharsets.UTF_8)));
    }

    private static WSSecHeader header(Document doc) throws Exception {
        WSSecHeader h = new WSSecHeader(doc);
        h.insertSecurityHeader();
        return h;
    }

    private static WSSecSignature signature(WSSecHeader h, String sigAlg, String digestAlg, int keyIdType) {
        WSSecSignature s = WsSecurityFixtures.newSignature(h, Algorithms.AGREED.withSignature(sigAlg).withDigest(digestAlg),
                keyIdType);
        s.getParts().add(new WSEncryptionPart("body-1"));
        return s;
    }

    private static SecurityCheckException verifyFails(Document doc, AttachmentCallbackHandler att) {
        return assertThrows(SecurityCheckException.class, () -> WsSecurityVerifier.verify(doc, att,
                List.of(TestKeys.gatewayA().certificate()), List.of(TestKeys.gatewayB()), CryptoSuite.EDELIVERY_AS4_1));
    }

    @Test
    void sha1DigestAndRsaSha1SignatureAreRefused() throws Exception {
        Document doc = envelope();
        signature(header(doc), WSConstants.RSA_SHA1, WSConstants.SHA1, WSConstants.BST_DIRECT_REFERENCE)
                .build(new InMemoryCrypto(TestKeys.gatewayA()));

        SecurityCheckException e = verifyFails(doc, new AttachmentCallbackHandler());

        assertEquals(SecurityCheckException.Reason.POLICY_VIOLATION, e.reason());
        assertTrue(e.getMessage().contains("sha1"), e.getMessage());
    }

    @Test
    void rsa15KeyTransportIsRefused() throws Exception {
        assertWeakEncryptionRefused(WSConstants.KEYTRANSPORT_RSA15, WSConstants.AES_128_GCM, "rsa-1_5");
    }

    @Test
    void rsaOaepWithMgf1Sha1IsRefused() throws Exception {
        assertWeakEncryptionRefused(WSConstants.KEYTRANSPORT_RSAOAEP, WSConstants.AES_128_GCM, "rsa-oaep-mgf1p");
    }

    @Test
    void aesCbcIsRefused() throws Exception {
        assertWeakEncryptionRefused(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11, WSConstants.AES_128, "aes128-cbc");
    }

    private static void assertWeakEncryptionRefused(String keyTransport, String dataAlg, String expected)
            throws Exception {
        Document doc = envelope();
        WSSecHeader h = header(doc);
        AttachmentCallbackHandler att = new AttachmentCallbackHandler().add("a@cid", "application/gzip", new byte[64]);
        WSSecSignature s = signature(h, WSConstants.RSA_SHA256, WSConstants.SHA256, WSConstants.BST_DIRECT_REFERENCE);
        s.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        s.setAttachmentCallbackHandler(att);
        s.build(new InMemoryCrypto(TestKeys.gatewayA()));
        WsSecurityFixtures.encryptAttachments(h, att, TestKeys.gatewayB().certificate(),
                Algorithms.AGREED.withKeyTransport(keyTransport).withDataEncryption(dataAlg));

        SecurityCheckException e = verifyFails(doc, att);

        assertEquals(SecurityCheckException.Reason.POLICY_VIOLATION, e.reason());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void signatureReferencingTheKeyByIssuerSerialIsResolvedWithTheExpectedSigner() throws Exception {
        Document doc = envelope();
        signature(header(doc), WSConstants.RSA_SHA256, WSConstants.SHA256, WSConstants.ISSUER_SERIAL)
                .build(new InMemoryCrypto(TestKeys.gatewayA()));

        VerifiedSecurity v = WsSecurityVerifier.verify(doc, new AttachmentCallbackHandler(),
                List.of(TestKeys.gatewayA().certificate()), List.of(), CryptoSuite.EDELIVERY_AS4_1);

        assertTrue(Certificates.sameCertificate(TestKeys.gatewayA().certificate(), v.signingCertificate()));
        assertTrue(v.isSigned((org.w3c.dom.Element) doc.getElementsByTagNameNS(
                "http://www.w3.org/2003/05/soap-envelope", "Body").item(0)));
    }

    @Test
    void signatureByUnknownIssuerSerialKeyCannotBeResolved() throws Exception {
        Document doc = envelope();
        signature(header(doc), WSConstants.RSA_SHA256, WSConstants.SHA256, WSConstants.ISSUER_SERIAL)
                .build(new InMemoryCrypto(TestKeys.intruder()));

        SecurityCheckException e = verifyFails(doc, new AttachmentCallbackHandler());

        assertEquals(SecurityCheckException.Reason.AUTHENTICATION_FAILED, e.reason());
    }
}
