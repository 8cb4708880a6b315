package org.c2cgateway.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.c2cgateway.rules.AgreementFiles.lint;
import static org.c2cgateway.rules.AgreementFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a file holds, the loader reports it as findings and never throws. */
class HostileAgreementFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "- just\n- a list\n",
            "a scalar",
            "a: &x [1, 2]\nb: *x\n",
            "a: !!binary aGVsbG8=\n",
            "a: !custom 1\n",
            "<<: {agreement: X}\n",
            "agreement: [[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]\n",
            "version: 99999999999999999999\n",
            "\"unterminated\n",
            "agreement: RS-MK-TEST\nversion: 1\npartner: MK\neffective-from: 2026-02-30\nvalidation: {profile: EU}\n"
                    + "flows: {}\ndata-sharing: {unshared-inbound: STRIP}\n",
    })
    void reports_a_hostile_file_as_findings(String text) {
        write(dir, "a.yml", text);
        List<String> findings = lint(dir);
        assertTrue(!findings.isEmpty() && findings.stream().allMatch(f -> f.startsWith("a.yml:")), findings.toString());
    }

    @Test
    void refuses_a_file_that_is_not_utf8_or_too_large() throws IOException {
        Files.write(dir.resolve("a.yml"), new byte[] {(byte) 0xC3, (byte) 0x28, 'a', ':', ' ', '1'});
        assertEquals(List.of("a.yml:0: -: the file is not UTF-8 text"), lint(dir));
        Files.writeString(dir.resolve("a.yml"), "# " + "x".repeat((int) RuleSetLoader.MAX_FILE_BYTES));
        assertEquals(List.of("a.yml:0: -: the file is larger than 1000000 bytes; an agreement is a few hundred lines"),
                lint(dir));
    }

    @Test
    void reads_only_yaml_files_of_the_directory_itself() {
        write(dir, "notes.txt", "not an agreement");
        write(dir, "old/a.yml", "broken: [");
        write(dir, "b.yaml", AgreementFiles.VALID);
        assertEquals(List.of(), lint(dir));
        assertEquals(1, RuleSetLoader.load(dir, AgreementFiles.SERBIA).ruleSet().all().size());
    }
}
