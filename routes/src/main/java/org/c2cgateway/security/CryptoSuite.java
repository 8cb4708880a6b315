package org.c2cgateway.security;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;

import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.dom.WSConstants;

/**
 * The algorithm suite a partner agreement chooses: what we sign, encrypt and key-transport with when
 * sending to that partner, which key types that takes, and (through {@link AlgorithmPolicy}) what we
 * accept from it.
 *
 * <p>The two suites of the eDelivery AS4 profile:
 * <ul>
 * <li>{@link #EDELIVERY_AS4_1}, eDelivery AS4 1.x: RSA-SHA256 signatures, the AES key sent with RSA-OAEP
 * (xmlenc11, SHA-256 digest, MGF1-SHA-256), AES-128-GCM payloads. One RSA key may sign and decrypt.</li>
 * <li>{@link #EDELIVERY_AS4_2_EC}, the eDelivery AS4 2.0 common usage profile: Ed25519 signatures
 * ({@code eddsa-ed25519}, RFC 9231), the AES key wrapped ({@code kw-aes128}) with a key agreed by
 * X25519 ephemeral-static Diffie-Hellman and derived with HKDF-SHA-256, AES-128-GCM payloads. Ed25519
 * cannot encrypt and X25519 cannot sign, so a gateway has two keys here.</li>
 * </ul>
 * Both use SHA-256 reference digests and exclusive canonicalisation. The two are not compatible on the
 * wire; the suite is part of the bilateral agreement, and a message in the other suite is refused.
 */
public enum CryptoSuite {

    EDELIVERY_AS4_1(WSConstants.RSA_SHA256, KeyType.RSA, KeyType.RSA,
            WSConstants.KEYTRANSPORT_RSAOAEP_XENC11, null, null),

    EDELIVERY_AS4_2_EC(WSS4JConstants.ED25519, KeyType.ED25519, KeyType.X25519,
            WSS4JConstants.KEYWRAP_AES128, WSS4JConstants.AGREEMENT_METHOD_X25519, WSS4JConstants.KEYDERIVATION_HKDF);

    /** Reference digests, in both suites. */
    public static final String DIGEST = WSConstants.SHA256;
    /** Payload encryption, in both suites. */
    public static final String DATA_ENCRYPTION = WSConstants.AES_128_GCM;
    /** The RSA-OAEP digest and mask generation function of {@link #EDELIVERY_AS4_1}. */
    public static final String OAEP_DIGEST = WSConstants.SHA256;
    public static final String OAEP_MGF = WSConstants.MGF_SHA256;
    /** The HKDF pseudo-random function of {@link #EDELIVERY_AS4_2_EC}. */
    public static final String HKDF_PRF = WSS4JConstants.HMAC_SHA256;
    /** Smallest RSA key either side may use. */
    public static final int MINIMUM_RSA_BITS = 2048;

    private final String signatureMethod;
    private final KeyType signingKeyType;
    private final KeyType encryptionKeyType;
    private final String keyEncryption;
    private final String keyAgreement;
    private final String keyDerivation;

    CryptoSuite(String signatureMethod, KeyType signingKeyType, KeyType encryptionKeyType, String keyEncryption,
                String keyAgreement, String keyDerivation) {
        this.signatureMethod = signatureMethod;
        this.signingKeyType = signingKeyType;
        this.encryptionKeyType = encryptionKeyType;
        this.keyEncryption = keyEncryption;
        this.keyAgreement = keyAgreement;
        this.keyDerivation = keyDerivation;
    }

    /** The ds:SignatureMethod we sign with. */
    public String signatureMethod() {
        return signatureMethod;
    }

    public KeyType signingKeyType() {
        return signingKeyType;
    }

    public KeyType encryptionKeyType() {
        return encryptionKeyType;
    }

    /** The xenc:EncryptedKey method: RSA-OAEP key transport, or AES key wrap under an agreed key. */
    public String keyEncryption() {
        return keyEncryption;
    }

    /** The xenc:AgreementMethod, or empty when the AES key is transported with RSA. */
    public Optional<String> keyAgreement() {
        return Optional.ofNullable(keyAgreement);
    }

    /** The xenc11:KeyDerivationMethod of the agreement, or empty without one. */
    public Optional<String> keyDerivation() {
        return Optional.ofNullable(keyDerivation);
    }

    /** The suite whose signing key {@code key} can be, e.g. Ed25519 for {@link #EDELIVERY_AS4_2_EC}. */
    public static CryptoSuite ofSigningKey(PublicKey key) {
        KeyType type = KeyType.of(key).orElse(null);
        return Arrays.stream(values()).filter(s -> s.signingKeyType == type).findFirst().orElseThrow(() ->
                new IllegalArgumentException("a " + KeyType.describe(key) + " key signs in no crypto suite"));
    }

    /**
     * Refuses a signing key this suite cannot use.
     *
     * @param what names the key in the message, e.g. {@code "own signing key"}
     * @throws IllegalArgumentException naming the key type found and the one the suite needs
     */
    public void requireSigningKey(PublicKey key, String what) {
        require(signingKeyType, key, what);
    }

    /** Refuses an encryption key (ours, or the partner's certificate) this suite cannot use. */
    public void requireEncryptionKey(PublicKey key, String what) {
        require(encryptionKeyType, key, what);
    }

    private void require(KeyType expected, PublicKey key, String what) {
        Optional<KeyType> actual = KeyType.of(key);
        if (actual.isEmpty() || actual.get() != expected) {
            throw new IllegalArgumentException(what + " is " + KeyType.describe(key) + ", but suite " + name()
                    + " needs an " + expected.label() + " key");
        }
        if (expected == KeyType.RSA && KeyType.bits(key) < MINIMUM_RSA_BITS) {
            throw new IllegalArgumentException(what + " is " + KeyType.describe(key) + ", under the minimum of "
                    + MINIMUM_RSA_BITS + " bits");
        }
    }
}
