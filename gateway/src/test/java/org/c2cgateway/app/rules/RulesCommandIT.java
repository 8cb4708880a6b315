package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules lint} and {@code rules explain} on RS's demo configuration with agreement files of the test's own,
 * read without the gateway's secrets. Runs the real {@code RuleSetLoader} and {@code RuleExplainer}: it passes
 * once they are merged (issue 6).
 */
class RulesCommandIT {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path agreements;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void lint_of_clean_files_says_ok_and_exits_0() {
        TestAgreements.copy("rs-mk-v1.yml", agreements, "rs-mk-v1.yml");

        assertEquals(0, run("lint"), err());

        assertEquals("1 agreement files, 1 versions: OK", out().strip());
    }

    @Test
    void lint_prints_every_finding_and_exits_1() {
        TestAgreements.copy("rs-mk-bad-version.yml", agreements, "rs-mk-v1.yml");
        TestAgreements.copy("rs-mk-bad-version.yml", agreements, "rs-mk-v2.yml");

        assertEquals(1, run("lint"));

        for (String file : List.of("rs-mk-v1.yml", "rs-mk-v2.yml")) {
            assertTrue(out().lines().anyMatch(l -> l.matches(".*" + file + ":\\d+: version: .+")), out());
        }
    }

    @Test
    void explain_prints_the_explanation() throws Exception {
        TestAgreements.copy("rs-mk-v1.yml", agreements, "rs-mk-v1.yml");

        assertEquals(0, run("explain", HOME.resolve("config/samples/valid/rs-to-mk-pre-arrival.xml").toString(),
                "--at", "2026-03-10"), err());

        assertTrue(out().contains("RS-MK-TEST v1"), out());
        assertTrue(Files.exists(agreements.resolve("rs-mk-v1.yml")));
    }

    private int run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, HOME.resolve("config/rs/gateway.yml").toString()));
        args.addAll(List.of(more));
        args.addAll(List.of("--set", "c2c.home=" + HOME, "--set", "c2c.rules.directory=" + agreements));
        return RulesCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
