package org.c2cgateway.pki;

import static org.c2cgateway.pki.PkiChecks.PASSWORD;
import static org.c2cgateway.pki.PkiChecks.readCrl;
import static org.c2cgateway.pki.PkiChecks.readPem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract that {@code certs-dev/pki.sh}, {@code regenerate.sh} and the README rely on. */
class DevPkiCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DevPkiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generate_writes_the_requested_countries_and_prints_every_file(@TempDir Path dir) {
        Path pki = dir.resolve("pki");

        int status = run("generate", "--out", pki.toString(), "--countries", "BG", "--crl-days", "90");

        assertEquals(0, status, errors());
        assertTrue(Files.isRegularFile(pki.resolve("truststore.p12")));
        assertTrue(Files.isRegularFile(pki.resolve("bg/national.p12")));
        assertFalse(Files.exists(pki.resolve("rs")), "only the requested countries are issued");
        for (String file : List.of("root-ca.crt", "root-ca.p12", "root-ca.crl", "issuing-ca.crt", "issuing-ca.p12",
                "issuing-ca.crl", "truststore.p12", "bg/signing.p12", "bg/encryption.crt", "bg/tls.p12",
                "bg/national.crt", "bg/signing-ed25519.p12", "bg/encryption-x25519.crt")) {
            assertTrue(output().contains("wrote " + pki.resolve(file)), file + " not reported in\n" + output());
        }
        assertTrue(output().contains("DEVELOPMENT ONLY"));
        X509CRL crl = DevPki.open(pki, PASSWORD).crl();
        assertEquals(Duration.ofDays(90), Duration.between(crl.getThisUpdate().toInstant(),
                crl.getNextUpdate().toInstant()));
    }

    @Test
    void without_a_command_the_options_are_those_of_generate_as_regenerate_sh_used_them(@TempDir Path dir) {
        int status = run("--out", dir.resolve("pki").toString(), "--countries", "", "--password", "changeit");

        assertEquals(2, status, "an empty country list is an invalid code");
        assertEquals(0, run("--out", dir.resolve("pki").toString(), "--countries", "MK"), errors());
        assertTrue(Files.isRegularFile(dir.resolve("pki/mk/tls.p12")));
    }

    @Test
    void generate_with_reuse_root_adds_a_country_under_the_existing_cas(@TempDir Path dir) throws Exception {
        Path pki = dir.resolve("pki");
        DevPki existing = DevPki.generate(pki, List.of(), PASSWORD);

        int status = run("generate", "--out", pki.toString(), "--countries", "AL", "--reuse-root");

        assertEquals(0, status, errors());
        assertEquals(existing.rootCertificate(), readPem(pki.resolve("root-ca.crt")));
        assertEquals(existing.issuingCertificate(),
                DevPki.open(pki, PASSWORD).credential("AL", KeyPurpose.TLS).chain().get(1));
        assertTrue(output().contains("wrote " + pki.resolve("al/encryption-x25519.p12")), output());
    }

    @Test
    void issue_writes_one_credential_under_its_name_and_prints_it(@TempDir Path dir) {
        DevPki pki = DevPki.generate(dir, List.of(), PASSWORD);

        int status = run("issue", "--dir", dir.toString(), "--country", "RS", "--purpose", "signing",
                "--algorithm", "ed25519", "--name", "signing-next", "--days", "30");

        assertEquals(0, status, errors());
        X509Certificate leaf = pki.credential("RS", "signing-next").certificate();
        assertEquals("EdDSA", leaf.getPublicKey().getAlgorithm());
        assertEquals(Duration.ofDays(30), Duration.between(leaf.getNotBefore().toInstant(),
                leaf.getNotAfter().toInstant()));
        assertTrue(output().contains("wrote " + dir.resolve("rs/signing-next.p12") + " (alias signing)"), output());
        assertTrue(output().contains("wrote " + dir.resolve("rs/signing-next.crt")), output());
        assertTrue(output().contains("serial " + leaf.getSerialNumber().toString(16)), output());
    }

    @Test
    void issue_x25519_is_implied_for_encryption_under_ed25519(@TempDir Path dir) {
        DevPki pki = DevPki.generate(dir, List.of(), PASSWORD);

        assertEquals(0, run("issue", "--dir", dir.toString(), "--country", "MK", "--purpose", "encryption",
                "--algorithm", "ed25519"), errors());

        assertEquals("XDH", pki.credential("MK", KeyPurpose.ENCRYPTION).certificate().getPublicKey().getAlgorithm());
    }

    @Test
    void issue_refuses_ed25519_for_tls_and_an_unknown_purpose_with_status_2(@TempDir Path dir) {
        DevPki.generate(dir, List.of(), PASSWORD);

        assertEquals(2, run("issue", "--dir", dir.toString(), "--country", "RS", "--purpose", "tls",
                "--algorithm", "ed25519"));
        assertEquals(2, run("issue", "--dir", dir.toString(), "--country", "RS", "--purpose", "decryption"));
        assertEquals(2, run("issue", "--dir", dir.toString(), "--purpose", "tls"));

        assertTrue(errors().contains("cannot be used for tls"), errors());
        assertTrue(errors().contains("Unknown key purpose 'decryption'"), errors());
        assertTrue(errors().contains("--country is required"), errors());
        assertFalse(Files.exists(dir.resolve("rs")));
    }

    @Test
    void renew_keeps_the_old_credential_and_writes_the_new_one_under_the_given_name(@TempDir Path dir)
            throws Exception {
        DevPki pki = DevPki.generate(dir, List.of(), PASSWORD);
        X509Certificate current = pki.issue("RS", KeyPurpose.ENCRYPTION, KeyAlgorithm.EC_P256,
                IssueOptions.defaults()).certificate();

        int status = run("renew", "--dir", dir.toString(), "--country", "RS", "--purpose", "encryption",
                "--name", "encryption-next");

        assertEquals(0, status, errors());
        X509Certificate next = readPem(dir.resolve("rs/encryption-next.crt"));
        assertEquals(current, readPem(dir.resolve("rs/encryption.crt")));
        assertEquals(current.getSubjectX500Principal(), next.getSubjectX500Principal());
        assertEquals("EC", next.getPublicKey().getAlgorithm());
        assertNotEquals(current.getSerialNumber(), next.getSerialNumber());
        assertTrue(output().contains("wrote " + dir.resolve("rs/encryption-next.p12")), output());
    }

    @Test
    void revoke_updates_the_crl_and_prints_what_it_revoked(@TempDir Path dir) throws Exception {
        DevPki pki = DevPki.generate(dir, List.of(), PASSWORD);
        X509Certificate victim = pki.issue("RS", KeyPurpose.TLS, KeyAlgorithm.EC_P256, IssueOptions.defaults())
                .certificate();

        int status = run("revoke", "--dir", dir.toString(), "--cert", dir.resolve("rs/tls.crt").toString(),
                "--reason", "keyCompromise");

        assertEquals(0, status, errors());
        X509CRL crl = readCrl(dir.resolve("issuing-ca.crl"));
        assertEquals(CRLReason.KEY_COMPROMISE, crl.getRevokedCertificate(victim.getSerialNumber()).getRevocationReason());
        assertTrue(output().contains("Revoked " + victim.getSubjectX500Principal().getName() + " serial "
                + victim.getSerialNumber().toString(16)), output());
        assertTrue(output().contains("reason keyCompromise"), output());
        assertTrue(output().contains("wrote " + dir.resolve("issuing-ca.crl") + " (CRL number 2, 1 revoked"), output());
    }

    @Test
    void revoke_refuses_an_unknown_reason_and_a_missing_file(@TempDir Path dir) {
        DevPki.generate(dir, List.of(), PASSWORD);

        assertEquals(2, run("revoke", "--dir", dir.toString(), "--cert", dir.resolve("issuing-ca.crt").toString(),
                "--reason", "lostIt"));
        assertEquals(2, run("revoke", "--dir", dir.toString(), "--cert", dir.resolve("nope.crt").toString()));

        assertTrue(errors().contains("Unknown revocation reason 'lostIt'"), errors());
        assertTrue(errors().contains("nope.crt is not a file"), errors());
    }

    @Test
    void crl_re_signs_both_crls_with_a_fresh_next_update(@TempDir Path dir) throws Exception {
        DevPki.generate(dir, List.of(), PASSWORD, Duration.ofDays(1));

        int status = run("crl", "--dir", dir.toString(), "--days", "200");

        assertEquals(0, status, errors());
        for (String file : List.of("issuing-ca.crl", "root-ca.crl")) {
            X509CRL crl = readCrl(dir.resolve(file));
            assertEquals(BigInteger.TWO, RevocationList.number(crl));
            assertTrue(crl.getNextUpdate().toInstant().isAfter(Instant.now().plus(Duration.ofDays(199))));
            assertTrue(output().contains("wrote " + dir.resolve(file) + " (CRL number 2"), output());
        }
        assertEquals(2, run("crl", "--dir", dir.toString(), "--days", "0"));
        assertTrue(errors().contains("--days must be a positive number of days"), errors());
    }

    @Test
    void reason_names_are_the_rfc_5280_names_in_any_case() {
        assertEquals("keyCompromise", RevocationList.reasonName(CRLReason.KEY_COMPROMISE));
        assertEquals(CRLReason.KEY_COMPROMISE, DevPkiCommand.reason("keyCompromise"));
        assertEquals(CRLReason.CESSATION_OF_OPERATION, DevPkiCommand.reason("CESSATION_OF_OPERATION"));
        assertThrows(IllegalArgumentException.class, () -> DevPkiCommand.reason("removeFromCRL"));
    }

    @Test
    void command_rejects_a_lower_case_country_code_with_status_2_and_a_clear_message(@TempDir Path dir) {
        int status = run("generate", "--out", dir.resolve("pki").toString(), "--countries", "RS,mk");

        assertEquals(2, status);
        assertTrue(errors().contains("Invalid country code 'mk'"), errors());
        assertFalse(Files.exists(dir.resolve("pki")));
    }

    @Test
    void command_rejects_unknown_commands_arguments_and_missing_values() {
        assertEquals(2, run("--countrys", "RS"));
        assertEquals(2, run("--out"));
        assertEquals(2, run("destroy"));
        assertEquals(2, run("crl", "--days", "1", "--days", "2"));
        assertTrue(errors().contains("Usage:"));
        assertTrue(errors().contains("Unknown command 'destroy'"), errors());
        assertTrue(errors().contains("--days is given more than once"), errors());
    }

    @Test
    void help_prints_the_usage() {
        assertEquals(0, run("help"));
        assertTrue(output().contains("revoke --cert"), output());
    }

    @Test
    void relative_out_resolves_against_the_working_directory_when_its_parent_exists(@TempDir Path repo)
            throws Exception {
        Files.createDirectories(repo.resolve("certs-dev"));

        Path resolved = DevPkiCommand.resolveOut("certs-dev/pki", repo, Optional.empty());

        assertEquals(repo.resolve("certs-dev/pki"), resolved);
    }

    @Test
    void relative_out_falls_back_to_the_repository_root_when_run_inside_the_module(@TempDir Path repo)
            throws Exception {
        Path module = Files.createDirectories(repo.resolve("certs-dev"));

        Path resolved = DevPkiCommand.resolveOut("certs-dev/pki", module, Optional.of(module));

        assertEquals(module.resolve("pki"), resolved);
    }

    @Test
    void relative_out_without_an_existing_parent_is_refused_rather_than_created(@TempDir Path dir) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DevPkiCommand.resolveOut("nowhere/pki", dir, Optional.empty()));

        assertTrue(error.getMessage().contains("nowhere/pki"), error.getMessage());
    }

    @Test
    void module_directory_is_found_from_target_classes_as_under_exec_java() {
        // Surefire, like exec:java and pki.sh, puts target/classes on the class path and runs in the module dir.
        assertEquals(Optional.of(Path.of("").toAbsolutePath()), DevPkiCommand.moduleDirectory());
    }
}
