package org.c2cgateway.pki;

import static org.c2cgateway.pki.PkiChecks.CLIENT_AUTH;
import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.SERVER_AUTH;
import static org.c2cgateway.pki.PkiChecks.loadPkcs12;
import static org.c2cgateway.pki.PkiChecks.readCrl;
import static org.c2cgateway.pki.PkiChecks.readPem;
import static org.c2cgateway.pki.PkiChecks.validatePkixWithCrls;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the committed development PKI that the demo and the gateway tests use, so that a stale
 * or broken regeneration is caught here first. The validity tests (a year left on every
 * certificate, 60 days left on every CRL) are the signal to run {@code certs-dev/regenerate.sh}.
 */
class CommittedPkiTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path COMMITTED = Path.of("pki").toAbsolutePath();
    private static final List<String> COUNTRIES = List.of("RS", "MK", "BG");
    private static final Duration MIN_CERTIFICATE_LIFE = Duration.ofDays(365);
    private static final Duration MIN_CRL_LIFE = Duration.ofDays(60);

    static Stream<Arguments> credentials() {
        return COUNTRIES.stream().flatMap(cc -> DevPki.countryCredentialNames().stream()
                .map(name -> Arguments.of(cc, name)));
    }

    private static PkiLayout layout() {
        assertTrue(Files.isDirectory(COMMITTED), "committed PKI missing at " + COMMITTED + "; run certs-dev/regenerate.sh");
        return new PkiLayout(COMMITTED);
    }

    private static X509Certificate root() throws Exception {
        return readPem(layout().rootCertificate());
    }

    private static X509Certificate issuing() throws Exception {
        return readPem(layout().issuingCertificate());
    }

    private static KeyStore store(String country, String name) throws Exception {
        return loadPkcs12(layout().keyStore(CountryCode.of(country), name));
    }

    private static X509Certificate leaf(String country, String name) throws Exception {
        KeyStore store = store(country, name);
        return (X509Certificate) store.getCertificate(Collections.list(store.aliases()).get(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("credentials")
    void key_stores_load_with_changeit_in_the_plain_jdk_with_chain_leaf_issuing_root(String country, String name)
            throws Exception {
        assertNull(Security.getProvider("BC"), "the check must run without Bouncy Castle registered");
        KeyStore store = store(country, name);
        String alias = name.replaceFirst("-.*", "");

        assertEquals(List.of(alias), Collections.list(store.aliases()), "alias is the purpose");
        Key key = store.getKey(alias, PASSWORD);
        Certificate[] chain = store.getCertificateChain(alias);
        assertEquals(List.of(readPem(layout().certificate(CountryCode.of(country), name)), issuing(), root()),
                List.of(chain), "chain must be [leaf, issuing, root] and the PEM the same leaf");
        assertEquals(chain[0].getPublicKey().getAlgorithm(), key.getAlgorithm(),
                "private key must be of the leaf's key type");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("credentials")
    void certificates_validate_with_pkix_and_the_committed_crls(String country, String name) throws Exception {
        X509Certificate leaf = leaf(country, name);

        assertEquals("SHA256withRSA", leaf.getSigAlgName());
        validatePkixWithCrls(leaf, issuing(), loadPkcs12(layout().trustStore()),
                readCrl(layout().issuingCrl()), readCrl(layout().rootCrl()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("credentials")
    void certificates_stay_valid_for_at_least_another_year(String country, String name) throws Exception {
        X509Certificate leaf = leaf(country, name);
        Date inAYear = Date.from(Instant.now().plus(MIN_CERTIFICATE_LIFE));

        assertDoesNotThrow(() -> leaf.checkValidity());
        assertDoesNotThrow(() -> leaf.checkValidity(inAYear),
                leaf.getSubjectX500Principal() + " expires " + leaf.getNotAfter() + "; run certs-dev/regenerate.sh");
    }

    @Test
    void cas_stay_valid_for_at_least_another_year() throws Exception {
        Date inAYear = Date.from(Instant.now().plus(MIN_CERTIFICATE_LIFE));
        for (X509Certificate ca : List.of(root(), issuing())) {
            assertDoesNotThrow(() -> ca.checkValidity(inAYear),
                    ca.getSubjectX500Principal() + " expires " + ca.getNotAfter() + "; run certs-dev/regenerate.sh");
        }
    }

    @Test
    void crls_are_signed_by_their_ca_and_stay_current_for_at_least_60_days() throws Exception {
        Instant limit = Instant.now().plus(MIN_CRL_LIFE);
        for (Path file : List.of(layout().issuingCrl(), layout().rootCrl())) {
            X509CRL crl = readCrl(file);
            X509Certificate ca = file.equals(layout().rootCrl()) ? root() : issuing();
            assertEquals(ca.getSubjectX500Principal(), crl.getIssuerX500Principal());
            assertDoesNotThrow(() -> crl.verify(ca.getPublicKey()));
            assertTrue(crl.getNextUpdate().toInstant().isAfter(limit), file + " nextUpdate " + crl.getNextUpdate()
                    + " is less than 60 days away; run certs-dev/pki.sh crl (or regenerate.sh)");
            assertNull(crl.getRevokedCertificates(), file + " of the committed PKI revokes nothing");
        }
    }

    @Test
    void rsa_2048_is_the_default_for_the_four_purposes() throws Exception {
        for (String country : COUNTRIES) {
            for (KeyPurpose purpose : KeyPurpose.values()) {
                X509Certificate leaf = leaf(country, purpose.alias());
                assertEquals(2048, assertInstanceOf(RSAPublicKey.class, leaf.getPublicKey()).getModulus().bitLength());
                assertEquals(new X500Principal(purpose.subjectName(CountryCode.of(country))),
                        leaf.getSubjectX500Principal());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS", "MK", "BG"})
    void ec_suite_keys_are_ed25519_for_signing_and_x25519_for_encryption(String country) throws Exception {
        assertEquals("EdDSA", leaf(country, DevPki.ED25519_SIGNING).getPublicKey().getAlgorithm());
        assertEquals("XDH", leaf(country, DevPki.X25519_ENCRYPTION).getPublicKey().getAlgorithm());
        assertEquals(leaf(country, "signing").getSubjectX500Principal(),
                leaf(country, DevPki.ED25519_SIGNING).getSubjectX500Principal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS", "MK", "BG"})
    void tls_certificates_name_localhost_and_the_test_host_as_before(String country) throws Exception {
        X509Certificate leaf = leaf(country, "tls");

        assertEquals(List.of(SERVER_AUTH, CLIENT_AUTH), leaf.getExtendedKeyUsage());
        assertEquals(Set.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"),
                        List.of(2, "gw-" + country.toLowerCase() + ".c2c.test")),
                Set.copyOf(leaf.getSubjectAlternativeNames()));
    }

    @Test
    void root_and_issuing_ca_are_rsa_3072_cas_and_only_the_issuing_ca_signs_leaves() throws Exception {
        X509Certificate root = root();
        X509Certificate issuing = issuing();

        assertEquals(new X500Principal(CertificateAuthority.ROOT_SUBJECT), root.getSubjectX500Principal());
        assertDoesNotThrow(() -> root.verify(root.getPublicKey()));
        assertEquals(new X500Principal(CertificateAuthority.ISSUING_SUBJECT), issuing.getSubjectX500Principal());
        assertDoesNotThrow(() -> issuing.verify(root.getPublicKey()));
        assertEquals(Integer.MAX_VALUE, root.getBasicConstraints());
        assertEquals(0, issuing.getBasicConstraints(), "pathLen 0: issues end-entity certificates only");
        for (X509Certificate ca : List.of(root, issuing)) {
            assertEquals(3072, ((RSAPublicKey) ca.getPublicKey()).getModulus().bitLength());
            assertArrayEquals(PkiChecks.keyUsage(PkiChecks.KEY_CERT_SIGN, PkiChecks.CRL_SIGN), ca.getKeyUsage());
            assertTrue(ca.getCriticalExtensionOIDs().containsAll(
                    Set.of(PkiChecks.BASIC_CONSTRAINTS_OID, PkiChecks.KEY_USAGE_OID)));
        }
    }

    @Test
    void ca_key_stores_hold_the_ca_keys_for_issuing_and_revoking() throws Exception {
        KeyStore rootStore = loadPkcs12(layout().rootKeyStore());
        KeyStore issuingStore = loadPkcs12(layout().issuingKeyStore());

        assertEquals(List.of(PkiLayout.ROOT_ALIAS), Collections.list(rootStore.aliases()));
        assertEquals(List.of(PkiLayout.ISSUING_ALIAS), Collections.list(issuingStore.aliases()));
        RSAPrivateCrtKey issuingKey = assertInstanceOf(RSAPrivateCrtKey.class,
                issuingStore.getKey(PkiLayout.ISSUING_ALIAS, PASSWORD));
        assertEquals(((RSAPublicKey) issuing().getPublicKey()).getModulus(), issuingKey.getModulus());
        assertEquals(List.of(issuing(), root()), List.of(issuingStore.getCertificateChain(PkiLayout.ISSUING_ALIAS)));
        assertEquals(root(), rootStore.getCertificate(PkiLayout.ROOT_ALIAS));
    }

    @Test
    void trust_store_holds_only_the_root_as_a_trusted_certificate() throws Exception {
        KeyStore store = loadPkcs12(layout().trustStore());

        assertEquals(List.of(PkiLayout.ROOT_ALIAS), Collections.list(store.aliases()));
        assertTrue(store.isCertificateEntry(PkiLayout.ROOT_ALIAS), "must be a trusted certificate entry");
        assertFalse(store.isKeyEntry(PkiLayout.ROOT_ALIAS), "must not contain the CA key");
        assertEquals(root(), store.getCertificate(PkiLayout.ROOT_ALIAS));
    }
}
