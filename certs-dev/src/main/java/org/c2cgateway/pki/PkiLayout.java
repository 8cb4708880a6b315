package org.c2cgateway.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file layout of a development PKI directory.
 *
 * <p>Other modules (gateway configuration, integration tests) locate key and trust stores by
 * these paths, so the layout is defined in exactly one place:
 * <pre>
 * root-ca.crt           PEM root CA certificate
 * root-ca.p12           PKCS#12, alias "root-ca": CA private key + certificate
 * truststore.p12        PKCS#12, alias "root-ca": the root CA as a trusted certificate only
 * &lt;cc&gt;/signing.p12      PKCS#12, alias "signing": private key + chain [leaf, root]
 * &lt;cc&gt;/signing.crt      PEM leaf certificate
 * &lt;cc&gt;/tls.p12          PKCS#12, alias "tls": private key + chain [leaf, root]
 * &lt;cc&gt;/tls.crt          PEM leaf certificate
 * </pre>
 *
 * @param directory the PKI directory, e.g. {@code certs-dev/pki}
 */
public record PkiLayout(Path directory) {

    /** Alias of the root CA in both {@code root-ca.p12} and {@code truststore.p12}. */
    public static final String ROOT_ALIAS = "root-ca";

    /** Requires a directory. */
    public PkiLayout {
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * The PEM root CA certificate.
     *
     * @return {@code root-ca.crt}
     */
    public Path rootCertificate() {
        return directory.resolve("root-ca.crt");
    }

    /**
     * The CA key store, kept so that certificates can be re-issued without replacing the root.
     *
     * @return {@code root-ca.p12}
     */
    public Path rootKeyStore() {
        return directory.resolve("root-ca.p12");
    }

    /**
     * The trust store that every gateway uses to accept partner certificates.
     *
     * @return {@code truststore.p12}
     */
    public Path trustStore() {
        return directory.resolve("truststore.p12");
    }

    /**
     * The directory of one country's keys.
     *
     * @param country the country
     * @return e.g. {@code rs/}
     */
    public Path countryDirectory(CountryCode country) {
        return directory.resolve(country.lowerCase());
    }

    /**
     * A country's PKCS#12 key store for one purpose.
     *
     * @param country the country
     * @param purpose the key purpose
     * @return e.g. {@code rs/signing.p12}
     */
    public Path keyStore(CountryCode country, KeyPurpose purpose) {
        return countryDirectory(country).resolve(purpose.alias() + ".p12");
    }

    /**
     * A country's PEM leaf certificate for one purpose.
     *
     * @param country the country
     * @param purpose the key purpose
     * @return e.g. {@code rs/signing.crt}
     */
    public Path certificate(CountryCode country, KeyPurpose purpose) {
        return countryDirectory(country).resolve(purpose.alias() + ".crt");
    }
}
