package org.c2cgateway.pki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Test helpers that inspect a PKI with the plain JDK only, the way the gateway will: if these
 * checks pass without Bouncy Castle, so does the JDK TLS stack and WSS4J's Merlin crypto.
 */
final class PkiChecks {

    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();

    private PkiChecks() {
    }

    /** Loads a PKCS#12 store with the JDK's own provider. */
    static KeyStore loadPkcs12(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        }
    }

    static X509Certificate readPem(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /**
     * Validates {@code leaf} with the JDK PKIX validator against the trusted entries of
     * {@code trustStore}; revocation is off because the development CA publishes no CRL.
     *
     * @throws java.security.cert.CertPathValidatorException if the leaf does not chain to the anchors
     */
    static void validatePkix(X509Certificate leaf, KeyStore trustStore) throws Exception {
        CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(trustStore);
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }
}
