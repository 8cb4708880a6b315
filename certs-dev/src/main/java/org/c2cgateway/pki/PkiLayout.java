package org.c2cgateway.pki;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file layout of a development PKI directory.
 *
 * <p>Other modules (gateway configuration, integration tests) locate key and trust stores by
 * these paths, so the layout is defined in exactly one place:
 * <pre>
 * root-ca.crt             PEM root CA certificate
 * root-ca.p12             PKCS#12, alias "root-ca": root CA private key + certificate
 * root-ca.crl             PEM CRL signed by the root: revokes the issuing CA
 * issuing-ca.crt          PEM issuing CA certificate
 * issuing-ca.p12          PKCS#12, alias "issuing-ca": issuing CA private key + chain [issuing, root]
 * issuing-ca.crl          PEM CRL signed by the issuing CA: revokes gateway certificates
 * truststore.p12          PKCS#12, alias "root-ca": the root CA as a trusted certificate only
 * &lt;cc&gt;/&lt;name&gt;.p12         PKCS#12, alias = purpose: private key + chain [leaf, issuing, root]
 * &lt;cc&gt;/&lt;name&gt;.crt         PEM leaf certificate
 * </pre>
 * where {@code <name>} is the purpose's alias ({@code signing}, {@code encryption}, {@code tls},
 * {@code national}) or a chosen name such as {@code signing-ed25519} or {@code signing-next}.
 *
 * @param directory the PKI directory, e.g. {@code certs-dev/pki}
 */
public record PkiLayout(Path directory) {

    /** Alias of the root CA in both {@code root-ca.p12} and {@code truststore.p12}. */
    public static final String ROOT_ALIAS = "root-ca";
    /** Alias of the issuing CA in {@code issuing-ca.p12}. */
    public static final String ISSUING_ALIAS = "issuing-ca";

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
        return directory.resolve(ROOT_ALIAS + ".crt");
    }

    /**
     * The root CA key store, kept so that a new issuing CA can be certified under the same root.
     *
     * @return {@code root-ca.p12}
     */
    public Path rootKeyStore() {
        return directory.resolve(ROOT_ALIAS + ".p12");
    }

    /**
     * The root's CRL, the place where the issuing CA is revoked.
     *
     * @return {@code root-ca.crl}
     */
    public Path rootCrl() {
        return directory.resolve(ROOT_ALIAS + ".crl");
    }

    /**
     * The PEM issuing CA certificate, what a partner configures as the CA it trusts.
     *
     * @return {@code issuing-ca.crt}
     */
    public Path issuingCertificate() {
        return directory.resolve(ISSUING_ALIAS + ".crt");
    }

    /**
     * The issuing CA key store, kept so that certificates can be issued and revoked later.
     *
     * @return {@code issuing-ca.p12}
     */
    public Path issuingKeyStore() {
        return directory.resolve(ISSUING_ALIAS + ".p12");
    }

    /**
     * The issuing CA's CRL, where every revoked gateway certificate is listed.
     *
     * @return {@code issuing-ca.crl}
     */
    public Path issuingCrl() {
        return directory.resolve(ISSUING_ALIAS + ".crl");
    }

    /**
     * The trust store that every gateway uses as its TLS trust anchor.
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
     * A country's PKCS#12 key store for one purpose, under the purpose's own name.
     *
     * @param country the country
     * @param purpose the key purpose
     * @return e.g. {@code rs/signing.p12}
     */
    public Path keyStore(CountryCode country, KeyPurpose purpose) {
        return keyStore(country, purpose.alias());
    }

    /**
     * A country's PEM leaf certificate for one purpose, under the purpose's own name.
     *
     * @param country the country
     * @param purpose the key purpose
     * @return e.g. {@code rs/signing.crt}
     */
    public Path certificate(CountryCode country, KeyPurpose purpose) {
        return certificate(country, purpose.alias());
    }

    /**
     * A country's PKCS#12 key store by file base name.
     *
     * @param country the country
     * @param name file base name, validated like {@link IssueOptions#name()}
     * @return e.g. {@code rs/signing-next.p12}
     */
    public Path keyStore(CountryCode country, String name) {
        return countryDirectory(country).resolve(IssueOptions.defaults().withName(name).name() + ".p12");
    }

    /**
     * A country's PEM leaf certificate by file base name.
     *
     * @param country the country
     * @param name file base name, validated like {@link IssueOptions#name()}
     * @return e.g. {@code rs/signing-next.crt}
     */
    public Path certificate(CountryCode country, String name) {
        return countryDirectory(country).resolve(IssueOptions.defaults().withName(name).name() + ".crt");
    }
}
