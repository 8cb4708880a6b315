package org.c2cgateway.security;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The kinds of public key a crypto suite is made of, recognised from the key's encoding.
 *
 * <p>Read from the SubjectPublicKeyInfo OID rather than from {@link PublicKey#getAlgorithm()}, whose
 * name depends on the provider that decoded the key: the JDK says {@code EdDSA}/{@code XDH}, Bouncy
 * Castle {@code Ed25519}/{@code X25519}.
 */
public enum KeyType {
    RSA("RSA"),
    ED25519("Ed25519"),
    X25519("X25519");

    private final String label;

    KeyType(String label) {
        this.label = label;
    }

    /** The type of {@code key}, or empty for any other kind (DSA, ECDSA, Ed448...). */
    public static Optional<KeyType> of(PublicKey key) {
        if (key == null || key.getEncoded() == null) {
            return Optional.empty();
        }
        AlgorithmIdentifier algorithm;
        try {
            algorithm = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getAlgorithm();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return Optional.of(RSA);
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return Optional.of(ED25519);
        }
        if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            return Optional.of(X25519);
        }
        return Optional.empty();
    }

    /** Key size in bits as the policy compares it: the modulus for RSA, the curve size otherwise. */
    static int bits(PublicKey key) {
        return key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
    }

    /** A human name for messages, e.g. {@code Ed25519}. */
    public String label() {
        return label;
    }

    /** Describes a key for an error message: its type, or its algorithm when it has none of ours. */
    static String describe(PublicKey key) {
        return of(key).map(t -> t == RSA ? "RSA-" + bits(key) : t.label())
                .orElseGet(() -> key == null ? "no key" : key.getAlgorithm() + " (not a suite key type)");
    }
}
