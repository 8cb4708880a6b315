package org.c2cgateway.as4;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Which signing certificate we accept for a partner. A message claiming to come from
 * {@code fromPartyId} (its eb:From PartyId) must be signed with exactly this certificate.
 */
@FunctionalInterface
public interface SenderTrust {

    Optional<X509Certificate> trustedSigningCertificate(String fromPartyId);
}
