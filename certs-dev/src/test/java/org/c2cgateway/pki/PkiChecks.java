package org.c2cgateway.pki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Test helpers that inspect a PKI with the plain JDK only, the way the gateway will: if these
 * checks pass without Bouncy Castle, so does the JDK TLS stack and WSS4J's Merlin crypto.
 */
final class PkiChecks {

    static final char[] PASSWORD = DevPki.DEFAULT_PASSWORD.toCharArray();

    static final String KEY_USAGE_OID = "2.5.29.15";
    static final String BASIC_CONSTRAINTS_OID = "2.5.29.19";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    /** Indexes into {@link X509Certificate#getKeyUsage()}, RFC 5280 section 4.2.1.3. */
    static final int DIGITAL_SIGNATURE = 0;
    static final int NON_REPUDIATION = 1;
    static final int KEY_ENCIPHERMENT = 2;
    static final int DATA_ENCIPHERMENT = 3;
    static final int KEY_AGREEMENT = 4;
    static final int KEY_CERT_SIGN = 5;
    static final int CRL_SIGN = 6;

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

    static X509CRL readCrl(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    /**
     * A key usage array with exactly the given bits set, in the nine-bit form the JDK returns.
     */
    static boolean[] keyUsage(int... bits) {
        boolean[] usage = new boolean[9];
        for (int bit : bits) {
            usage[bit] = true;
        }
        return usage;
    }

    /**
     * Validates the path [leaf, issuing] with the JDK PKIX validator against the trusted entries
     * of {@code trustStore}, without revocation checking.
     *
     * @throws java.security.cert.CertPathValidatorException if the path does not chain to the anchors
     */
    static void validatePkix(X509Certificate leaf, X509Certificate issuing, KeyStore trustStore) throws Exception {
        validate(List.of(leaf, issuing), trustStore, null);
    }

    /**
     * Like {@link #validatePkix} but with revocation checking against exactly {@code crls}: one
     * CRL per CA of the path, as a gateway configured with CRL files does it.
     */
    static void validatePkixWithCrls(X509Certificate leaf, X509Certificate issuing, KeyStore trustStore,
            X509CRL... crls) throws Exception {
        validate(List.of(leaf, issuing), trustStore, List.of(crls));
    }

    private static void validate(List<X509Certificate> path, KeyStore trustStore, List<X509CRL> crls)
            throws Exception {
        CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
        PKIXParameters parameters = new PKIXParameters(trustStore);
        parameters.setRevocationEnabled(crls != null);
        if (crls != null) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    }
}
