package org.c2cgateway.security;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the XML part of a signature on its own: the SignatureValue over SignedInfo, and the
 * digests of the same-document ({@code #id}) references, skipping {@code cid:} attachments.
 *
 * <p>Used only after a decryption failure. WSS4J decrypts before it verifies (the EncryptedKey
 * precedes the Signature in the header), so a message whose signed eb:Messaging was tampered with
 * <em>and</em> whose ciphertext does not decrypt would otherwise be reported as a decryption
 * failure, the very misreport seen in peers. If this check fails, the real cause is failed
 * authentication.
 */
final class SignatureDiagnostics {

    private SignatureDiagnostics() {
    }

    /** Returns false if the signature or an element digest is wrong; true if they hold. */
    static boolean xmlReferencesVerify(Element signature, Element security, X509Certificate fallback) {
        try {
            X509Certificate cert = tokenCertificate(signature, security);
            PublicKey key = (cert != null ? cert : fallback).getPublicKey();
            DOMValidateContext ctx = new DOMValidateContext(key, signature);
            registerWsuIds(signature.getOwnerDocument(), ctx);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature sig = factory().unmarshalXMLSignature(ctx);
            if (!sig.getSignatureValue().validate(ctx)) {
                return false;
            }
            for (Object o : sig.getSignedInfo().getReferences()) {
                Reference ref = (Reference) o;
                if (ref.getURI() != null && ref.getURI().startsWith("#") && !ref.validate(ctx)) {
                    return false;
                }
            }
            return true;
        } catch (Exception | LinkageError e) {
            // Cannot even evaluate the signature (no key, unparsable): that is not a
            // decryption problem either.
            return false;
        }
    }

    private static XMLSignatureFactory factory() {
        try {
            return XMLSignatureFactory.getInstance("DOM", "ApacheXMLDSig");
        } catch (java.security.NoSuchProviderException e) {
            return XMLSignatureFactory.getInstance("DOM");
        }
    }

    private static void registerWsuIds(Document doc, DOMValidateContext ctx) {
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(WSConstants.WSU_NS, "Id")) {
                ctx.setIdAttributeNS(e, WSConstants.WSU_NS, "Id");
            }
        }
    }

    /** The certificate of the BinarySecurityToken the signature's KeyInfo points at, if any. */
    static X509Certificate tokenCertificate(Element signature, Element security) throws Exception {
        NodeList refs = signature.getElementsByTagNameNS(WSConstants.WSSE_NS, "Reference");
        if (refs.getLength() == 0) {
            return null;
        }
        String uri = ((Element) refs.item(0)).getAttributeNS(null, "URI");
        if (!uri.startsWith("#")) {
            return null;
        }
        for (Node n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "BinarySecurityToken".equals(e.getLocalName())
                    && uri.substring(1).equals(wsuId(e))) {
                byte[] der = Base64.getMimeDecoder().decode(e.getTextContent().trim());
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            }
        }
        return null;
    }

    private static String wsuId(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if ("Id".equals(a.getLocalName())) {
                return a.getValue();
            }
        }
        return null;
    }
}
