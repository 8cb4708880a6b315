package org.c2cgateway.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
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
 * One certificate authority of the development PKI: the self-signed root, or the issuing CA
 * below it that signs every gateway certificate and the CRL.
 *
 * <p>Two levels, as in the administrations' real PKIs, so that partners can be configured to
 * trust an <em>issuing</em> CA rather than everything under a root, and so that revoking the
 * issuing CA (in the root's CRL) is possible at all.
 *
 * <p>Bouncy Castle is used only as a certificate <em>builder</em>: key generation, signing and
 * certificate parsing go through the default JDK providers, so the resulting objects are plain
 * JDK {@link X509Certificate}s and keys that the JDK PKCS#12 key store accepts, and no global
 * security provider has to be registered (which would leak into every test in the same JVM).
 */
final class CertificateAuthority {

    /** Subject of every development root; a real deployment never trusts this name. */
    static final String ROOT_SUBJECT = "CN=C2C Gateway Development Root CA, O=C2C Gateway (development only)";
    /** Subject of every development issuing CA. */
    static final String ISSUING_SUBJECT = "CN=C2C Gateway Development Issuing CA, O=C2C Gateway (development only)";

    static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int CA_KEY_BITS = 3072;
    private static final Period CA_VALIDITY = Period.ofYears(10);
    private static final Period LEAF_VALIDITY = Period.ofYears(5);
    /** Backdating tolerates clock skew between the machine that issues and the ones that verify. */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Credential credential;

    private CertificateAuthority(Credential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /**
     * Creates a new self-signed root CA with a fresh RSA-3072 key; every call yields a distinct CA.
     *
     * @return the new root
     */
    static CertificateAuthority createRoot() {
        KeyPair keyPair = KeyAlgorithm.RSA_3072.generateKeyPair(KeyPurpose.SIGNING, CA_KEY_BITS);
        X500Principal subject = new X500Principal(ROOT_SUBJECT);
        Instant notBefore = defaultNotBefore();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serialNumber(),
                Date.from(notBefore), Date.from(plus(notBefore, CA_VALIDITY)), subject, keyPair.getPublic());
        addCaExtensions(builder, new BasicConstraints(true), keyPair.getPublic(), null);
        X509Certificate certificate = sign(builder, keyPair.getPrivate());
        return new CertificateAuthority(new Credential(keyPair.getPrivate(), List.of(certificate)));
    }

    /**
     * Wraps an existing CA, e.g. one loaded from {@code issuing-ca.p12}.
     *
     * @param credential the CA private key and its chain, CA certificate first
     * @return the authority
     */
    static CertificateAuthority of(Credential credential) {
        return new CertificateAuthority(credential);
    }

    /**
     * Creates a new issuing CA under this (root) CA: RSA-3072, CA:true with path length 0, so it
     * can issue end-entity certificates only.
     *
     * @return the issuing CA, whose chain is [issuing, root]
     */
    CertificateAuthority createIssuing() {
        KeyPair keyPair = KeyAlgorithm.RSA_3072.generateKeyPair(KeyPurpose.SIGNING, CA_KEY_BITS);
        Instant notBefore = defaultNotBefore();
        Instant notAfter = earliest(plus(notBefore, CA_VALIDITY), certificate().getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), serialNumber(),
                Date.from(notBefore), Date.from(notAfter), new X500Principal(ISSUING_SUBJECT), keyPair.getPublic());
        addCaExtensions(builder, new BasicConstraints(0), keyPair.getPublic(), certificate());
        return new CertificateAuthority(new Credential(keyPair.getPrivate(), chainWith(sign(builder))));
    }

    /**
     * The CA private key and chain.
     *
     * @return the credential, CA certificate first
     */
    Credential credential() {
        return credential;
    }

    /**
     * The CA certificate.
     *
     * @return the first certificate of the chain
     */
    X509Certificate certificate() {
        return credential.certificate();
    }

    /**
     * Issues a new key pair and end-entity certificate.
     *
     * @param subject the certificate subject, normally {@link KeyPurpose#subjectName}
     * @param country the owning country, which names the TLS host in the subjectAltName
     * @param purpose decides key usages and extended key usages
     * @param algorithm the key algorithm
     * @param options validity and key size
     * @return the new private key with chain [leaf, this CA, ..., root]
     */
    Credential issue(X500Principal subject, CountryCode country, KeyPurpose purpose, KeyAlgorithm algorithm,
            IssueOptions options) {
        KeyPair keyPair = algorithm.generateKeyPair(purpose, options.rsaKeySize());
        Instant notBefore = options.notBefore() != null ? options.notBefore() : defaultNotBefore();
        Instant notAfter = options.notAfter() != null ? options.notAfter() : defaultNotAfter(notBefore, options);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate(), serialNumber(),
                Date.from(notBefore), Date.from(notAfter), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(certificate()));
            LeafExtensions.add(builder, country, purpose, keyPair.getPublic());
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode extensions for " + subject, e);
        }
        return new Credential(keyPair.getPrivate(), chainWith(sign(builder)));
    }

    /**
     * Whether {@code certificate} was signed by this CA's key (not merely carrying its name).
     *
     * @param certificate any certificate
     * @return true if this CA issued it
     */
    boolean issued(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The key identifier that CRLs and certificates issued by this CA carry as authority key id.
     * It reuses the CA's own subject key identifier, so that AKI and SKI match byte for byte even
     * for a CA created by another tool; falls back to hashing the CA's public key.
     */
    static AuthorityKeyIdentifier authorityKeyIdentifier(X509Certificate issuer) {
        byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (extension != null) {
            try {
                SubjectKeyIdentifier ski =
                        SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
                return new AuthorityKeyIdentifier(ski.getKeyIdentifier());
            } catch (IOException e) {
                throw new IllegalStateException("Malformed subject key identifier in the CA certificate", e);
            }
        }
        return extensionUtils().createAuthorityKeyIdentifier(issuer.getPublicKey());
    }

    /** Signs with this CA's key. */
    X509Certificate sign(X509v3CertificateBuilder builder) {
        return sign(builder, credential.privateKey());
    }

    /** A content signer over this CA's key, for certificates and CRLs alike. */
    ContentSigner contentSigner() {
        return contentSigner(credential.privateKey());
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, BasicConstraints constraints,
            PublicKey key, X509Certificate issuer) {
        try {
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyIdentifier(key));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier(issuer));
            }
        } catch (CertIOException e) {
            throw new IllegalStateException("Cannot encode CA extensions", e);
        }
    }

    private List<X509Certificate> chainWith(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(credential.chain());
        return chain;
    }

    private static SubjectKeyIdentifier subjectKeyIdentifier(PublicKey key) {
        return extensionUtils().createSubjectKeyIdentifier(key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner(signingKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decode the certificate just signed", e);
        }
    }

    private static ContentSigner contentSigner(PrivateKey signingKey) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static JcaX509ExtensionUtils extensionUtils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is needed for key identifiers", e);
        }
    }

    private Instant defaultNotAfter(Instant notBefore, IssueOptions options) {
        Instant end = options.validity() != null ? notBefore.plus(options.validity()) : plus(notBefore, LEAF_VALIDITY);
        return earliest(end, certificate().getNotAfter().toInstant());
    }

    /** Positive, random and 159 bits long: unique per certificate and within the RFC 5280 20-octet limit. */
    private static BigInteger serialNumber() {
        return new BigInteger(159, RANDOM).setBit(158);
    }

    static Instant defaultNotBefore() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    }

    private static Instant plus(Instant start, Period period) {
        return start.atZone(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
