package org.c2cgateway.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that issues the gateway certificates of the development PKI.
 *
 * <p>Bouncy Castle is used only as a certificate <em>builder</em>: key generation, signing and
 * certificate parsing go through the default JDK providers, so the resulting objects are plain
 * JDK {@link X509Certificate}s and keys that the JDK PKCS#12 key store accepts, and no global
 * security provider has to be registered (which would leak into every test in the same JVM).
 */
final class CertificateAuthority {

    /** Subject of every development root; a real deployment never trusts this name. */
    static final String ROOT_SUBJECT = "CN=C2C Gateway Development Root CA, O=C2C Gateway (development only)";

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int ROOT_KEY_BITS = 3072;
    private static final int LEAF_KEY_BITS = 2048;
    private static final Period ROOT_VALIDITY = Period.ofYears(10);
    private static final Period LEAF_VALIDITY = Period.ofYears(5);
    /** Backdating tolerates clock skew between the machine that issues and the ones that verify. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String TEST_DOMAIN = ".c2c.test";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential root;
    private final JcaX509ExtensionUtils extensionUtils;

    private CertificateAuthority(Credential root) {
        this.root = Objects.requireNonNull(root, "root");
        this.extensionUtils = newExtensionUtils();
    }

    /**
     * Creates a new self-signed root CA with a fresh key pair; every call yields a distinct CA.
     *
     * @return the new authority
     */
    static CertificateAuthority createRoot() {
        KeyPair keyPair = generateRsaKeyPair(ROOT_KEY_BITS);
        Instant notBefore = notBefore();
        X500Principal subject = new X500Principal(ROOT_SUBJECT);
        JcaX509ExtensionUtils utils = newExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                Date.from(notBefore), Date.from(plus(notBefore, ROOT_VALIDITY)), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(keyPair.getPublic()));
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode root CA extensions", e);
        }
        X509Certificate certificate = sign(builder, keyPair.getPrivate());
        return new CertificateAuthority(new Credential(keyPair.getPrivate(), List.of(certificate)));
    }

    /**
     * Wraps an existing root, e.g. one loaded from {@code root-ca.p12}, to issue more certificates.
     *
     * @param root the CA private key and its certificate
     * @return the authority
     */
    static CertificateAuthority of(Credential root) {
        return new CertificateAuthority(root);
    }

    /**
     * The CA private key and certificate.
     *
     * @return the root credential
     */
    Credential root() {
        return root;
    }

    /**
     * The CA certificate, the trust anchor of everything this authority issues.
     *
     * @return the root certificate
     */
    X509Certificate certificate() {
        return root.certificate();
    }

    /**
     * Issues a new key pair and certificate for one country's gateway.
     *
     * @param country the country owning the key
     * @param purpose what the key is for; decides key usages and names
     * @return the new private key with chain [leaf, root]
     */
    Credential issue(CountryCode country, KeyPurpose purpose) {
        KeyPair keyPair = generateRsaKeyPair(LEAF_KEY_BITS);
        X509Certificate issuer = certificate();
        Instant notBefore = notBefore();
        Instant notAfter = earliest(plus(notBefore, LEAF_VALIDITY), issuer.getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serialNumber(),
                Date.from(notBefore), Date.from(notAfter),
                new X500Principal(purpose.subjectName(country)), keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensionUtils.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuer));
            switch (purpose) {
                case SIGNING -> addSigningExtensions(builder);
                case TLS -> addTlsExtensions(builder, country);
                default -> throw new IllegalArgumentException("Unsupported key purpose " + purpose);
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode extensions for " + country + " " + purpose, e);
        }
        X509Certificate certificate = sign(builder, root.privateKey());
        return new Credential(keyPair.getPrivate(), List.of(certificate, issuer));
    }

    /**
     * One key signs and decrypts WS-Security messages in this first version, hence both the
     * signature usages and the encipherment usages.
     */
    private static void addSigningExtensions(X509v3CertificateBuilder builder) throws CertIOException {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment | KeyUsage.dataEncipherment));
    }

    /**
     * Gateways talk mutual TLS, so the same certificate serves as server and as client. The SAN
     * covers local runs ({@code localhost}, {@code 127.0.0.1}) and the container/test host name.
     */
    private static void addTlsExtensions(X509v3CertificateBuilder builder, CountryCode country)
            throws CertIOException {
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "gw-" + country.lowerCase() + TEST_DOMAIN),
        }));
    }

    /**
     * Reuses the issuer's own subject key identifier, so that AKI and SKI match byte for byte even
     * for a root created by another tool; falls back to hashing the issuer's public key.
     */
    private AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) {
        byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            try {
                SubjectKeyIdentifier ski =
                        SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
                return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Malformed subject key identifier in the CA certificate", e);
            }
        }
        return extensionUtils.createAuthorityKeyIdentifier(issuer.getPublicKey());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign certificate with " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static KeyPair generateRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    private static JcaX509ExtensionUtils newExtensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is needed for key identifiers", e);
        }
    }

    /** Positive, random and 159 bits long: unique per certificate and within the RFC 5280 20-octet limit. */
    private static BigInteger serialNumber() {
        return new BigInteger(159, RANDOM).setBit(158);
    }

    private static Instant notBefore() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    }

    private static Instant plus(Instant start, Period period) {
        return start.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
