package org.c2cgateway.security;

import java.util.List;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.w3c.dom.Element;

/**
 * Adds the AS4 signature to a SOAP envelope: the suite's signature method (RSA-SHA256 or Ed25519) over
 * exc-c14n, SHA-256 digests, signer certificate as a BinarySecurityToken with a direct reference (what
 * phase4 and Domibus send).
 *
 * <p>Elements are referenced by their {@code wsu:Id}; attachments, when a handler is given, are
 * all signed with the SwA Attachment-Content-Signature-Transform (WSS4J's
 * {@code WSEncryptionPart("cid:Attachments", "Content")}; {@code "Element"} would select the
 * Attachment-Complete transform, which also covers MIME headers and is not what AS4 uses). Call
 * this before {@link WsSecurityEncryptor}: the AS4 profile signs the compressed plaintext.
 *
 * <p>Stateless; every call builds its own WSS4J objects.
 */
public final class WsSecuritySigner {

    private WsSecuritySigner() {
    }

    /**
     * Signs the elements with the given wsu:Ids and all attachments of {@code attachments}.
     *
     * @param attachments attachments to sign, or {@code null} for none
     * @param suite       the suite agreed with the partner; {@code key} must be its signing key type
     * @return the ds:Signature element now in the security header
     * @throws IllegalArgumentException if {@code key} is not of the suite's signing key type
     */
    public static Element sign(WSSecHeader securityHeader, List<String> wsuIds,
                               AttachmentCallbackHandler attachments, PrivateKeyEntry key, CryptoSuite suite)
            throws WSSecurityException {
        SecurityBootstrap.ensureInitialised();
        suite.requireSigningKey(key.certificate().getPublicKey(), "the signing key " + key);
        WSSecSignature signature = new WSSecSignature(securityHeader);
        signature.setUserInfo(InMemoryCrypto.KEY_ALIAS, "");
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        signature.setSignatureAlgorithm(suite.signatureMethod());
        signature.setSignatureProvider(CryptoProviders.forSignature(suite.signatureMethod()));
        signature.setDigestAlgo(CryptoSuite.DIGEST);
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        signature.setAddInclusivePrefixes(true);
        for (String id : wsuIds) {
            signature.getParts().add(new WSEncryptionPart(id));
        }
        if (attachments != null && !attachments.ids().isEmpty()) {
            signature.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
            signature.setAttachmentCallbackHandler(attachments);
        }
        signature.build(new InMemoryCrypto(key));
        return signature.getSignatureElement();
    }
}
