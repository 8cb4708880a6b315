package org.c2cgateway.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The development PKI of the C2C Gateway: one root CA and, per country, a message-level
 * ({@code signing}) and a transport ({@code tls}) key pair issued by it.
 *
 * <p>Everything here is for development and tests only: the stores use a well-known password
 * and the CA key sits next to the certificates. The committed PKI under {@code certs-dev/pki}
 * lets the demo run at once on a fresh clone; tests call {@link #generate} to create
 * throw-away PKIs, for instance a rogue CA whose certificates a gateway must refuse.
 *
 * <p>The file layout is described by {@link PkiLayout}. All PKCS#12 stores are written with
 * the JDK key store implementation, so no Bouncy Castle provider is needed to read them.
 */
public final class DevPki {

    /** Password of every store of the development PKI. Never use it for anything real. */
    public static final String DEFAULT_PASSWORD = "changeit";

    /** Countries of the first deployment: Serbia, North Macedonia, Bulgaria. */
    public static final List<String> DEFAULT_COUNTRIES = List.of("RS", "MK", "BG");

    private final PkiLayout layout;
    private final CertificateAuthority authority;
    private final char[] password;
    private final Set<CountryCode> countries = new LinkedHashSet<>();

    private DevPki(PkiLayout layout, CertificateAuthority authority, char[] password) {
        this.layout = layout;
        this.authority = authority;
        this.password = password.clone();
    }

    /**
     * Command line entry point; see {@link DevPkiCommand} for the options.
     *
     * @param args {@code --out <dir> --countries RS,MK,BG --password changeit [--reuse-root]}
     */
    public static void main(String[] args) {
        int status = DevPkiCommand.run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Creates a new root CA and issues both key pairs for every country, writing the whole layout
     * into {@code outDir} (created if needed; existing files of the layout are overwritten).
     *
     * <p>All country codes are validated before anything is written, so a typo never leaves a
     * half-replaced PKI behind.
     *
     * @param outDir target directory
     * @param countries ISO 3166-1 alpha-2 codes, each matching {@code [A-Z]{2}}; may be empty
     *                  to create only the CA
     * @param password password of every store written
     * @return a handle on the new PKI, able to issue more countries
     * @throws IllegalArgumentException if a country code is invalid
     */
    public static DevPki generate(Path outDir, List<String> countries, char[] password) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(password, "password");
        List<CountryCode> codes = parse(countries);
        DevPki pki = new DevPki(new PkiLayout(outDir), CertificateAuthority.createRoot(), password);
        pki.writeRoot();
        codes.forEach(pki::issue);
        return pki;
    }

    /**
     * Opens an existing PKI by loading the CA key from {@code root-ca.p12}, e.g. to add a country
     * without replacing the root that the other gateways already trust.
     *
     * @param outDir directory of an existing PKI
     * @param password password of {@code root-ca.p12}
     * @return a handle on the PKI
     * @throws java.io.UncheckedIOException if {@code root-ca.p12} cannot be read
     */
    public static DevPki open(Path outDir, char[] password) {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(password, "password");
        PkiLayout layout = new PkiLayout(outDir);
        Credential root = PkiFiles.readCredential(layout.rootKeyStore(), PkiLayout.ROOT_ALIAS, password);
        return new DevPki(layout, CertificateAuthority.of(root), password);
    }

    /**
     * Issues fresh signing and TLS key pairs for one more country into this PKI's directory,
     * replacing that country's files if they exist. The root CA is unchanged.
     *
     * @param country ISO 3166-1 alpha-2 code matching {@code [A-Z]{2}}
     * @return this handle, for chaining
     * @throws IllegalArgumentException if the country code is invalid
     */
    public DevPki issueCountry(String country) {
        issue(CountryCode.of(country));
        return this;
    }

    /**
     * The root CA certificate, i.e. the trust anchor of this PKI.
     *
     * @return the self-signed root certificate
     */
    public X509Certificate rootCertificate() {
        return authority.certificate();
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
     * The countries issued through this handle, in issuing order.
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
     * @return private key with chain [leaf, root]
     */
    public Credential credential(String country, KeyPurpose purpose) {
        Path file = keyStore(country, purpose);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + purpose.alias() + " key store for " + country + ": " + file);
        }
        return PkiFiles.readCredential(file, purpose.alias(), password);
    }

    private void writeRoot() {
        X509Certificate root = authority.certificate();
        PkiFiles.writePem(layout.rootCertificate(), root);
        PkiFiles.writeKeyStore(layout.rootKeyStore(), PkiLayout.ROOT_ALIAS, authority.root(), password);
        PkiFiles.writeTrustStore(layout.trustStore(), PkiLayout.ROOT_ALIAS, root, password);
    }

    private void issue(CountryCode country) {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            Credential credential = authority.issue(country, purpose);
            PkiFiles.writeKeyStore(layout.keyStore(country, purpose), purpose.alias(), credential, password);
            PkiFiles.writePem(layout.certificate(country, purpose), credential.certificate());
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
