package org.c2cgateway.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    static final int FAST = 10_000;

    @Test
    void a_hash_matches_its_password_and_no_other() {
        PasswordHash hash = PasswordHash.parse("test", PasswordHash.hash("correct horse".toCharArray(), FAST));

        assertTrue(hash.matches("correct horse".toCharArray()));
        assertFalse(hash.matches("correct horsf".toCharArray()));
        assertFalse(hash.matches("".toCharArray()));
    }

    @Test
    void the_same_password_hashes_differently_each_time_salted() {
        String first = PasswordHash.hash("secret".toCharArray(), FAST);
        String second = PasswordHash.hash("secret".toCharArray(), FAST);

        assertNotEquals(first, second);
        assertTrue(first.startsWith("pbkdf2-sha256$10000$"), first);
        assertTrue(PasswordHash.parse("test", second).matches("secret".toCharArray()));
    }

    @Test
    void the_default_is_a_slow_hash() {
        String hash = PasswordHash.hash("secret".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);

        assertTrue(hash.startsWith("pbkdf2-sha256$600000$"), hash);
    }

    @Test
    void malformed_or_weak_hashes_are_refused_naming_the_setting_and_never_the_value() {
        String good = PasswordHash.hash("secret".toCharArray(), FAST);
        String[] bad = {"plain-text-password", "sha256$10000$abc$def", good.replace("$10000$", "$100$"),
                good.substring(0, good.length() - 8), good.replace("$10000$", "$x$"), good + "$more"};
        for (String value : bad) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> PasswordHash.parse("c2c.access.operators.ana.password-hash", value));
            assertTrue(refused.getMessage().startsWith("c2c.access.operators.ana.password-hash "), refused.getMessage());
            assertFalse(refused.getMessage().contains(value), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash("x".toCharArray(), 1000));
    }

    @Test
    void to_string_shows_no_salt_or_hash() {
        String encoded = PasswordHash.hash("secret".toCharArray(), FAST);

        String shown = PasswordHash.parse("test", encoded).toString();

        assertEquals("pbkdf2-sha256 (10000 iterations)", shown);
    }

    @Test
    void hash_password_command_reads_standard_input_and_prints_a_hash_that_matches() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CredentialCommands.hashPassword(new String[] {"hash-password", "--iterations", "20000"}, null,
                new BufferedReader(new StringReader("s3cret pass\n")), new PrintStream(out), new PrintStream(err));

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8).trim();
        assertTrue(printed.startsWith("pbkdf2-sha256$20000$"), printed);
        assertTrue(PasswordHash.parse("printed", printed).matches("s3cret pass".toCharArray()));
        assertFalse(printed.contains("s3cret"));
    }

    @Test
    void hash_password_command_refuses_an_empty_password_and_bad_arguments() throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());

        assertEquals(1, CredentialCommands.hashPassword(new String[] {"hash-password"}, null,
                new BufferedReader(new StringReader("")), sink, sink));
        assertEquals(2, CredentialCommands.hashPassword(new String[] {"hash-password", "--iterations"}, null,
                new BufferedReader(new StringReader("x\n")), sink, sink));
    }
}
