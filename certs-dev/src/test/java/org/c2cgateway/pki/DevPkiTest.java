package org.c2cgateway.pki;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.loadPkcs12;
import static org.c2cgateway.pki.PkiChecks.readPem;
import static org.c2cgateway.pki.PkiChecks.validatePkix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Security;
import java.security.SignatureException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the committed development PKI (so a stale or broken regeneration is caught before the
 * demo breaks) and the {@link DevPki} API that other modules' tests use for throw-away PKIs.
 */
class DevPkiTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path COMMITTED = Path.of("pki").toAbsolutePath();
    private static final List<String> COMMITTED_COUNTRIES = List.of("RS", "MK", "BG");

    private static final String KEY_USAGE_OID = "2.5.29.15";
    private static final String BASIC_CONSTRAINTS_OID = "2.5.29.19";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    static Stream<Arguments> committedKeyStores() {
        return COMMITTED_COUNTRIES.stream()
                .flatMap(cc -> Stream.of(KeyPurpose.values()).map(purpose -> Arguments.of(cc, purpose)));
    }

    private static PkiLayout committedLayout() {
        assertTrue(Files.isDirectory(COMMITTED),
                "committed PKI missing at " + COMMITTED + "; run certs-dev/regenerate.sh");
        return new PkiLayout(COMMITTED);
    }

    private static X509Certificate committedRoot() throws Exception {
        return readPem(committedLayout().rootCertificate());
    }

    private static X509Certificate committedLeaf(String country, KeyPurpose purpose) throws Exception {
        KeyStore store = loadPkcs12(committedLayout().keyStore(CountryCode.of(country), purpose));
        return (X509Certificate) store.getCertificate(purpose.alias());
    }

    @Nested
    class CommittedPki {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("org.c2cgateway.pki.DevPkiTest#committedKeyStores")
        void committed_key_stores_load_with_changeit_in_the_plain_jdk(String country, KeyPurpose purpose)
                throws Exception {
            assertNull(Security.getProvider("BC"), "the check must run without Bouncy Castle registered");

            KeyStore store = loadPkcs12(committedLayout().keyStore(CountryCode.of(country), purpose));

            assertEquals(List.of(purpose.alias()), Collections.list(store.aliases()));
            assertTrue(store.isKeyEntry(purpose.alias()));
            RSAPrivateCrtKey key = assertInstanceOf(RSAPrivateCrtKey.class, store.getKey(purpose.alias(), PASSWORD));
            Certificate[] chain = store.getCertificateChain(purpose.alias());
            assertEquals(2, chain.length, "chain must be [leaf, root]");
            RSAPublicKey leafKey = (RSAPublicKey) chain[0].getPublicKey();
            assertEquals(leafKey.getModulus(), key.getModulus(), "private key must belong to the leaf certificate");
            assertEquals(2048, leafKey.getModulus().bitLength());
            assertEquals(committedRoot(), chain[1]);
            assertEquals(readPem(committedLayout().certificate(CountryCode.of(country), purpose)), chain[0],
                    "the PEM file must hold the same leaf as the key store");
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("org.c2cgateway.pki.DevPkiTest#committedKeyStores")
        void committed_certificates_chain_to_the_root_ca(String country, KeyPurpose purpose) throws Exception {
            X509Certificate root = committedRoot();
            X509Certificate leaf = committedLeaf(country, purpose);

            assertEquals(root.getSubjectX500Principal(), leaf.getIssuerX500Principal());
            assertDoesNotThrow(() -> leaf.verify(root.getPublicKey()));
            assertEquals("SHA256withRSA", leaf.getSigAlgName());
            validatePkix(leaf, loadPkcs12(committedLayout().trustStore()));
        }

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("org.c2cgateway.pki.DevPkiTest#committedKeyStores")
        void committed_certificates_stay_valid_for_at_least_another_year(String country, KeyPurpose purpose)
                throws Exception {
            Date inAYear = Date.from(Instant.now().plus(Duration.ofDays(365)));
            X509Certificate leaf = committedLeaf(country, purpose);
            X509Certificate root = committedRoot();

            assertDoesNotThrow(() -> leaf.checkValidity());
            assertDoesNotThrow(() -> leaf.checkValidity(inAYear),
                    "expires " + leaf.getNotAfter() + "; run certs-dev/regenerate.sh");
            assertDoesNotThrow(() -> root.checkValidity(inAYear));
        }

        @ParameterizedTest
        @ValueSource(strings = {"RS", "MK", "BG"})
        void committed_signing_certificates_allow_signature_and_encryption(String country) throws Exception {
            X509Certificate leaf = committedLeaf(country, KeyPurpose.SIGNING);

            assertEquals(new X500Principal("CN=" + country + " customs gateway signing, O=Customs administration "
                    + country + ", C=" + country), leaf.getSubjectX500Principal());
            assertArrayEquals(new boolean[] {true, true, true, true, false, false, false, false, false},
                    leaf.getKeyUsage(), "digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment");
            assertTrue(leaf.getCriticalExtensionOIDs().contains(KEY_USAGE_OID), "keyUsage must be critical");
            assertEquals(-1, leaf.getBasicConstraints(), "must not be a CA");
            assertNull(leaf.getExtendedKeyUsage());
            assertKeyIdentifiersPresent(leaf);
        }

        @ParameterizedTest
        @ValueSource(strings = {"RS", "MK", "BG"})
        void committed_tls_certificates_serve_as_server_and_client_for_localhost_and_the_test_host(String country)
                throws Exception {
            X509Certificate leaf = committedLeaf(country, KeyPurpose.TLS);

            assertEquals(new X500Principal("CN=" + country + " customs gateway TLS, O=Customs administration "
                    + country + ", C=" + country), leaf.getSubjectX500Principal());
            assertArrayEquals(new boolean[] {true, false, true, false, false, false, false, false, false},
                    leaf.getKeyUsage(), "digitalSignature, keyEncipherment");
            assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), leaf.getExtendedKeyUsage());
            assertEquals(-1, leaf.getBasicConstraints(), "must not be a CA");
            assertEquals(Set.of(List.of(SAN_DNS, "localhost"), List.of(SAN_IP, "127.0.0.1"),
                            List.of(SAN_DNS, "gw-" + country.toLowerCase() + ".c2c.test")),
                    Set.copyOf(leaf.getSubjectAlternativeNames()));
            assertKeyIdentifiersPresent(leaf);
        }

        @Test
        void committed_root_ca_is_a_self_signed_development_ca() throws Exception {
            X509Certificate root = committedRoot();

            assertEquals(new X500Principal(CertificateAuthority.ROOT_SUBJECT), root.getSubjectX500Principal());
            assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
            assertDoesNotThrow(() -> root.verify(root.getPublicKey()));
            assertEquals("SHA256withRSA", root.getSigAlgName());
            assertTrue(root.getBasicConstraints() >= 0, "must be a CA");
            assertTrue(root.getCriticalExtensionOIDs().containsAll(Set.of(BASIC_CONSTRAINTS_OID, KEY_USAGE_OID)));
            assertArrayEquals(new boolean[] {false, false, false, false, false, true, true, false, false},
                    root.getKeyUsage(), "keyCertSign, cRLSign");
            assertTrue(((RSAPublicKey) root.getPublicKey()).getModulus().bitLength() >= 2048);
        }

        @Test
        void committed_root_key_store_holds_the_ca_key_for_reissuing() throws Exception {
            KeyStore store = loadPkcs12(committedLayout().rootKeyStore());

            assertEquals(List.of(PkiLayout.ROOT_ALIAS), Collections.list(store.aliases()));
            RSAPrivateCrtKey key = assertInstanceOf(RSAPrivateCrtKey.class,
                    store.getKey(PkiLayout.ROOT_ALIAS, PASSWORD));
            X509Certificate root = (X509Certificate) store.getCertificate(PkiLayout.ROOT_ALIAS);
            assertEquals(committedRoot(), root);
            assertEquals(((RSAPublicKey) root.getPublicKey()).getModulus(), key.getModulus());
        }

        @Test
        void committed_trust_store_holds_only_the_root_as_a_trusted_certificate() throws Exception {
            KeyStore store = loadPkcs12(committedLayout().trustStore());

            assertEquals(List.of(PkiLayout.ROOT_ALIAS), Collections.list(store.aliases()));
            assertTrue(store.isCertificateEntry(PkiLayout.ROOT_ALIAS), "must be a trusted certificate entry");
            assertFalse(store.isKeyEntry(PkiLayout.ROOT_ALIAS), "must not contain the CA key");
            assertEquals(committedRoot(), store.getCertificate(PkiLayout.ROOT_ALIAS));
        }

        private void assertKeyIdentifiersPresent(X509Certificate leaf) {
            assertAll(
                    () -> assertTrue(leaf.getNonCriticalExtensionOIDs().contains("2.5.29.14"), "SubjectKeyIdentifier"),
                    () -> assertTrue(leaf.getNonCriticalExtensionOIDs().contains("2.5.29.35"), "AuthorityKeyIdentifier"));
        }
    }

    /** One rogue PKI shared by these tests, because generating RSA keys is the slow part. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThrowAwayPki {

        Path rogueDir;
        DevPki rogue;

        @BeforeAll
        void generateRoguePki(@TempDir Path dir) {
            rogueDir = dir;
            rogue = DevPki.generate(rogueDir, List.of("RS"), PASSWORD);
        }

        @Test
        void generate_writes_the_documented_layout() {
            PkiLayout layout = rogue.layout();
            CountryCode rs = CountryCode.of("RS");

            assertAll(Stream.of(layout.rootCertificate(), layout.rootKeyStore(), layout.trustStore(),
                            layout.keyStore(rs, KeyPurpose.SIGNING), layout.certificate(rs, KeyPurpose.SIGNING),
                            layout.keyStore(rs, KeyPurpose.TLS), layout.certificate(rs, KeyPurpose.TLS))
                    .map(file -> (Executable) () -> assertTrue(Files.isRegularFile(file), file + " missing")));
            assertEquals(rogueDir.resolve("rs").resolve("signing.p12"), layout.keyStore(rs, KeyPurpose.SIGNING));
            assertEquals(List.of("RS"), rogue.countries());
        }

        @Test
        void generated_certificates_chain_to_their_own_root() throws Exception {
            X509Certificate leaf = rogue.credential("RS", KeyPurpose.SIGNING).certificate();

            assertDoesNotThrow(() -> leaf.verify(rogue.rootCertificate().getPublicKey()));
            validatePkix(leaf, loadPkcs12(rogue.trustStore()));
        }

        @Test
        void generated_pki_is_a_distinct_ca_whose_certificates_do_not_chain_to_the_committed_root()
                throws Exception {
            X509Certificate committedRoot = committedRoot();
            KeyStore committedTrust = loadPkcs12(committedLayout().trustStore());

            assertNotEquals(committedRoot.getPublicKey(), rogue.rootCertificate().getPublicKey());
            for (KeyPurpose purpose : KeyPurpose.values()) {
                X509Certificate rogueLeaf = rogue.credential("RS", purpose).certificate();
                // Same names as the real RS gateway: only the signature tells them apart.
                assertEquals(committedLeaf("RS", purpose).getSubjectX500Principal(),
                        rogueLeaf.getSubjectX500Principal());
                assertThrows(SignatureException.class, () -> rogueLeaf.verify(committedRoot.getPublicKey()));
                assertThrows(CertPathValidatorException.class, () -> validatePkix(rogueLeaf, committedTrust));
            }
        }

        @Test
        void issue_country_adds_a_country_under_the_existing_root() throws Exception {
            X509Certificate rootBefore = readPem(rogue.layout().rootCertificate());

            DevPki reopened = DevPki.open(rogueDir, PASSWORD).issueCountry("HR");

            assertEquals(rootBefore, reopened.rootCertificate());
            assertEquals(rootBefore, readPem(rogue.layout().rootCertificate()), "root must not be replaced");
            for (KeyPurpose purpose : KeyPurpose.values()) {
                X509Certificate leaf = reopened.credential("HR", purpose).certificate();
                assertEquals(new X500Principal(purpose.subjectName(CountryCode.of("HR"))),
                        leaf.getSubjectX500Principal());
                validatePkix(leaf, loadPkcs12(rogue.trustStore()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs", "SRB", "R", "", "R1", " RS", "Ž1"})
    void generate_rejects_a_country_code_that_is_not_two_upper_case_letters(String badCode, @TempDir Path dir) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DevPki.generate(dir.resolve("pki"), List.of("MK", badCode), PASSWORD));

        assertTrue(error.getMessage().contains("'" + badCode + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("[A-Z]{2}"), error.getMessage());
        assertFalse(Files.exists(dir.resolve("pki")), "nothing may be written when a code is invalid");
    }
}
