package org.c2cgateway.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.OwnKeys;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.PartnerTrust;
import org.junit.jupiter.api.Test;

class CredentialsInForceTest {

    private static final PrivateKeyEntry OWN = TestKeys.gatewayA();

    @Test
    void replacement_is_in_force_for_whoever_asks_next_and_the_replaced_one_is_handed_back() {
        Credentials first = credentials(ringOf(OWN), "MK");
        Credentials second = credentials(new KeyRing(KeyGenerations.of(OWN),
                new KeyGenerations(OWN, TestKeys.gatewayB(), null)), "MK");
        CredentialsInForce inForce = new CredentialsInForce(first);

        assertSame(first, inForce.replace(second));

        assertSame(second, inForce.current());
        assertTrue(inForce.current().keys().decryptionKeys().contains(TestKeys.gatewayB()));
    }

    @Test
    void replacement_with_other_partners_is_refused_and_changes_nothing() {
        Credentials first = credentials(ringOf(OWN), "MK");
        CredentialsInForce inForce = new CredentialsInForce(first);

        KeyConfigurationException e = assertThrows(KeyConfigurationException.class,
                () -> inForce.replace(credentials(ringOf(OWN), "MK", "BG")));

        assertTrue(e.getMessage().startsWith("c2c.partners: ") && e.getMessage().contains("[BG, MK]"), e.getMessage());
        assertSame(first, inForce.current());
    }

    @Test
    void decryption_keys_are_current_next_and_previous_signing_key_is_the_current_one() {
        PrivateKeyEntry next = TestKeys.gatewayB();
        PrivateKeyEntry previous = TestKeys.intruder();
        KeyRing ring = new KeyRing(new KeyGenerations(OWN, next, null), new KeyGenerations(OWN, next, previous));

        assertSame(OWN, ring.signingKey());
        assertTrue(ring.decryptionKeys().equals(List.of(OWN, next, previous)));
    }

    @Test
    void own_keys_per_suite_sign_with_the_current_key_of_its_type_and_decrypt_with_all_of_its_type() {
        PrivateKeyEntry ecNext = TestKeys.gatewayAX25519();
        KeyRing ring = new KeyRing(Map.of(
                MessageKeyPurpose.SIGNING, KeyGenerations.of(OWN),
                MessageKeyPurpose.ENCRYPTION, KeyGenerations.of(TestKeys.gatewayB()),
                MessageKeyPurpose.SIGNING_EC, new KeyGenerations(TestKeys.gatewayBEd25519(), TestKeys.gatewayAEd25519(),
                        null),
                MessageKeyPurpose.ENCRYPTION_EC, new KeyGenerations(TestKeys.gatewayBX25519(), ecNext, null)));
        OwnKeys own = ring.ownKeys();

        assertSame(OWN, own.requireSigningKey(CryptoSuite.EDELIVERY_AS4_1));
        assertSame(TestKeys.gatewayBEd25519(), own.requireSigningKey(CryptoSuite.EDELIVERY_AS4_2_EC));
        assertEquals(List.of(TestKeys.gatewayB()), own.decryptionKeys(CryptoSuite.EDELIVERY_AS4_1));
        assertEquals(List.of(TestKeys.gatewayBX25519(), ecNext), own.decryptionKeys(CryptoSuite.EDELIVERY_AS4_2_EC));
    }

    @Test
    void a_key_of_another_type_than_its_purpose_is_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KeyRing(Map.of(
                MessageKeyPurpose.SIGNING, KeyGenerations.of(OWN),
                MessageKeyPurpose.ENCRYPTION, KeyGenerations.of(OWN),
                MessageKeyPurpose.SIGNING_EC, KeyGenerations.of(OWN))));

        assertTrue(e.getMessage().contains("Ed25519"), e.getMessage());
    }

    private static KeyRing ringOf(PrivateKeyEntry key) {
        return new KeyRing(KeyGenerations.of(key), KeyGenerations.of(key));
    }

    private static Credentials credentials(KeyRing keys, String... countries) {
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(TestKeys.gatewayB().certificate()), null);
        return new Credentials(keys, new PartnerDirectory(List.of(countries).stream().map(c -> new Partner(c, c,
                URI.create("https://" + c + ".test/as4"), new PartnerTrust(c, List.of(TestKeys.testCa().certificate()),
                pinned, pinned), List.of(TestKeys.gatewayB().certificate()), null)).toList()));
    }
}
