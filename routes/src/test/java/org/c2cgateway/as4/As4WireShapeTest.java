package org.c2cgateway.as4;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.c2cgateway.security.Certificates;
import org.c2cgateway.security.TestKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Our request must have the same shape as phase4's (see shared/interop/AS4-WIRE.md). */
class As4WireShapeTest {

    private static final String WSSE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    private static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    private static final String DS = EbmsNames.DS_NS;
    private static final String EB = EbmsNames.EB_NS;
    private static final String SWA = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#";

    private static OutboundAs4Message out;
    private static MimeMultipart.Parsed mime;
    private static Document doc;
    private static Element security;
    private static String contentId;

    @BeforeAll
    static void build() throws Exception {
        out = As4Fixtures.buildAtoB(As4Fixtures.sampleMessage());
        mime = MimeMultipart.parse(out.contentType(), out.body());
        doc = XmlParsers.parse(mime.root().content());
        security = one(doc, WSSE, "Security");
        contentId = mime.attachments().get(0).contentId();
    }

    @Test
    void isMultipartRelatedWithSoap12RootFirstAndNoStartParameter() {
        MediaType type = MediaType.parse(out.contentType());
        assertEquals("multipart/related", type.type());
        assertEquals("application/soap+xml", type.parameter("type"));
        assertNotNull(type.parameter("boundary"));
        assertNull(type.parameter("start"));
        assertTrue(mime.root().headers().get("content-type").startsWith("application/soap+xml"));
        assertNull(mime.root().contentId(), "the root part has no Content-ID, like phase4");
        assertEquals(EbmsNames.SOAP12_NS, doc.getDocumentElement().getNamespaceURI());
        assertTrue(new String(mime.root().content(), java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><S12:Envelope"));
    }

    @Test
    void payloadIsOneEncryptedOctetStreamAttachmentWithCidContentId() throws Exception {
        assertEquals(1, mime.attachments().size());
        MimeMultipart.Part att = mime.attachments().get(0);
        assertEquals("application/octet-stream", att.headers().get("content-type"));
        assertTrue(contentId.endsWith("@cid"));
        byte[] gz = Compression.gzip(As4Fixtures.PAYLOAD);
        assertEquals(12 + gz.length + 16, att.content().length, "12-byte IV + AES-GCM(gzip) + 16-byte tag");
        assertFalse(att.content()[12] == (byte) 0x1f && att.content()[13] == (byte) 0x8b, "not plain gzip");
    }

    @Test
    void bodyIsEmptyWithWsuIdAndMessagingIsMustUnderstandWithWsuId() {
        Element body = SoapEnvelopes.body(doc);
        assertNull(firstElement(body));
        assertFalse(SoapEnvelopes.wsuId(body).isEmpty());
        Element messaging = one(doc, EB, "Messaging");
        assertEquals("true", messaging.getAttributeNS(EbmsNames.SOAP12_NS, "mustUnderstand"));
        assertFalse(SoapEnvelopes.wsuId(messaging).isEmpty());
        assertEquals(0, doc.getElementsByTagNameNS(EbmsNames.WSU_NS, "Timestamp").getLength(), "no wsu:Timestamp");
    }

    @Test
    void userMessageHeaderHasProfileValues() {
        Element from = one(doc, EB, "From");
        Element partyId = child(from, EB, "PartyId");
        assertEquals("urn:oasis:names:tc:ebcore:partyid-type:unregistered", partyId.getAttributeNS(null, "type"));
        assertEquals("gw-a", partyId.getTextContent());
        assertEquals(EbmsNames.ROLE_INITIATOR, child(from, EB, "Role").getTextContent());
        assertEquals(EbmsNames.ROLE_RESPONDER, child(one(doc, EB, "To"), EB, "Role").getTextContent());
        assertEquals("urn:gw:services", one(doc, EB, "Service").getAttributeNS(null, "type"));
        Element partInfo = one(doc, EB, "PartInfo");
        assertEquals("cid:" + contentId, partInfo.getAttributeNS(null, "href"));
        String props = partInfo.getTextContent();
        assertTrue(props.contains("application/xml") && props.contains("application/gzip"));
    }

    @Test
    void securityHeaderChildrenAreInPhase4Order() {
        List<String> names = new ArrayList<>();
        for (Node n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            names.add(n.getLocalName());
        }
        assertEquals(List.of("BinarySecurityToken", "EncryptedKey", "EncryptedData", "BinarySecurityToken",
                "Signature"), names);
        assertEquals("true", security.getAttributeNS(EbmsNames.SOAP12_NS, "mustUnderstand"));
    }

    @Test
    void encryptedDataIsAttachmentContentOnlyAesGcmWithCipherReference() {
        Element ed = one(doc, XENC, "EncryptedData");
        assertEquals(SWA + "Attachment-Content-Only", ed.getAttributeNS(null, "Type"));
        assertEquals("application/gzip", ed.getAttributeNS(null, "MimeType"));
        assertEquals("http://www.w3.org/2009/xmlenc11#aes128-gcm",
                child(ed, XENC, "EncryptionMethod").getAttributeNS(null, "Algorithm"));
        Element cipherRef = one(doc, XENC, "CipherReference");
        assertEquals("cid:" + contentId, cipherRef.getAttributeNS(null, "URI"));
        Element transform = (Element) cipherRef.getElementsByTagNameNS(DS, "Transform").item(0);
        assertEquals(SWA + "Attachment-Ciphertext-Transform", transform.getAttributeNS(null, "Algorithm"));
    }

    @Test
    void encryptedKeyIsRsaOaepSha256Mgf1Sha256ForReceiverBinarySecurityToken() throws Exception {
        Element ek = one(doc, XENC, "EncryptedKey");
        Element method = child(ek, XENC, "EncryptionMethod");
        assertEquals("http://www.w3.org/2009/xmlenc11#rsa-oaep", method.getAttributeNS(null, "Algorithm"));
        assertEquals("http://www.w3.org/2001/04/xmlenc#sha256",
                child(method, DS, "DigestMethod").getAttributeNS(null, "Algorithm"));
        assertEquals("http://www.w3.org/2009/xmlenc11#mgf1sha256",
                child(method, XENC11, "MGF").getAttributeNS(null, "Algorithm"));
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayB().certificate(), referencedToken(ek)));
        Element dataRef = (Element) ek.getElementsByTagNameNS(XENC, "DataReference").item(0);
        assertEquals("#" + one(doc, XENC, "EncryptedData").getAttributeNS(null, "Id"),
                dataRef.getAttributeNS(null, "URI"));
    }

