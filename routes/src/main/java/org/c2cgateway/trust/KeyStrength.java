package org.c2cgateway.trust;

import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.util.Optional;

/**
 * The key-size floor of the eDelivery AS4 profiles: RSA (and DSA) of at least 2048 bits, EC curves of
 * at least 256 bits. Ed25519 and X25519 meet it by construction. A key we cannot measure is refused
 * rather than trusted.
 */
final class KeyStrength {

    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 256;

    private KeyStrength() {
    }

    /** Why the key is too weak, or empty when it is strong enough. */
    static Optional<String> weakness(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return tooSmall("RSA", rsa.getModulus().bitLength(), MIN_RSA_BITS);
        }
        if (key instanceof ECKey ec) {
            return tooSmall("EC", ec.getParams().getOrder().bitLength(), MIN_EC_BITS);
        }
        if (key instanceof DSAKey dsa) {
            return tooSmall("DSA", dsa.getParams().getP().bitLength(), MIN_RSA_BITS);
        }
        if (key instanceof EdECKey || key instanceof XECKey) {
            return Optional.empty();
        }
        return Optional.of("(" + key.getAlgorithm() + " keys are not accepted)");
    }

    private static Optional<String> tooSmall(String algorithm, int bits, int minimum) {
        return bits >= minimum ? Optional.empty()
                : Optional.of("(" + algorithm + " " + bits + " bits, at least " + minimum + " required)");
    }
}
