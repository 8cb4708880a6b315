package org.c2cgateway.pki;

import static org.c2cgateway.pki.PkiChecks.CLIENT_AUTH;
import static org.c2cgateway.pki.PkiChecks.DATA_ENCIPHERMENT;
import static org.c2cgateway.pki.PkiChecks.DIGITAL_SIGNATURE;
import static org.c2cgateway.pki.PkiChecks.KEY_AGREEMENT;
import static org.c2cgateway.pki.PkiChecks.KEY_ENCIPHERMENT;
import static org.c2cgateway.pki.PkiChecks.NON_REPUDIATION;
import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.SERVER_AUTH;
import static org.c2cgateway.pki.PkiChecks.keyUsage;
import static org.c2cgateway.pki.PkiChecks.loadPkcs12;
import static org.c2cgateway.pki.PkiChecks.readPem;
import static org.c2cgateway.pki.PkiChecks.validatePkix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.KeyAgreement;
import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DevPki#issue} and {@link DevPki#renew}: every purpose with every algorithm that fits it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssueTest {

    private final Map<String, Credential> issued = new HashMap<>();
    private Path dir;
    private DevPki pki;

    @BeforeAll
    void createCas(@TempDir Path tempDir) {
        dir = tempDir;
        pki = DevPki.generate(dir, List.of(), PASSWORD);
    }

    static Stream<Arguments> purposesAndAlgorithms() {
        return Stream.of(KeyPurpose.values()).flatMap(purpose -> Stream.of(KeyAlgorithm.values())
                .filter(algorithm -> algorithm.supports(purpose))
                .map(algorithm -> Arguments.of(purpose, algorithm)));
    }

    private static String name(KeyPurpose purpose, KeyAlgorithm algorithm) {
        return purpose.alias() + "-" + algorithm.id();
    }

    /** Issues each combination once for all tests of this class, since RSA key generation is slow. */
    private Credential issued(KeyPurpose purpose, KeyAlgorithm algorithm) {
        return issued.computeIfAbsent(name(purpose, algorithm), name ->
                pki.issue("RS", purpose, algorithm, IssueOptions.defaults().withName(name)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("purposesAndAlgorithms")
    void issued_certificates_validate_root_to_issuing_to_leaf(KeyPurpose purpose, KeyAlgorithm algorithm)
            throws Exception {
        Credential credential = issued(purpose, algorithm);
        X509Certificate leaf = credential.certificate();

        assertEquals(List.of(leaf, pki.issuingCertificate(), pki.rootCertificate()), credential.chain());
        assertEquals(pki.issuingCertificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(new X500Principal(purpose.subjectName(CountryCode.of("RS"))), leaf.getSubjectX500Principal());
        assertEquals(-1, leaf.getBasicConstraints(), "must not be a CA");
        assertTrue(leaf.getCriticalExtensionOIDs().contains(PkiChecks.KEY_USAGE_OID), "keyUsage must be critical");
        validatePkix(leaf, pki.issuingCertificate(), loadPkcs12(pki.trustStore()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("purposesAndAlgorithms")
    void key_stores_hold_the_key_the_algorithm_asks_for_readable_by_the_plain_jdk(KeyPurpose purpose,
            KeyAlgorithm algorithm) throws Exception {
        issued(purpose, algorithm);
        assertNull(Security.getProvider("BC"), "the check must run without Bouncy Castle registered");

        KeyStore store = loadPkcs12(pki.keyStore("RS", name(purpose, algorithm)));
        PrivateKey key = (PrivateKey) store.getKey(purpose.alias(), PASSWORD);
        Certificate[] chain = store.getCertificateChain(purpose.alias());
        PublicKey publicKey = chain[0].getPublicKey();

        assertEquals(3, chain.length, "chain must be [leaf, issuing, root]");
        assertEquals(readPem(pki.certificateFile("RS", name(purpose, algorithm))), chain[0]);
        switch (algorithm.keyType(purpose)) {
            case "RSA" -> assertEquals(algorithm == KeyAlgorithm.RSA_3072 ? 3072 : 2048,
                    assertInstanceOf(RSAPublicKey.class, publicKey).getModulus().bitLength());
            case "EC" -> assertEquals(256,
                    assertInstanceOf(ECPublicKey.class, publicKey).getParams().getCurve().getField().getFieldSize());
            case "Ed25519" -> assertEquals(NamedParameterSpec.ED25519.getName(),
                    assertInstanceOf(EdECPublicKey.class, publicKey).getParams().getName());
            case "X25519" -> assertEquals(NamedParameterSpec.X25519.getName(),
                    ((NamedParameterSpec) assertInstanceOf(XECPublicKey.class, publicKey).getParams()).getName());
            default -> throw new AssertionError(algorithm.keyType(purpose));
        }
        String factory = algorithm.keyType(purpose).equals("X25519") ? "XDH" : algorithm.keyType(purpose);
        KeyFactory keys = KeyFactory.getInstance(factory);
        assertEquals(publicKey, keys.generatePublic(new X509EncodedKeySpec(publicKey.getEncoded())));
        assertArrayEquals(key.getEncoded(), keys.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded())).getEncoded());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("purposesAndAlgorithms")
    void key_usages_and_extended_key_usages_fit_the_purpose(KeyPurpose purpose, KeyAlgorithm algorithm) {
        X509Certificate leaf = issued(purpose, algorithm).certificate();
        boolean rsa = algorithm.isRsa();

        boolean[] expected = switch (purpose) {
            case SIGNING -> keyUsage(DIGITAL_SIGNATURE, NON_REPUDIATION);
            case ENCRYPTION -> rsa ? keyUsage(KEY_ENCIPHERMENT, DATA_ENCIPHERMENT) : keyUsage(KEY_AGREEMENT);
            case TLS -> rsa ? keyUsage(DIGITAL_SIGNATURE, KEY_ENCIPHERMENT) : keyUsage(DIGITAL_SIGNATURE);
            case NATIONAL -> keyUsage(DIGITAL_SIGNATURE);
        };
        List<String> expectedEku = switch (purpose) {
            case SIGNING, ENCRYPTION -> null;
            case TLS -> List.of(SERVER_AUTH, CLIENT_AUTH);
            case NATIONAL -> List.of(CLIENT_AUTH);
        };

        assertArrayEquals(expected, leaf.getKeyUsage(), Arrays.toString(leaf.getKeyUsage()));
        assertEquals(expectedEku, assertDoesNotThrow(leaf::getExtendedKeyUsage));
    }

    @Test
    void national_certificate_names_the_national_customs_system() {
        X509Certificate leaf = pki.issue("RS", KeyPurpose.NATIONAL, KeyAlgorithm.RSA_2048,
                IssueOptions.defaults()).certificate();

        assertEquals(new X500Principal("CN=RS national customs system, O=Customs administration RS, C=RS"),
                leaf.getSubjectX500Principal());
        assertTrue(Files.isRegularFile(dir.resolve("rs/national.p12")));
        assertTrue(Files.isRegularFile(dir.resolve("rs/national.crt")));
    }

    @Test
    void ed25519_signs_and_x25519_agrees_keys_with_the_plain_jdk() throws Exception {
        Credential signing = pki.issue("AL", KeyPurpose.SIGNING, KeyAlgorithm.ED25519, IssueOptions.defaults());
        Credential encryption = pki.issue("AL", KeyPurpose.ENCRYPTION, KeyAlgorithm.ED25519, IssueOptions.defaults());

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(signing.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(signing.certificate());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));

        var ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyAgreement sender = KeyAgreement.getInstance("XDH");
        sender.init(ephemeral.getPrivate());
        sender.doPhase(encryption.certificate().getPublicKey(), true);
        KeyAgreement receiver = KeyAgreement.getInstance("XDH");
        receiver.init(encryption.privateKey());
        receiver.doPhase(ephemeral.getPublic(), true);
        assertArrayEquals(sender.generateSecret(), receiver.generateSecret());
    }

    @ParameterizedTest
    @EnumSource(value = KeyPurpose.class, names = {"TLS", "NATIONAL"})
    void ed25519_is_refused_for_tls_keys_and_nothing_is_written(KeyPurpose purpose) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> pki.issue("HR", purpose, KeyAlgorithm.ED25519, IssueOptions.defaults()));

        assertTrue(error.getMessage().contains("ed25519") && error.getMessage().contains(purpose.alias()),
                error.getMessage());
        assertFalse(Files.exists(pki.keyStore("HR", purpose)));
    }

    @Test
    void default_validity_starts_a_little_in_the_past_for_clock_skew_and_lasts_five_years() {
        Instant before = Instant.now();
        X509Certificate leaf = pki.issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.RSA_2048,
                IssueOptions.defaults().withName("validity-default")).certificate();

        Duration backdate = Duration.between(leaf.getNotBefore().toInstant(), before);
        assertTrue(backdate.compareTo(Duration.ofMinutes(30)) > 0 && backdate.compareTo(Duration.ofHours(2)) < 0,
                "notBefore " + leaf.getNotBefore() + " should be about an hour before " + before);
        Duration life = Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
        assertTrue(life.toDays() >= 5 * 365 && life.toDays() <= 5 * 366, life.toString());
        assertDoesNotThrow(() -> leaf.checkValidity());
    }

    @Test
    void expired_option_makes_a_certificate_whose_validity_ended() throws Exception {
        Instant now = Instant.now();
        X509Certificate leaf = pki.issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.RSA_2048, IssueOptions.defaults()
                .withName("signing-expired")
                .withNotBefore(now.minus(Duration.ofDays(30))).withNotAfter(now.minus(Duration.ofDays(1))))
                .certificate();

        assertThrows(CertificateExpiredException.class, leaf::checkValidity);
        assertEquals(now.minus(Duration.ofDays(1)).getEpochSecond(), leaf.getNotAfter().toInstant().getEpochSecond());
        assertThrows(CertPathValidatorException.class,
                () -> validatePkix(leaf, pki.issuingCertificate(), loadPkcs12(pki.trustStore())));
    }

    @Test
    void not_yet_valid_option_makes_a_certificate_whose_validity_has_not_started() {
        Instant start = Instant.now().plus(Duration.ofDays(7));
        X509Certificate leaf = pki.issue("RS", KeyPurpose.TLS, KeyAlgorithm.EC_P256, IssueOptions.defaults()
                .withName("tls-future").withNotBefore(start).withValidity(Duration.ofDays(20))).certificate();

        assertThrows(CertificateNotYetValidException.class, leaf::checkValidity);
        assertEquals(start.getEpochSecond(), leaf.getNotBefore().toInstant().getEpochSecond());
        assertEquals(Duration.ofDays(20), Duration.between(leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant()));
    }

    @Test
    void rsa_key_size_option_makes_a_weak_key_for_key_size_floor_tests() {
        X509Certificate leaf = pki.issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.RSA_2048,
                IssueOptions.defaults().withName("signing-weak").withRsaKeySize(1024)).certificate();

        assertEquals(1024, ((RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength());
        assertThrows(IllegalArgumentException.class, () -> pki.issue("RS", KeyPurpose.SIGNING, KeyAlgorithm.EC_P256,
                IssueOptions.defaults().withName("signing-ec-sized").withRsaKeySize(1024)));
    }

    @Test
    void options_refuse_names_that_leave_the_country_directory_and_empty_validity_windows() {
        assertThrows(IllegalArgumentException.class, () -> IssueOptions.defaults().withName("../rogue"));
        assertThrows(IllegalArgumentException.class, () -> IssueOptions.defaults().withName("Signing"));
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class,
                () -> IssueOptions.defaults().withNotBefore(now).withNotAfter(now.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> IssueOptions.defaults().withValidity(Duration.ZERO));
    }

    @Test
    void renew_writes_a_new_key_with_the_same_subject_and_algorithm_next_to_the_old_one() throws Exception {
        Credential current = pki.issue("MK", KeyPurpose.SIGNING, KeyAlgorithm.ED25519,
                IssueOptions.defaults().withName("signing-rotating"));
        byte[] currentFile = Files.readAllBytes(pki.keyStore("MK", "signing-rotating"));

        Credential next = pki.renew("MK", KeyPurpose.SIGNING, "signing-rotating",
                IssueOptions.defaults().withName("signing-rotating-next"));

        assertEquals(current.certificate().getSubjectX500Principal(), next.certificate().getSubjectX500Principal());
        assertNotEquals(current.certificate().getSerialNumber(), next.certificate().getSerialNumber());
        assertNotEquals(current.certificate().getPublicKey(), next.certificate().getPublicKey());
        assertEquals("EdDSA", next.certificate().getPublicKey().getAlgorithm());
        assertArrayEquals(currentFile, Files.readAllBytes(pki.keyStore("MK", "signing-rotating")),
                "the current key stays in place during the rotation");
        assertEquals(next.certificate(), pki.credential("MK", "signing-rotating-next").certificate());
        assertEquals(KeyPurpose.SIGNING.alias(),
                loadPkcs12(pki.keyStore("MK", "signing-rotating-next")).aliases().nextElement());
    }

    @Test
    void renew_without_a_name_replaces_the_credential_and_keeps_an_rsa_key_size() {
        pki.issue("BG", KeyPurpose.ENCRYPTION, KeyAlgorithm.RSA_3072, IssueOptions.defaults().withName("enc-3072"));

        Credential renewed = pki.renew("BG", KeyPurpose.ENCRYPTION, "enc-3072", IssueOptions.defaults());

        assertEquals(3072, ((RSAPublicKey) renewed.certificate().getPublicKey()).getModulus().bitLength());
        assertEquals(renewed.certificate(), pki.credential("BG", "enc-3072").certificate());
    }

    @Test
    void renew_of_a_missing_credential_names_the_file() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> pki.renew("BG", KeyPurpose.SIGNING, "nothing-here", IssueOptions.defaults()));

        assertTrue(error.getMessage().contains("nothing-here.p12"), error.getMessage());
    }
}
