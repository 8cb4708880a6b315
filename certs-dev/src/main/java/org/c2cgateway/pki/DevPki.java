package org.c2cgateway.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/**
 * The development PKI of the C2C Gateway: a root CA, an issuing CA below it, their CRLs and,
 * per country, one key pair per {@link KeyPurpose} issued by the issuing CA.
 *
 * <p>Everything here is for development and tests only: the stores use a well-known password
 * and the CA keys sit next to the certificates. The committed PKI under {@code certs-dev/pki}
 * lets the demo run at once on a fresh clone; tests call {@link #generate} to create
 * throw-away PKIs (for instance a rogue CA whose certificates a gateway must refuse), and
 * {@link #issue}, {@link #renew} and {@link #revoke} to make the certificates a case needs:
 * expired, not yet valid, too weak, revoked, or a next key for a rotation.
 *
 * <p>The file layout is described by {@link PkiLayout}. All PKCS#12 stores are written with
 * the JDK key store implementation, so no Bouncy Castle provider is needed to read them.
 */
public final class DevPki {

    /** Password of every store of the development PKI. Never use it for anything real. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** Countries of the first deployment: Serbia, North Macedonia, Bulgaria. */
    public static final List<String> DEFAULT_COUNTRIES = List.of("RS", "MK", "BG");

    /** File name of the eDelivery AS4 2.0 signing key that {@link #generate} adds per country. */
    public static final String ED25519_SIGNING = "signing-ed25519";
    /** File name of the eDelivery AS4 2.0 encryption key that {@link #generate} adds per country. */
    public static final String X25519_ENCRYPTION = "encryption-x25519";

    /** One credential of the set that every country gets. */
    private record CountryCredential(String name, KeyPurpose purpose, KeyAlgorithm algorithm) {
    }

    private static final List<CountryCredential> COUNTRY_SET = List.of(
            new CountryCredential(KeyPurpose.SIGNING.alias(), KeyPurpose.SIGNING, KeyAlgorithm.RSA_2048),
            new CountryCredential(KeyPurpose.ENCRYPTION.alias(), KeyPurpose.ENCRYPTION, KeyAlgorithm.RSA_2048),
            new CountryCredential(KeyPurpose.TLS.alias(), KeyPurpose.TLS, KeyAlgorithm.RSA_2048),
            new CountryCredential(KeyPurpose.NATIONAL.alias(), KeyPurpose.NATIONAL, KeyAlgorithm.RSA_2048),
            new CountryCredential(ED25519_SIGNING, KeyPurpose.SIGNING, KeyAlgorithm.ED25519),
            new CountryCredential(X25519_ENCRYPTION, KeyPurpose.ENCRYPTION, KeyAlgorithm.ED25519));

    private final PkiLayout layout;
    private final CertificateAuthority root;
    private final CertificateAuthority issuing;
    private final CrlPublisher crls;
    private final char[] password;
    private final Set<CountryCode> countries = new LinkedHashSet<>();

    private DevPki(PkiLayout layout, CertificateAuthority root, CertificateAuthority issuing, char[] password) {
        this.layout = layout;
        this.root = root;
        this.issuing = issuing;
        this.crls = new CrlPublisher(layout, root, issuing);
        this.password = password.clone();
    }

    /**
     * Command line entry point; see {@link DevPkiCommand} for the commands and options.
     *
     * @param args e.g. {@code generate --out certs-dev/pki --countries RS,MK,BG}
     */
    public static void main(String[] args) {
        int status = DevPkiCommand.run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Creates a new root and issuing CA, their empty CRLs (next update in a year), and every
     * country's credentials (see {@link #issueCountry}), writing the whole layout into
     * {@code outDir} (created if needed; existing files of the layout are overwritten).
     *
     * <p>All country codes are validated before anything is written, so a typo never leaves a
     * half-replaced PKI behind.
     *
     * @param outDir target directory
     * @param countries ISO 3166-1 alpha-2 codes, each matching {@code [A-Z]{2}}; may be empty
     *                  to create only the CAs
     * @param password password of every store written
     * @return a handle on the new PKI
     * @throws IllegalArgumentException if a country code is invalid
     */
    public static DevPki generate(Path outDir, List<String> countries, char[] password) {
        return generate(outDir, countries, password, CrlPublisher.DEFAULT_NEXT_UPDATE);
    }

    /**
     * Like {@link #generate(Path, List, char[])} with a chosen CRL next update.
     *
     * @param outDir target directory
     * @param countries ISO 3166-1 alpha-2 codes
     * @param password password of every store written
     * @param crlNextUpdateIn time from now to the nextUpdate of both CRLs
     * @return a handle on the new PKI
     */
    public static DevPki generate(Path outDir, List<String> countries, char[] password, Duration crlNextUpdateIn) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(crlNextUpdateIn, "crlNextUpdateIn");
        List<CountryCode> codes = parse(countries);
        CertificateAuthority root = CertificateAuthority.createRoot();
        DevPki pki = new DevPki(new PkiLayout(outDir), root, root.createIssuing(), password);
        pki.writeAuthorities(crlNextUpdateIn);
        codes.forEach(pki::issueAll);
        return pki;
    }

