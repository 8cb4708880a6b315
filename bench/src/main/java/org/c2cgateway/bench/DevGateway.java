package org.c2cgateway.bench;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.c2cgateway.as4.SenderTrust;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.pki.Credential;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;
import org.c2cgateway.security.CryptoSuite;
import org.c2cgateway.security.PrivateKeyEntry;
import org.c2cgateway.trust.AcceptedCertificates;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.PartnerTrust;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;

/**
 * One gateway of a throw-away development PKI as the AS4 benchmarks need it: its signing and decryption keys in
 * one crypto suite, and the trust its partner places in it. Kept in one place so that every AS4 benchmark pays
 * for the same checks the gateways make: the PKI's issuing CA, the signing certificate pinned, no CRL.
 */
record DevGateway(String country, String partyId, PrivateKeyEntry signingKey, PrivateKeyEntry decryptionKey,
                  CryptoSuite suite) {

    static DevGateway issue(DevPki pki, String country, String partyId, CryptoSuite suite) {
        KeyAlgorithm algorithm = suite == CryptoSuite.EDELIVERY_AS4_1 ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.ED25519;
        return new DevGateway(country, partyId,
                entry(pki.issue(country, KeyPurpose.SIGNING, algorithm, IssueOptions.defaults())),
                entry(pki.issue(country, KeyPurpose.ENCRYPTION, algorithm, IssueOptions.defaults())), suite);
    }

    /** The certificate a partner encrypts to. */
    X509Certificate encryptionCertificate() {
        return decryptionKey.certificate();
    }

    /** What its partner checks a signature of this gateway's against (a user message or a receipt), now. */
    SenderTrust trustedBy(DevPki pki) {
        AcceptedCertificates pinned = new AcceptedCertificates(List.of(signingKey.certificate()), null);
        Partner asPartner = new Partner(country, partyId, URI.create("https://" + partyId + ".bench/as4"),
                new PartnerTrust(country, List.of(pki.issuingCertificate()), pinned, pinned),
                List.of(encryptionCertificate()), suite);
        return new PartnerAuthentication(new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED))
                .at(new PartnerDirectory(List.of(asPartner)), Instant.now());
    }

    private static PrivateKeyEntry entry(Credential c) {
        return new PrivateKeyEntry(c.privateKey(), c.certificate(), c.chain());
    }
}
