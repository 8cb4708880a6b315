package org.c2cgateway.security;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.crypto.SecretKey;

import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.w3c.dom.Element;

/**
 * Signing and encryption with algorithms of the test's choosing, made with WSS4J directly (as a
 * misconfigured or downgrading peer would): the production signer and encryptor only ever use the agreed
 * ones. Shared by the tests of several packages and modules.
 */
public final class WsSecurityFixtures {

    private WsSecurityFixtures() {
    }

    /**
     * The algorithms a peer protects a message with.
     *
     * @param signature      the ds:SignatureMethod
     * @param digest         the ds:DigestMethod of the signature's references
     * @param keyTransport   the xenc:EncryptionMethod of the EncryptedKey
     * @param oaepDigest     the RSA-OAEP digest (ignored by WSS4J for RSA 1.5)
     * @param mgf            the RSA-OAEP mask generation function (xmlenc11 only)
     * @param dataEncryption the xenc:EncryptionMethod of the attachment
     */
    public record Algorithms(String signature, String digest, String keyTransport, String oaepDigest, String mgf,
                             String dataEncryption) {

        /** What the AS4 profile and our production code use: RSA-SHA256, SHA-256, RSA-OAEP (SHA-256/MGF1-SHA-256), AES-128-GCM. */
        public static final Algorithms AGREED = new Algorithms(WSConstants.RSA_SHA256, WSConstants.SHA256,
                WSConstants.KEYTRANSPORT_RSAOAEP_XENC11, WSConstants.SHA256, WSConstants.MGF_SHA256,
                WSConstants.AES_128_GCM);

        public Algorithms withSignature(String signatureMethod) {
            return new Algorithms(signatureMethod, digest, keyTransport, oaepDigest, mgf, dataEncryption);
        }

        public Algorithms withDigest(String digestMethod) {
            return new Algorithms(signature, digestMethod, keyTransport, oaepDigest, mgf, dataEncryption);
        }

        public Algorithms withKeyTransport(String keyTransportMethod) {
            return new Algorithms(signature, digest, keyTransportMethod, oaepDigest, mgf, dataEncryption);
        }

        public Algorithms withDataEncryption(String dataEncryptionMethod) {
            return new Algorithms(signature, digest, keyTransport, oaepDigest, mgf, dataEncryptionMethod);
        }
    }

    /**
     * Signs the elements with these wsu:Ids and, when {@code attachments} holds any, all of them (content
     * transform), with a BinarySecurityToken for {@code key}.
     */
    public static Element sign(WSSecHeader header, List<String> wsuIds, AttachmentCallbackHandler attachments,
                               PrivateKeyEntry key, Algorithms algorithms) throws WSSecurityException {
        WSSecSignature signature = newSignature(header, algorithms, WSConstants.BST_DIRECT_REFERENCE);
        wsuIds.forEach(id -> signature.getParts().add(new WSEncryptionPart(id)));
        if (attachments != null && !attachments.ids().isEmpty()) {
            signature.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
            signature.setAttachmentCallbackHandler(attachments);
        }
        signature.build(new InMemoryCrypto(key));
        return signature.getSignatureElement();
    }

    /**
     * A signature over nothing yet, with these algorithms and exc-c14n, referring to the key as
     * {@code keyIdentifierType} says (a {@code WSConstants} key identifier type); add parts, then build it
     * with {@code new InMemoryCrypto(key)}.
     */
    public static WSSecSignature newSignature(WSSecHeader header, Algorithms algorithms, int keyIdentifierType) {
        SecurityBootstrap.ensureInitialised();
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo(InMemoryCrypto.KEY_ALIAS, "");
        signature.setKeyIdentifierType(keyIdentifierType);
        signature.setSignatureAlgorithm(algorithms.signature());
        signature.setDigestAlgo(algorithms.digest());
        signature.setSigCanonicalization(WSConstants.C14N_EXCL_OMIT_COMMENTS);
        return signature;
    }

    /** Encrypts all attachments (content only) for {@code receiver}, with a fresh key for the data algorithm. */
    public static void encryptAttachments(WSSecHeader header, AttachmentCallbackHandler attachments,
                                          X509Certificate receiver, Algorithms algorithms) throws WSSecurityException {
        SecurityBootstrap.ensureInitialised();
        WSSecEncrypt encrypt = new WSSecEncrypt(header);
        encrypt.setUseThisCert(receiver);
        encrypt.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        encrypt.setKeyEncAlgo(algorithms.keyTransport());
        encrypt.setDigestAlgorithm(algorithms.oaepDigest());
        if (WSConstants.KEYTRANSPORT_RSAOAEP_XENC11.equals(algorithms.keyTransport())) {
            encrypt.setMGFAlgorithm(algorithms.mgf());
        }
        encrypt.setSymmetricEncAlgorithm(algorithms.dataEncryption());
        encrypt.getParts().add(new WSEncryptionPart("cid:Attachments", "Content"));
        encrypt.setAttachmentCallbackHandler(attachments);
        SecretKey key = KeyUtils.getKeyGenerator(algorithms.dataEncryption()).generateKey();
        encrypt.build(new InMemoryCrypto(null, receiver), key);
    }
}
