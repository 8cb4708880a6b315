package org.c2cgateway.security;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.c2cgateway.security.CryptoSuite.EDELIVERY_AS4_1;
import static org.c2cgateway.security.CryptoSuite.EDELIVERY_AS4_2_EC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CryptoSuiteTest {

    private static PublicKey publicKey(PrivateKeyEntry entry) {
        return entry.certificate().getPublicKey();
    }

    @Test
    void key_types_are_read_from_the_encoding_whatever_the_provider_calls_them() {
        assertEquals(KeyType.RSA, KeyType.of(publicKey(TestKeys.gatewayA())).orElseThrow());
        assertEquals(KeyType.ED25519, KeyType.of(publicKey(TestKeys.gatewayAEd25519())).orElseThrow());
        assertEquals(KeyType.X25519, KeyType.of(publicKey(TestKeys.gatewayAX25519())).orElseThrow());
    }

    @Test
    void the_suite_follows_from_the_signing_key() {
        assertSame(EDELIVERY_AS4_1, CryptoSuite.ofSigningKey(publicKey(TestKeys.gatewayA())));
        assertSame(EDELIVERY_AS4_2_EC, CryptoSuite.ofSigningKey(publicKey(TestKeys.gatewayAEd25519())));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CryptoSuite.ofSigningKey(publicKey(TestKeys.gatewayAX25519())));
        assertTrue(e.getMessage().contains("X25519"), e.getMessage());
    }

    @Test
    void rsa_keys_under_2048_bits_are_refused_in_every_role() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PublicKey weak = generator.generateKeyPair().getPublic();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EDELIVERY_AS4_1.requireEncryptionKey(weak, "partner XX's encryption certificate"));

        assertTrue(e.getMessage().contains("RSA-1024") && e.getMessage().contains("2048"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EDELIVERY_AS4_1.requireSigningKey(weak, "key"));
    }

    @Test
    void own_keys_are_found_by_suite_and_keep_their_role() {
        OwnKeys keys = OwnKeys.of(List.of(TestKeys.gatewayA(), TestKeys.gatewayAEd25519()),
                List.of(TestKeys.gatewayB(), TestKeys.gatewayAX25519()));

        assertSame(TestKeys.gatewayA(), keys.signingKey(EDELIVERY_AS4_1).orElseThrow());
        assertSame(TestKeys.gatewayB(), keys.decryptionKey(EDELIVERY_AS4_1).orElseThrow());
        assertSame(TestKeys.gatewayAEd25519(), keys.signingKey(EDELIVERY_AS4_2_EC).orElseThrow());
        assertSame(TestKeys.gatewayAX25519(), keys.decryptionKey(EDELIVERY_AS4_2_EC).orElseThrow());
        assertTrue(keys.supports(EDELIVERY_AS4_2_EC));
        assertFalse(OwnKeys.of(TestKeys.gatewayA()).supports(EDELIVERY_AS4_2_EC));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> OwnKeys.of(TestKeys.gatewayA()).requireSigningKey(EDELIVERY_AS4_2_EC));
        assertTrue(missing.getMessage().contains("Ed25519"), missing.getMessage());
    }
}
