package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.List;

import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.trust.CertificateRefusedException;

/**
 * Who may sign for a party, at the time a message or receipt is received: a message claiming to come
 * from {@code fromPartyId} (its eb:From PartyId) must be signed with a certificate accepted for it,
 * using only the algorithms of the crypto suite agreed with that party.
 */
public interface SenderTrust {

    /** Whether a partner has this party id at all; a message from anyone else is not even verified. */
    boolean knowsParty(String fromPartyId);

    /** The party's pinned signing certificates, to resolve signatures that do not embed their certificate. */
    List<X509Certificate> pinnedSigningCertificates(String fromPartyId);

    /** Refuses {@code signer} unless it is accepted for the party now, naming every reason. */
    void verifySigner(String fromPartyId, X509Certificate signer) throws CertificateRefusedException;

    /** The crypto suite of the agreement with {@code fromPartyId}; eDelivery AS4 1.x unless said otherwise. */
    default CryptoSuite agreedSuite(String fromPartyId) {
        return CryptoSuite.EDELIVERY_AS4_1;
    }
}
