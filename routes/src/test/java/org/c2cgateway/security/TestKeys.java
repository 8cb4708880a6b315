package org.c2cgateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.c2cgateway.pki.Credential;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;

/**
 * Test keys, generated in memory with Bouncy Castle's certificate builder (no provider is
 * registered; signing uses the JDK's RSA). Shared by tests of several packages, so:
 *
 * <ul>
 * <li>{@link #gatewayA()}, {@link #gatewayB()} and {@link #intruder()} are RSA-2048 entries issued
 * by {@link #testCa()}, created once per JVM (key generation takes a while) and safe to share:
 * {@link PrivateKeyEntry} is immutable. gw-a and gw-b play sender and receiver; the intruder has a
 * valid certificate from the same CA, to show that chaining to a CA is not trust.</li>
 * <li>For the eDelivery AS4 2.0 EC suite, {@link #gatewayAEd25519()}, {@link #gatewayAX25519()},
 * {@link #gatewayBEd25519()}, {@link #gatewayBX25519()} and {@link #intruderEd25519()}: Ed25519 signing
 * and X25519 encryption entries of countries AA (gw-a), BB (gw-b) and XX (an intruder), issued by a
 * throw-away development PKI ({@link DevPki}), so with subjects like
 * {@code CN=AA customs gateway signing}.</li>
 * <li>{@link #newSelfSigned(String)} makes a fresh self-signed entry when a test needs its own.</li>
 * <li>{@link #writePkcs12} stores an entry as a PKCS#12 file, e.g. for {@link KeyStores} tests.</li>
 * </ul>
 */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    private static final class Holder {
        static final PrivateKeyEntry CA = newSelfSigned("C2C Test CA", true);
        static final PrivateKeyEntry GW_A = issue(CA, "gw-a");
        static final PrivateKeyEntry GW_B = issue(CA, "gw-b");
        static final PrivateKeyEntry INTRUDER = issue(CA, "gw-intruder");
    }

    private static final class EcHolder {
        static final DevPki PKI = DevPki.generate(temporaryDirectory(), List.of(), DevPki.DEFAULT_PASSWORD.toCharArray());
        static final PrivateKeyEntry GW_A_ED25519 = ec("AA", KeyPurpose.SIGNING);
        static final PrivateKeyEntry GW_A_X25519 = ec("AA", KeyPurpose.ENCRYPTION);
        static final PrivateKeyEntry GW_B_ED25519 = ec("BB", KeyPurpose.SIGNING);
        static final PrivateKeyEntry GW_B_X25519 = ec("BB", KeyPurpose.ENCRYPTION);
        static final PrivateKeyEntry INTRUDER_ED25519 = ec("XX", KeyPurpose.SIGNING);

        private static PrivateKeyEntry ec(String country, KeyPurpose purpose) {
            Credential c = PKI.issue(country, purpose, KeyAlgorithm.ED25519, IssueOptions.defaults());
            return new PrivateKeyEntry(c.privateKey(), c.certificate(), c.chain());
        }

        private static Path temporaryDirectory() {
            try {
                return Files.createTempDirectory("c2c-test-pki");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static PrivateKeyEntry testCa() {
        return Holder.CA;
    }

    /** The issuing CA of the EC suite's test keys. */
    public static java.security.cert.X509Certificate ecCa() {
        return EcHolder.PKI.issuingCertificate();
    }

    /** Sender gateway, CN=gw-a. */
    public static PrivateKeyEntry gatewayA() {
        return Holder.GW_A;
    }

    /** Receiver gateway, CN=gw-b. */
    public static PrivateKeyEntry gatewayB() {
        return Holder.GW_B;
    }

    /** A third party with a valid certificate from the same CA, CN=gw-intruder. */
    public static PrivateKeyEntry intruder() {
        return Holder.INTRUDER;
    }

    /** gw-a's Ed25519 signing key, {@code CN=AA customs gateway signing}. */
    public static PrivateKeyEntry gatewayAEd25519() {
        return EcHolder.GW_A_ED25519;
    }

    /** gw-a's X25519 encryption key, {@code CN=AA customs gateway encryption}. */
    public static PrivateKeyEntry gatewayAX25519() {
        return EcHolder.GW_A_X25519;
    }

    public static PrivateKeyEntry gatewayBEd25519() {
        return EcHolder.GW_B_ED25519;
    }

    public static PrivateKeyEntry gatewayBX25519() {
        return EcHolder.GW_B_X25519;
    }

    /** An Ed25519 key of the same PKI for another country, {@code CN=XX customs gateway signing}. */
    public static PrivateKeyEntry intruderEd25519() {
        return EcHolder.INTRUDER_ED25519;
    }

    public static PrivateKeyEntry newSelfSigned(String commonName) {
        return newSelfSigned(commonName, false);
    }

    /** A new RSA-2048 key with a certificate for {@code commonName} signed by {@code issuer}. */
    public static PrivateKeyEntry issue(PrivateKeyEntry issuer, String commonName) {
        KeyPair kp = rsa2048();
        X509Certificate cert = certificate(kp, new X500Name("CN=" + commonName + ",O=C2C Gateway Test"),
                issuer, false);
        return new PrivateKeyEntry(kp.getPrivate(), cert, List.of(cert, issuer.certificate()));
    }

    /** Writes {@code entry} (with its chain) to a PKCS#12 file under {@code alias}. */
    public static Path writePkcs12(PrivateKeyEntry entry, Path file, char[] password, String alias) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(alias, entry.privateKey(), password, entry.chain().toArray(new X509Certificate[0]));
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, password);
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKeyEntry newSelfSigned(String commonName, boolean ca) {
        KeyPair kp = rsa2048();
        X509Certificate cert = certificate(kp, new X500Name("CN=" + commonName + ",O=C2C Gateway Test"), null, ca);
        return new PrivateKeyEntry(kp.getPrivate(), cert, List.of(cert));
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(KeyPair subjectKeys, X500Name subject, PrivateKeyEntry issuer,
                                               boolean ca) {
        try {
            Instant now = Instant.now();
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(730))), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment
                    | KeyUsage.dataEncipherment));
            var signer = new JcaContentSignerBuilder("SHA256withRSA")
                    .build(issuer == null ? subjectKeys.getPrivate() : issuer.privateKey());
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test certificate", e);
        }
    }
}
