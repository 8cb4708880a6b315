package org.c2cgateway.security;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.crypto.SecretKey;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.apache.xml.security.encryption.params.HKDFParams;

/**
 * Encrypts all SwA attachments for the receiver, as the AS4 profile requires: content only
 * ({@code Attachment-Content-Only}), AES-128-GCM, with the fresh AES key in an xenc:EncryptedKey for
 * the receiver's certificate, which is included as a BinarySecurityToken. How the AES key gets there
 * depends on the suite: RSA-OAEP (xmlenc11, SHA-256 digest, MGF1-SHA-256) in eDelivery AS4 1.x; in
 * the 2.0 EC suite it is wrapped with AES-128 key wrap under a key derived with HKDF-SHA-256 (random
 * 32-byte salt) from an X25519 agreement between a fresh ephemeral key and the receiver's key, the
 * ephemeral public key travelling in the xenc:AgreementMethod. The SOAP body and headers stay in
 * clear (the eb:Messaging header must be readable for routing; it is signed, not encrypted).
 *
 * <p>The encrypted bytes (12-byte IV, ciphertext, 16-byte tag) replace the plaintext in the
 * handler. Stateless; a new AES key is generated on every call.
 */
public final class WsSecurityEncryptor {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WsSecurityEncryptor() {
    }

    /**
     * @param suite the suite agreed with the receiver; {@code receiver} must hold its encryption key type
     * @throws IllegalArgumentException if the receiver's key is not of the suite's encryption key type
     */
    public static void encryptAttachments(WSSecHeader securityHeader, AttachmentCallbackHandler attachments,
                                          X509Certificate receiver, CryptoSuite suite) throws WSSecurityException {
        SecurityBootstrap.ensureInitialised();
        suite.requireEncryptionKey(receiver.getPublicKey(), "the receiver's encryption certificate ("
                + Certificates.describe(receiver) + ")");
        WSSecEncrypt encrypt = new WSSecEncrypt(securityHeader);
        encrypt.setUseThisCert(receiver);
        encrypt.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        encrypt.setKeyEncAlgo(suite.keyEncryption());
        if (suite.keyAgreement().isPresent()) {
            encrypt.setKeyAgreementMethod(suite.keyAgreement().get());
            encrypt.setKeyDerivationMethod(suite.keyDerivation().orElseThrow());
            encrypt.setKeyDerivationParameters(hkdfParameters(suite.keyEncryption()));
        } else {
            encrypt.setDigestAlgorithm(CryptoSuite.OAEP_DIGEST);
            encrypt.setMGFAlgorithm(CryptoSuite.OAEP_MGF);
        }
        encrypt.setSymmetricEncAlgorithm(CryptoSuite.DATA_ENCRYPTION);
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        encrypt.setAttachmentCallbackHandler(attachments);
        SecretKey key = KeyUtils.getKeyGenerator(CryptoSuite.DATA_ENCRYPTION).generateKey();
        encrypt.build(new InMemoryCrypto(null, receiver), key);
    }

    /**
     * HKDF with HMAC-SHA-256 and a fresh random salt of the hash's length (RFC 5869 section 3.1), no
     * info; the output is as long as the key-wrap key. WSS4J's default would use a 16-byte salt.
     */
    private static HKDFParams hkdfParameters(String keyWrap) throws WSSecurityException {
        try {
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            return HKDFParams.createBuilder(org.apache.xml.security.utils.KeyUtils.getAESKeyBitSizeForWrapAlgorithm(
                    keyWrap), CryptoSuite.HKDF_PRF).salt(salt).build();
        } catch (XMLEncryptionException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_ENCRYPTION, e);
        }
    }
}
