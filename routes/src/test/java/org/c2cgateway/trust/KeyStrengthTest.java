package org.c2cgateway.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The key-size floor for the key types certificates carry; RSA is also covered with real certificates. */
class KeyStrengthTest {

    private static PublicKey ec(String curve) throws GeneralSecurityException {
        // Bouncy Castle, not registered globally: the JDK no longer generates curves under 256 bits
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPublic();
    }

    @Test
    void ec_keys_need_at_least_256_bits() throws GeneralSecurityException {
        assertEquals(Optional.of("(EC 224 bits, at least 256 required)"), KeyStrength.weakness(ec("secp224r1")));
        assertEquals(Optional.empty(), KeyStrength.weakness(ec("secp256r1")));
    }

    @Test
    void ed25519_meets_the_floor() throws GeneralSecurityException {
        assertEquals(Optional.empty(), KeyStrength.weakness(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic()));
    }

    @Test
    void rsa_keys_need_at_least_2048_bits() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);

        assertEquals(Optional.of("(RSA 1024 bits, at least 2048 required)"),
                KeyStrength.weakness(generator.generateKeyPair().getPublic()));
    }
}
