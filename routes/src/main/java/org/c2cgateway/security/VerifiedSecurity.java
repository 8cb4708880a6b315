package org.c2cgateway.security;

import java.security.cert.X509Certificate;
import java.util.Set;

import org.w3c.dom.Element;

/**
 * What WS-Security processing proved about a message. The caller still has to decide whether
 * that is enough (right signer, right parts signed, payload encrypted): see the AS4 opener.
 *
 * @param signingCertificate     the certificate whose key verified the one signature
 * @param signature              the verified ds:Signature element (for reading its references)
 * @param signedElements         the DOM elements covered by the signature, compared by identity
 * @param signedAttachmentIds    Content-IDs (bare, no {@code cid:}) covered by the signature
 * @param decryptedAttachmentIds Content-IDs that arrived encrypted and were decrypted
 * @param decryptionCertificate  the certificate of our key that decrypted them; null when nothing was encrypted
 */
public record VerifiedSecurity(X509Certificate signingCertificate, Element signature, Set<Element> signedElements,
                               Set<String> signedAttachmentIds, Set<String> decryptedAttachmentIds,
                               X509Certificate decryptionCertificate) {

    /** True if this exact element (not a copy elsewhere in the document) was signed. */
    public boolean isSigned(Element element) {
        return signedElements.contains(element);
    }
}
