package org.c2cgateway.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes agreement files for the lint tests, from a valid one (Serbia's side, partner MK) with changes. */
final class AgreementFiles {

    /** Serbia's gateway: MK and BG configured with trust, HR configured without. */
    static final LintContext SERBIA = new LintContext("RS", Map.of("MK", true, "BG", true, "HR", false));

    static final String VALID = """
            agreement: RS-MK-TEST
            version: 1
            partner: MK
            effective-from: 2026-01-01
            effective-to: 2026-12-31
            validation:
              profile: NON_EU
            flows:
              send:
                - type: PRE_ARRIVAL
                  offices: [MK001001]
              accept:
                - type: PRE_ARRIVAL
            data-sharing:
              unshared-inbound: STRIP
              PRE_ARRIVAL:
                allow: ["*"]
            """;

    private AgreementFiles() {
    }

    static void write(Path directory, String name, String text) {
        try {
            Files.createDirectories(directory.resolve(name).getParent());
            Files.writeString(directory.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the directory and gives each finding as printed, file names relative to it. */
    static List<String> lint(Path directory) {
        return lint(directory, SERBIA);
    }

    static List<String> lint(Path directory, LintContext context) {
        return RuleSetLoader.load(directory, context).findings().stream()
                .map(finding -> finding.toString().replace(directory + "/", "")).toList();
    }

    /** Lints one file, {@code VALID} with {@code from} replaced by {@code to}. */
    static List<String> lintChanged(Path directory, String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("the valid agreement has no " + from);
        }
        write(directory, "a.yml", VALID.replace(from, to));
        return lint(directory);
    }
}
