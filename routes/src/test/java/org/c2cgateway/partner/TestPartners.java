package org.c2cgateway.partner;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;

/** Partners for engine tests: trusting the test CAs, pinning one certificate for signing and TLS, no CRL. */
public final class TestPartners {

    private TestPartners() {
    }

    /** A partner whose one certificate signs, connects and is encrypted to, on eDelivery AS4 1.x. */
    public static Partner pinned(String country, String partyId, X509Certificate certificate) {
        return pinned(country, partyId, certificate, certificate, CryptoSuite.EDELIVERY_AS4_1);
    }

    public static Partner pinned(String country, String partyId, X509Certificate signing, X509Certificate encryption,
                                 CryptoSuite suite) {
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(signing), null);
        return new Partner(country, partyId, URI.create("https://" + partyId + ".test/as4"),
                new PartnerTrust(country, List.of(TestKeys.testCa().certificate(), TestKeys.ecCa()), pinned, pinned),
                List.of(encryption), suite);
    }

    /** The real authentication, without revocation. */
    public static PartnerAuthentication authentication() {
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED));
    }
}
