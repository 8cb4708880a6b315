package org.c2cgateway.security;

import java.security.cert.X509Certificate;

import javax.crypto.SecretKey;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;

/**
 * Encrypts all SwA attachments for the receiver, as the AS4 profile requires: content only
 * ({@code Attachment-Content-Only}), AES-128-GCM, with the fresh AES key sent in an
 * xenc:EncryptedKey using RSA-OAEP (xmlenc11, SHA-256 digest, MGF1-SHA-256) to the receiver's
 * certificate, which is included as a BinarySecurityToken. The SOAP body and headers stay in
 * clear (the eb:Messaging header must be readable for routing; it is signed, not encrypted).
 *
 * <p>The encrypted bytes (12-byte IV, ciphertext, 16-byte tag) replace the plaintext in the
 * handler. Stateless; a new AES key is generated on every call.
 */
public final class WsSecurityEncryptor {

    private WsSecurityEncryptor() {
    }

    public static void encryptAttachments(WSSecHeader securityHeader, AttachmentCallbackHandler attachments,
                                          X509Certificate receiver) throws WSSecurityException {
        SecurityBootstrap.ensureInitialised();
        WSSecEncrypt encrypt = new WSSecEncrypt(securityHeader);
        encrypt.setUseThisCert(receiver);
        encrypt.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        encrypt.setKeyEncAlgo(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11);
        encrypt.setDigestAlgorithm(WSConstants.SHA256);
        encrypt.setMGFAlgorithm(WSConstants.MGF_SHA256);
        encrypt.setSymmetricEncAlgorithm(WSConstants.AES_128_GCM);
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        encrypt.setAttachmentCallbackHandler(attachments);
        SecretKey key = KeyUtils.getKeyGenerator(WSConstants.AES_128_GCM).generateKey();
        encrypt.build(new InMemoryCrypto(null, receiver), key);
    }
}
