package org.c2cgateway.app.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TokenDigestTest {

    @Test
    void a_token_matches_its_digest_and_no_other() {
        String token = TokenDigest.newToken();
        TokenDigest digest = TokenDigest.parse("test", TokenDigest.sha256Hex(token));

        assertTrue(digest.matches(token));
        assertFalse(digest.matches(token + "x"));
        assertFalse(digest.matches(TokenDigest.newToken()));
        assertFalse(digest.matches(""));
    }

    @Test
    void the_digest_is_sha256_in_hex_upper_or_lower_case() {
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", TokenDigest.sha256Hex("hello"));
        assertTrue(TokenDigest.parse("test", "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824").matches("hello"));
    }

    @Test
    void new_tokens_are_random_256_bit_values() {
        String token = TokenDigest.newToken();

        assertEquals(43, token.length(), token); // 32 bytes, base64url without padding
        assertNotEquals(token, TokenDigest.newToken());
    }

    @Test
    void a_malformed_digest_is_refused_naming_the_setting_and_never_the_value() {
        for (String value : new String[] {"the-token-itself", "abc", TokenDigest.sha256Hex("x") + "0"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TokenDigest.parse("c2c.access.operators.ana.token-sha256", value));
            assertTrue(refused.getMessage().startsWith("c2c.access.operators.ana.token-sha256 "), refused.getMessage());
            assertFalse(refused.getMessage().contains(value), refused.getMessage());
        }
    }

    @Test
    void new_token_command_prints_a_token_and_its_digest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(0, CredentialCommands.newToken(new PrintStream(out)));

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String token = lines[0].replace("token:", "").trim();
        String digest = lines[1].replace("sha256 hex:", "").trim();
        assertTrue(TokenDigest.parse("printed", digest).matches(token));
    }
}
