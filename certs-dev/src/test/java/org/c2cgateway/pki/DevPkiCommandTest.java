package org.c2cgateway.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract that {@code certs-dev/regenerate.sh} and the README rely on. */
class DevPkiCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DevPkiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void command_writes_the_requested_countries_into_the_output_directory(@TempDir Path dir) {
        Path pki = dir.resolve("pki");

        int status = run("--out", pki.toString(), "--countries", "BG", "--password", "changeit");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(pki.resolve("truststore.p12")));
        assertTrue(Files.isRegularFile(pki.resolve("bg/tls.p12")));
        assertFalse(Files.exists(pki.resolve("rs")), "only the requested countries are issued");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("DEVELOPMENT ONLY"));
    }

    @Test
    void command_with_reuse_root_adds_a_country_without_replacing_the_root(@TempDir Path dir) throws Exception {
        Path pki = dir.resolve("pki");
        DevPki existing = DevPki.generate(pki, java.util.List.of(), PkiChecks.PASSWORD);

        int status = run("--out", pki.toString(), "--countries", "AL", "--reuse-root");

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(existing.rootCertificate(), PkiChecks.readPem(pki.resolve("root-ca.crt")));
        PkiChecks.validatePkix(DevPki.open(pki, PkiChecks.PASSWORD).credential("AL", KeyPurpose.TLS).certificate(),
                PkiChecks.loadPkcs12(pki.resolve("truststore.p12")));
    }

    @Test
    void command_rejects_a_lower_case_country_code_with_status_2_and_a_clear_message(@TempDir Path dir) {
        int status = run("--out", dir.resolve("pki").toString(), "--countries", "RS,mk");

        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid country code 'mk'"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("pki")));
    }

    @Test
    void command_rejects_unknown_arguments_and_missing_values() {
        assertEquals(2, run("--countrys", "RS"));
        assertEquals(2, run("--out"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage:"));
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
        // Surefire, like exec:java, puts target/classes on the class path and runs in the module dir.
        assertEquals(Optional.of(Path.of("").toAbsolutePath()), DevPkiCommand.moduleDirectory());
    }
}
