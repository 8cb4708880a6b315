package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@code rules} answers a wrong command line; the lint and explain outcomes are in {@code RulesCommandIT}. */
class RulesCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_prints_the_usage() {
        assertEquals(0, run("help"));
        assertTrue(out().contains("rules lint <config/xx/gateway.yml>"), out());
    }

    @Test
    void a_missing_argument_is_wrong_usage() {
        assertEquals(2, run("lint"));
        assertEquals(2, run("explain", "config/rs/gateway.yml"));
        assertEquals(2, run("check", "config/rs/gateway.yml"));
        assertTrue(err().contains("usage:"), err());
    }

    @Test
    void a_malformed_day_is_named() {
        assertEquals(2, run("explain", "config/rs/gateway.yml", "n.xml", "--at", "2026-13-01"));
        assertTrue(err().contains("--at: '2026-13-01' is not a date of the form YYYY-MM-DD"), err());
    }

    @Test
    void an_unknown_option_is_named() {
        assertEquals(2, run("lint", "config/rs/gateway.yml", "--at", "2026-01-01"));
        assertTrue(err().contains("unexpected argument '--at 2026-01-01'"), err());
        assertEquals(2, run("lint", "config/rs/gateway.yml", "--set"));
        assertTrue(err().contains("--set needs a value"), err());
    }

    @Test
    void a_configuration_that_cannot_be_read_is_a_failure() {
        assertEquals(1, run("lint", "no/such/gateway.yml"));
        assertTrue(err().contains("no/such/gateway.yml"), err());
    }

    private int run(String... args) {
        return RulesCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