    @Test
    void signatureIsRsaSha256ExcC14nOverMessagingBodyAndAttachmentContent() throws Exception {
        Element sig = one(doc, DS, "Signature");
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                one(doc, DS, "SignatureMethod").getAttributeNS(null, "Algorithm"));
        assertEquals("http://www.w3.org/2001/10/xml-exc-c14n#",
                one(doc, DS, "CanonicalizationMethod").getAttributeNS(null, "Algorithm"));
        NodeList refs = sig.getElementsByTagNameNS(DS, "Reference");
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < refs.getLength(); i++) {
            Element ref = (Element) refs.item(i);
            uris.add(ref.getAttributeNS(null, "URI"));
            assertEquals("http://www.w3.org/2001/04/xmlenc#sha256",
                    child(ref, DS, "DigestMethod").getAttributeNS(null, "Algorithm"));
        }
        assertEquals(List.of("#" + SoapEnvelopes.wsuId(one(doc, EB, "Messaging")),
                "#" + SoapEnvelopes.wsuId(SoapEnvelopes.body(doc)), "cid:" + contentId), uris);
        Element attRef = (Element) refs.item(2);
        assertEquals(EbmsNames.ATTACHMENT_CONTENT_SIGNATURE_TRANSFORM,
                ((Element) attRef.getElementsByTagNameNS(DS, "Transform").item(0)).getAttributeNS(null, "Algorithm"));
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayA().certificate(), referencedToken(sig)));
    }

    @Test
    void attachmentDigestIsOverCompressedNotEncryptedBytes() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(Compression.gzip(As4Fixtures.PAYLOAD));
        ReferenceDigest att = out.signedDigests().get(2);
        assertEquals("cid:" + contentId, att.uri());
        assertEquals(Base64.getEncoder().encodeToString(sha), att.digestValue());
    }

    /** The certificate in the BinarySecurityToken that an element's KeyInfo points to. */
    private static X509Certificate referencedToken(Element owner) throws Exception {
        Element strRef = (Element) owner.getElementsByTagNameNS(WSSE, "Reference").item(0);
        String id = strRef.getAttributeNS(null, "URI").substring(1);
        NodeList bsts = doc.getElementsByTagNameNS(WSSE, "BinarySecurityToken");
        for (int i = 0; i < bsts.getLength(); i++) {
            Element bst = (Element) bsts.item(i);
            if (id.equals(SoapEnvelopes.wsuId(bst))) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(bst.getTextContent())));
            }
        }
        throw new AssertionError("no BinarySecurityToken " + id);
    }

    private static Element one(Document d, String ns, String name) {
        NodeList l = d.getElementsByTagNameNS(ns, name);
        assertEquals(1, l.getLength(), "exactly one " + name);
        return (Element) l.item(0);
    }

    private static Element child(Element parent, String ns, String name) {
        Element e = SoapEnvelopes.child(parent, ns, name);
        assertNotNull(e, name + " under " + parent.getLocalName());
        return e;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