    /**
     * Opens an existing PKI by loading both CA keys, e.g. to add a country or revoke a
     * certificate without replacing the CAs that the other gateways already trust.
     *
     * @param outDir directory of an existing PKI
     * @param password password of {@code root-ca.p12} and {@code issuing-ca.p12}
     * @return a handle on the PKI
     * @throws IllegalStateException if the directory has no issuing CA (a PKI of the old,
     *         single-CA layout), naming the file
     * @throws java.io.UncheckedIOException if a CA key store cannot be read
     */
    public static DevPki open(Path outDir, char[] password) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(password, "password");
        PkiLayout layout = new PkiLayout(outDir);
        if (!Files.isRegularFile(layout.issuingKeyStore())) {
            throw new IllegalStateException("No issuing CA at " + layout.issuingKeyStore()
                    + "; this PKI predates the issuing CA, regenerate it");
        }
        Credential root = PkiFiles.readCredential(layout.rootKeyStore(), PkiLayout.ROOT_ALIAS, password);
        Credential issuing = PkiFiles.readCredential(layout.issuingKeyStore(), PkiLayout.ISSUING_ALIAS, password);
        return new DevPki(layout, CertificateAuthority.of(root), CertificateAuthority.of(issuing), password);
    }

    /**
     * Issues one country's full set into this PKI's directory, replacing its files if they
     * exist: {@code signing}, {@code encryption}, {@code tls} and {@code national} with RSA-2048,
     * plus {@value #ED25519_SIGNING} and {@value #X25519_ENCRYPTION} for the EC suite.
     * The CAs are unchanged.
     *
     * @param country ISO 3166-1 alpha-2 code matching {@code [A-Z]{2}}
     * @return this handle, for chaining
     * @throws IllegalArgumentException if the country code is invalid
     */
    public DevPki issueCountry(String country) {
        issueAll(CountryCode.of(country));
        return this;
    }

    /**
     * Issues one credential under the issuing CA and writes {@code <cc>/<name>.p12} (alias: the
     * purpose's alias, chain [leaf, issuing, root]) and {@code <cc>/<name>.crt}, replacing them
     * if they exist.
     *
     * @param country country code, e.g. {@code RS}
     * @param purpose what the key is for; decides subject, key usage and extended key usage
     * @param algorithm key algorithm; {@link KeyAlgorithm#ED25519} means X25519 for encryption
     * @param options file name, validity and RSA key size
     * @return the new private key with its chain
     * @throws IllegalArgumentException for an invalid country, a purpose the algorithm cannot
     *         serve (Ed25519 for TLS), or inconsistent options
     */
    public Credential issue(String country, KeyPurpose purpose, KeyAlgorithm algorithm, IssueOptions options) {
        CountryCode code = CountryCode.of(country);
        return issue(code, new X500Principal(purpose.subjectName(code)), purpose, algorithm, options);
    }

    /**
     * Issues a new key pair and certificate with the same subject, algorithm and key size as an
     * existing credential (new serial number, fresh validity), e.g. for a rotation:
     * {@code renew("RS", SIGNING, "signing", IssueOptions.defaults().withName("signing-next"))}
     * leaves {@code signing.p12} in use and writes {@code signing-next.p12}.
     *
     * @param country country code
     * @param purpose purpose of the existing credential
     * @param fromName file base name of the existing credential, e.g. {@code signing}
     * @param options where to write (default: over {@code fromName}) and validity; an RSA key
     *                size here overrides the existing one
     * @return the new private key with its chain
     * @throws IllegalArgumentException if the existing credential is missing
     */
    public Credential renew(String country, KeyPurpose purpose, String fromName, IssueOptions options) {
        CountryCode code = CountryCode.of(country);
        X509Certificate existing = credential(country, fromName).certificate();
        KeyAlgorithm algorithm = KeyAlgorithm.of(existing.getPublicKey());
        IssueOptions target = options.name() != null ? options : options.withName(fromName);
        if (target.rsaKeySize() == 0 && existing.getPublicKey() instanceof RSAKey rsa) {
            target = target.withRsaKeySize(rsa.getModulus().bitLength());
        }
        return issue(code, existing.getSubjectX500Principal(), purpose, algorithm, target);
    }

    /**
     * Revokes a certificate of this PKI: a gateway certificate in {@code issuing-ca.crl}, the
     * issuing CA in {@code root-ca.crl}. The CRL file is re-signed with the next CRL number and
     * the same interval to its nextUpdate as before.
     *
     * @param certificate the certificate to revoke
     * @param reason the reason recorded in the CRL entry
     * @return the new CRL
     * @throws IllegalArgumentException if this PKI did not issue the certificate, it is already
     *         revoked, or the reason is not allowed in a CRL
     */
    public X509CRL revoke(X509Certificate certificate, CRLReason reason) {
        return crls.revoke(Objects.requireNonNull(certificate, "certificate"), Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Re-signs {@code issuing-ca.crl} with thisUpdate now, the same entries and the next number.
     *
     * @param nextUpdateIn time from now to the CRL's nextUpdate
     * @return the new CRL
     */
    public X509CRL refreshCrl(Duration nextUpdateIn) {
        Instant now = CrlPublisher.now();
        return crls.refreshIssuing(now, now.plus(nextUpdateIn));
    }

    /**
     * Re-signs {@code issuing-ca.crl} with an explicit window, e.g. one that ended yesterday to
     * test how a gateway treats a stale CRL.
     *
     * @param thisUpdate the CRL's thisUpdate
     * @param nextUpdate the CRL's nextUpdate, after thisUpdate
     * @return the new CRL
     */
    public X509CRL refreshCrl(Instant thisUpdate, Instant nextUpdate) {
        return crls.refreshIssuing(thisUpdate, nextUpdate);
    }

    /**
     * Re-signs {@code root-ca.crl} with thisUpdate now, the same entries and the next number.
     *
     * @param nextUpdateIn time from now to the CRL's nextUpdate
     * @return the new CRL
     */
    public X509CRL refreshRootCrl(Duration nextUpdateIn) {
        Instant now = CrlPublisher.now();
        return crls.refreshRoot(now, now.plus(nextUpdateIn));
    }

    /**
     * The current CRL of the issuing CA, read from {@link #crlFile()}.
     *
     * @return the CRL
     */
    public X509CRL crl() {
        return crls.issuingCrl();
    }

    /**
     * The current CRL of the root CA, read from {@link #rootCrlFile()}.
     *
     * @return the CRL
     */
    public X509CRL rootCrl() {
        return crls.rootCrl();
    }

    /**
     * The issuing CA's CRL file, which lists revoked gateway certificates.
     *
     * @return {@code <dir>/issuing-ca.crl}
     */
    public Path crlFile() {
        return layout.issuingCrl();
    }

    /**
     * The root CA's CRL file, which lists a revoked issuing CA.
     *
     * @return {@code <dir>/root-ca.crl}
     */
    public Path rootCrlFile() {
        return layout.rootCrl();
    }

    /**
     * The root CA certificate, i.e. the trust anchor of this PKI.
     *
     * @return the self-signed root certificate
     */
    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    /**
     * The issuing CA certificate, which signs every gateway certificate and the CRL.
     *
     * @return the issuing CA certificate, signed by the root
     */
    public X509Certificate issuingCertificate() {
        return issuing.certificate();
    }

    /**
     * Paths of all files of this PKI.
     *
     * @return the layout
     */
    public PkiLayout layout() {
        return layout;
    }

    /**
     * The PKI directory.
     *
     * @return the directory passed to {@link #generate} or {@link #open}
     */
    public Path directory() {
        return layout.directory();
    }

    /**
     * The countries whose full set was issued through this handle, in issuing order.
     *
     * @return upper-case country codes
     */
    public List<String> countries() {
        List<String> codes = new ArrayList<>();
        countries.forEach(code -> codes.add(code.value()));
        return Collections.unmodifiableList(codes);
    }

    /**
     * The PKCS#12 key store of one country and purpose.
     *
     * @param country country code, e.g. {@code RS}
     * @param purpose key purpose
     * @return e.g. {@code <dir>/rs/signing.p12}
     */
    public Path keyStore(String country, KeyPurpose purpose) {
        return layout.keyStore(CountryCode.of(country), purpose);
    }

    /**
     * A PKCS#12 key store of one country by file base name.
     *
     * @param country country code, e.g. {@code RS}
     * @param name file base name, e.g. {@code signing-next}
     * @return e.g. {@code <dir>/rs/signing-next.p12}
     */
    public Path keyStore(String country, String name) {
        return layout.keyStore(CountryCode.of(country), name);
    }

    /**
     * The PEM certificate of one country and purpose.
     *
     * @param country country code, e.g. {@code RS}
     * @param purpose key purpose
     * @return e.g. {@code <dir>/rs/signing.crt}
     */
    public Path certificateFile(String country, KeyPurpose purpose) {
        return layout.certificate(CountryCode.of(country), purpose);
    }

    /**
     * A PEM certificate of one country by file base name.
     *
     * @param country country code, e.g. {@code RS}
     * @param name file base name, e.g. {@code encryption-x25519}
     * @return e.g. {@code <dir>/rs/encryption-x25519.crt}
     */
    public Path certificateFile(String country, String name) {
        return layout.certificate(CountryCode.of(country), name);
    }

    /**
     * The trust store holding only the root CA.
     *
     * @return {@code <dir>/truststore.p12}
     */
    public Path trustStore() {
        return layout.trustStore();
    }

    /**
     * Loads the private key and chain of one country and purpose from its key store, for tests
     * that need to act as that gateway (or as a rogue one).
     *
     * @param country country code, e.g. {@code RS}
     * @param purpose key purpose
     * @return private key with chain [leaf, issuing, root]
     */
    public Credential credential(String country, KeyPurpose purpose) {
        return credential(country, purpose.alias());
    }

    /**
     * Loads the private key and chain from a key store of one country by file base name.
     *
     * @param country country code, e.g. {@code RS}
     * @param name file base name, e.g. {@code signing-next}
     * @return private key with chain [leaf, issuing, root]
     */
    public Credential credential(String country, String name) {
        Path file = keyStore(country, name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No key store '" + name + "' for " + country + ": " + file);
        }
        return PkiFiles.readOnlyCredential(file, password);
    }

    private Credential issue(CountryCode country, X500Principal subject, KeyPurpose purpose, KeyAlgorithm algorithm,
            IssueOptions options) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(options, "options");
        Credential credential = issuing.issue(subject, country, purpose, algorithm, options);
        String name = options.fileName(purpose);
        PkiFiles.writeKeyStore(layout.keyStore(country, name), purpose.alias(), credential, password);
        PkiFiles.writePem(layout.certificate(country, name), credential.certificate());
        return credential;
    }

    private void writeAuthorities(Duration crlNextUpdateIn) {
        PkiFiles.writePem(layout.rootCertificate(), root.certificate());
        PkiFiles.writeKeyStore(layout.rootKeyStore(), PkiLayout.ROOT_ALIAS, root.credential(), password);
        PkiFiles.writeTrustStore(layout.trustStore(), PkiLayout.ROOT_ALIAS, root.certificate(), password);
        PkiFiles.writePem(layout.issuingCertificate(), issuing.certificate());
        PkiFiles.writeKeyStore(layout.issuingKeyStore(), PkiLayout.ISSUING_ALIAS, issuing.credential(), password);
        crls.publishEmpty(crlNextUpdateIn);
    }

    /**
     * The file base names that {@link #issueCountry} writes for every country, in that order.
     *
     * @return {@code signing, encryption, tls, national, signing-ed25519, encryption-x25519}
     */
    public static List<String> countryCredentialNames() {
        return COUNTRY_SET.stream().map(CountryCredential::name).toList();
    }

    private void issueAll(CountryCode country) {
        for (CountryCredential credential : COUNTRY_SET) {
            issue(country.value(), credential.purpose(), credential.algorithm(),
                    IssueOptions.defaults().withName(credential.name()));
        }
        countries.add(country);
    }

    private static List<CountryCode> parse(List<String> countries) {
        Objects.requireNonNull(countries, "countries");
        Set<CountryCode> codes = new LinkedHashSet<>();
        for (String country : countries) {
            codes.add(CountryCode.of(country));
        }
        return List.copyOf(codes);
    }
}
