package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.c2cgateway.security.CryptoSuite;

/**
 * Which signing certificate we accept for a partner. A message claiming to come from
 * {@code fromPartyId} (its eb:From PartyId) must be signed with exactly this certificate, using
 * only the algorithms of the crypto suite agreed with that partner.
 */
@FunctionalInterface
public interface SenderTrust {

    Optional<X509Certificate> trustedSigningCertificate(String fromPartyId);

    /** The crypto suite of the agreement with {@code fromPartyId}; eDelivery AS4 1.x unless said otherwise. */
    default CryptoSuite agreedSuite(String fromPartyId) {
        return CryptoSuite.EDELIVERY_AS4_1;
    }

    /** Trust in exactly these certificates, by party id, with {@code suite} agreed with each party. */
    static SenderTrust of(Map<String, X509Certificate> byParty, CryptoSuite suite) {
        Map<String, X509Certificate> certificates = Map.copyOf(byParty);
        return new SenderTrust() {
            @Override
            public Optional<X509Certificate> trustedSigningCertificate(String fromPartyId) {
                return Optional.ofNullable(certificates.get(fromPartyId));
            }

            @Override
            public CryptoSuite agreedSuite(String fromPartyId) {
                return suite;
            }
        };
    }
}
