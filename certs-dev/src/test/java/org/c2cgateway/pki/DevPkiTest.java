package org.c2cgateway.pki;

import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.loadPkcs12;
import static org.c2cgateway.pki.PkiChecks.readPem;
import static org.c2cgateway.pki.PkiChecks.validatePkix;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link DevPki} API that other modules' tests use for throw-away PKIs: one rogue PKI is
 * shared by these tests, because generating RSA keys is the slow part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevPkiTest {

    private static final Path COMMITTED = Path.of("pki").toAbsolutePath();

    private Path rogueDir;
    private DevPki rogue;

    @BeforeAll
    void generateRoguePki(@TempDir Path dir) {
        rogueDir = dir;
        rogue = DevPki.generate(rogueDir, List.of("RS"), PASSWORD);
    }

    @Test
    void generate_writes_the_documented_layout() {
        PkiLayout layout = rogue.layout();
        CountryCode rs = CountryCode.of("RS");
        List<Path> files = new ArrayList<>(List.of(layout.rootCertificate(), layout.rootKeyStore(), layout.rootCrl(),
                layout.issuingCertificate(), layout.issuingKeyStore(), layout.issuingCrl(), layout.trustStore()));
        for (String name : List.of("signing", "encryption", "tls", "national", "signing-ed25519", "encryption-x25519")) {
            files.add(layout.keyStore(rs, name));
            files.add(layout.certificate(rs, name));
        }

        assertAll(files.stream().map(file -> (Executable) () -> assertTrue(Files.isRegularFile(file), file + " missing")));
        assertEquals(List.of("signing", "encryption", "tls", "national", "signing-ed25519", "encryption-x25519"),
                DevPki.countryCredentialNames());
        assertEquals(rogueDir.resolve("rs").resolve("encryption.p12"), rogue.keyStore("RS", KeyPurpose.ENCRYPTION));
        assertEquals(rogueDir.resolve("rs").resolve("national.crt"), rogue.certificateFile("RS", KeyPurpose.NATIONAL));
        assertEquals(rogueDir.resolve("issuing-ca.crl"), rogue.crlFile());
        assertEquals(List.of("RS"), rogue.countries());
    }

    @Test
    void generated_certificates_chain_through_their_own_issuing_ca_to_their_own_root() throws Exception {
        for (String name : DevPki.countryCredentialNames()) {
            Credential credential = rogue.credential("RS", name);

            assertEquals(List.of(credential.certificate(), rogue.issuingCertificate(), rogue.rootCertificate()),
                    credential.chain());
            validatePkix(credential.certificate(), rogue.issuingCertificate(), loadPkcs12(rogue.trustStore()));
        }
    }

    @Test
    void generated_pki_is_a_distinct_ca_whose_certificates_do_not_chain_to_the_committed_root() throws Exception {
        PkiLayout committed = new PkiLayout(COMMITTED);
        X509Certificate committedRoot = readPem(committed.rootCertificate());
        X509Certificate committedIssuing = readPem(committed.issuingCertificate());
        KeyStore committedTrust = loadPkcs12(committed.trustStore());

        assertNotEquals(committedRoot.getPublicKey(), rogue.rootCertificate().getPublicKey());
        for (KeyPurpose purpose : KeyPurpose.values()) {
            X509Certificate rogueLeaf = rogue.credential("RS", purpose).certificate();
            // Same names as the real RS gateway and its issuing CA: only the signature tells them apart.
            assertEquals(readPem(committed.certificate(CountryCode.of("RS"), purpose)).getSubjectX500Principal(),
                    rogueLeaf.getSubjectX500Principal());
            assertEquals(committedIssuing.getSubjectX500Principal(), rogueLeaf.getIssuerX500Principal());
            assertThrows(SignatureException.class, () -> rogueLeaf.verify(committedIssuing.getPublicKey()));
            assertThrows(CertPathValidatorException.class,
                    () -> validatePkix(rogueLeaf, rogue.issuingCertificate(), committedTrust));
        }
    }

    @Test
    void issue_country_adds_a_country_under_the_existing_cas() throws Exception {
        X509Certificate rootBefore = readPem(rogue.layout().rootCertificate());

        DevPki reopened = DevPki.open(rogueDir, PASSWORD).issueCountry("HR");

        assertEquals(rootBefore, reopened.rootCertificate());
        assertEquals(rogue.issuingCertificate(), reopened.issuingCertificate());
        assertEquals(rootBefore, readPem(rogue.layout().rootCertificate()), "root must not be replaced");
        for (KeyPurpose purpose : KeyPurpose.values()) {
            X509Certificate leaf = reopened.credential("HR", purpose).certificate();
            assertEquals(new X500Principal(purpose.subjectName(CountryCode.of("HR"))), leaf.getSubjectX500Principal());
            validatePkix(leaf, reopened.issuingCertificate(), loadPkcs12(rogue.trustStore()));
        }
    }

    @Test
    void open_refuses_a_pki_without_an_issuing_ca_and_names_the_missing_file(@TempDir Path old) throws Exception {
        Files.copy(rogue.layout().rootKeyStore(), old.resolve("root-ca.p12"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> DevPki.open(old, PASSWORD));

        assertTrue(error.getMessage().contains("issuing-ca.p12"), error.getMessage());
    }

    @Test
    void credential_by_name_reports_a_missing_key_store() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> rogue.credential("RS", "signing-next"));

        assertTrue(error.getMessage().contains("signing-next.p12"), error.getMessage());
    }

    @Test
    void key_purposes_and_algorithms_parse_their_command_line_names() {
        assertEquals(KeyPurpose.NATIONAL, KeyPurpose.fromAlias("national"));
        assertEquals(KeyAlgorithm.EC_P256, KeyAlgorithm.fromId("EC-P256"));
        IllegalArgumentException purpose = assertThrows(IllegalArgumentException.class,
                () -> KeyPurpose.fromAlias("decryption"));
        IllegalArgumentException algorithm = assertThrows(IllegalArgumentException.class,
                () -> KeyAlgorithm.fromId("dsa"));
        assertTrue(purpose.getMessage().contains("signing, encryption, tls, national"), purpose.getMessage());
        assertTrue(algorithm.getMessage().contains("rsa-2048, rsa-3072, ec-p256, ed25519"), algorithm.getMessage());
        Stream.of(KeyAlgorithm.values()).forEach(a -> assertEquals(a, KeyAlgorithm.fromId(a.id())));
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
