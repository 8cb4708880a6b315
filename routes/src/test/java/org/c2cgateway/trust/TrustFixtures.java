package org.c2cgateway.trust;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;

/**
 * A throw-away development PKI with two partners, RS and MK, under one issuing CA (so that "issued by
 * the partner's CA" is never enough on its own), plus the trust RS is given in each test.
 */
final class TrustFixtures {

    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();

    final DevPki pki;

    TrustFixtures(Path directory) {
        this(directory, List.of("RS", "MK"));
    }

    TrustFixtures(Path directory, List<String> countries) {
        this.pki = DevPki.generate(directory, countries, PASSWORD);
    }

    X509Certificate certificate(String country, KeyPurpose purpose) {
        return pki.credential(country, purpose).certificate();
    }

    /** One more certificate for {@code country}, e.g. expired or too weak, written under its own name. */
    X509Certificate issue(String country, KeyPurpose purpose, IssueOptions options) {
        return pki.issue(country, purpose, KeyAlgorithm.RSA_2048, options).certificate();
    }

    /** RS as its partners see it: the issuing CA, its signing and TLS certificates pinned. */
    PartnerTrust rsPinned() {
        return pinned("RS", certificate("RS", KeyPurpose.SIGNING), certificate("RS", KeyPurpose.TLS));
    }

    PartnerTrust pinned(String partner, X509Certificate signing, X509Certificate tls) {
        return new PartnerTrust(partner, List.of(pki.issuingCertificate()), pins(signing), pins(tls));
    }

    /** RS trusted by subject only: any certificate of the CA named as RS's signing (or TLS) key. */
    PartnerTrust rsBySubject() {
        return new PartnerTrust("RS", List.of(pki.issuingCertificate()),
                new AcceptedCertificates(List.of(), Pattern.compile("CN=RS customs gateway signing,.*")),
                new AcceptedCertificates(List.of(), Pattern.compile("CN=RS customs gateway TLS,.*")));
    }

    static AcceptedCertificates pins(X509Certificate... certificates) {
        return new AcceptedCertificates(List.of(certificates), null);
    }

    RevocationLists crlOfThisPki() {
        RevocationLists lists = new RevocationLists(List.of(CrlSource.of(pki.crlFile().toString(), Path.of("."))),
                List.of(pki.issuingCertificate()), Duration.ofHours(1));
        lists.refreshAll(java.time.Instant.now());
        return lists;
    }

    static CertificateValidator withoutRevocation() {
        return new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED);
    }
}
