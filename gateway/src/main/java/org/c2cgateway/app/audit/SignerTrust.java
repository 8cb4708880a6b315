package org.c2cgateway.app.audit;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.c2cgateway.keys.Credentials;
import org.c2cgateway.security.Certificates;

/**
 * Whose checkpoint signatures count: this gateway's own signing certificates in the configuration, or, since
 * checkpoints outlive a key rollover, a certificate issued under the trust store's CAs to the same subject as one of
 * them (the gateway's earlier signing key). A certificate of anyone else, self-made or a partner's, is refused.
 */
public final class SignerTrust {

    private final List<X509Certificate> own;
    private final KeyStore trustStore;

    public SignerTrust(List<X509Certificate> own, KeyStore trustStore) {
        this.own = List.copyOf(own);
        this.trustStore = trustStore;
    }

    /** The signing certificates of every signing purpose and slot in {@code credentials}. */
    public static SignerTrust of(Credentials credentials, KeyStore trustStore) {
        List<X509Certificate> own = new ArrayList<>();
        credentials.keys().generations().forEach((purpose, keys) -> {
            if (purpose.signs()) {
                keys.inUse().forEach(k -> own.add(k.certificate()));
            }
        });
        return new SignerTrust(own, trustStore);
    }

    /** Why {@code chain} (signer first) is not trusted for a signature made at {@code at}; empty when it is. */
    public Optional<String> refusal(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            return Optional.of("its certificate cannot be read");
        }
        X509Certificate signer = chain.get(0);
        if (own.stream().anyMatch(c -> Certificates.sameCertificate(c, signer))) {
            return Optional.empty();
        }
        if (own.stream().noneMatch(c -> c.getSubjectX500Principal().equals(signer.getSubjectX500Principal()))) {
            return Optional.of("its signer " + signer.getSubjectX500Principal().getName()
                    + " is not this gateway's signing certificate");
        }
        try {
            PKIXParameters parameters = new PKIXParameters(trustStore);
            parameters.setRevocationEnabled(false); // a checkpoint is judged by its signing time, not by today's CRL
            parameters.setDate(Date.from(at));
            List<X509Certificate> path = chain.stream().filter(c -> !isAnchor(c)).toList();
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                    parameters);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("its signer " + signer.getSubjectX500Principal().getName()
                    + " does not chain to the trust store: " + e.getMessage());
        }
    }

    private boolean isAnchor(X509Certificate certificate) {
        try {
            return trustStore.getCertificateAlias(certificate) != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
