package org.c2cgateway.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The key algorithms the development PKI issues, named after the suites the gateway speaks.
 *
 * <p>RSA-2048/3072 and ECDSA P-256 cover the eDelivery AS4 1.x profile and JDK TLS. Ed25519 with
 * X25519 is the eDelivery AS4 2.0 EC suite: Ed25519 signs, and an {@link KeyPurpose#ENCRYPTION}
 * key under this suite is an X25519 key-agreement key, since Ed25519 itself cannot agree keys.
 * Ed25519 is not offered for TLS: the JDK TLS stack does not accept EdDSA certificates from the
 * PKCS#12 key managers that the gateway uses.
 */
public enum KeyAlgorithm {

    /** RSA with a 2048-bit modulus: the default, and the floor that gateways accept. */
    RSA_2048("rsa-2048"),
    /** RSA with a 3072-bit modulus. */
    RSA_3072("rsa-3072"),
    /** NIST P-256 (secp256r1): ECDSA for signing and TLS, ECDH for encryption. */
    EC_P256("ec-p256"),
    /** Ed25519 for signing; X25519 for encryption (key agreement). */
    ED25519("ed25519");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;

    KeyAlgorithm(String id) {
        this.id = id;
    }

    /**
     * The command line name.
     *
     * @return e.g. {@code rsa-2048}
     */
    public String id() {
        return id;
    }

    /**
     * Parses the command line name, case-insensitively.
     *
     * @param id e.g. {@code ec-p256}
     * @return the algorithm
     * @throws IllegalArgumentException naming the accepted values if {@code id} is unknown
     */
    public static KeyAlgorithm fromId(String id) {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.id.equals(id.toLowerCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unknown key algorithm '" + id + "': expected one of "
                + Arrays.stream(values()).map(KeyAlgorithm::id).collect(Collectors.joining(", ")));
    }

    /**
     * Whether this algorithm may be used for {@code purpose}: everything except Ed25519 for
     * the two TLS purposes.
     *
     * @param purpose the key purpose
     * @return true if {@link #generateKeyPair} accepts the combination
     */
    public boolean supports(KeyPurpose purpose) {
        return this != ED25519 || purpose == KeyPurpose.SIGNING || purpose == KeyPurpose.ENCRYPTION;
    }

    /**
     * The JDK name of the key that {@link #generateKeyPair} makes for {@code purpose}.
     *
     * @param purpose the key purpose
     * @return {@code RSA}, {@code EC}, {@code Ed25519} or {@code X25519}
     */
    public String keyType(KeyPurpose purpose) {
        return switch (this) {
            case RSA_2048, RSA_3072 -> "RSA";
            case EC_P256 -> "EC";
            case ED25519 -> purpose == KeyPurpose.ENCRYPTION ? "X25519" : "Ed25519";
        };
    }

    /**
     * Whether the key is RSA, the only type whose size can be chosen freely.
     *
     * @return true for {@link #RSA_2048} and {@link #RSA_3072}
     */
    public boolean isRsa() {
        return this == RSA_2048 || this == RSA_3072;
    }

    /**
     * Generates a fresh key pair with the default JDK providers.
     *
     * @param purpose the key purpose; selects X25519 over Ed25519 for encryption
     * @param rsaBits RSA modulus size, or 0 for this algorithm's own size; tests use e.g. 1024
     *                to make a key that gateways must refuse
     * @return the key pair
     * @throws IllegalArgumentException if the algorithm does not fit the purpose, or a size is
     *         given for a non-RSA algorithm
     */
    public KeyPair generateKeyPair(KeyPurpose purpose, int rsaBits) {
        if (!supports(purpose)) {
            throw new IllegalArgumentException("Key algorithm " + id + " cannot be used for " + purpose.alias()
                    + ": TLS keys are rsa-2048, rsa-3072 or ec-p256");
        }
        if (rsaBits != 0 && !isRsa()) {
            throw new IllegalArgumentException("A key size can only be chosen for RSA, not for " + id);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType(purpose));
            switch (this) {
                case RSA_2048 -> generator.initialize(rsaBits != 0 ? rsaBits : 2048, RANDOM);
                case RSA_3072 -> generator.initialize(rsaBits != 0 ? rsaBits : 3072, RANDOM);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                case ED25519 -> { } // the algorithm name fixes the curve
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate a " + keyType(purpose) + " key", e);
        }
    }

    /**
     * Names a key the way the README and the suites do.
     *
     * @param key a public key issued by this PKI
     * @return e.g. {@code RSA-2048}, {@code EC P-256}, {@code Ed25519}, {@code X25519}
     */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof XECKey) {
            return "X25519";
        }
        return of(key) == EC_P256 ? "EC P-256" : "Ed25519";
    }

    /**
     * Recognises the algorithm of an existing key, so that a renewal keeps it.
     *
     * @param key a public key issued by this PKI
     * @return the algorithm; RSA keys of another size map to {@link #RSA_2048}
     * @throws IllegalArgumentException for a key type this PKI does not issue
     */
    public static KeyAlgorithm of(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() == 3072 ? RSA_3072 : RSA_2048;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return EC_P256;
        }
        if (key instanceof EdECKey || key instanceof XECKey) {
            return ED25519;
        }
        throw new IllegalArgumentException("Unsupported key " + key.getAlgorithm()
                + ": expected RSA, EC P-256, Ed25519 or X25519");
    }
}
