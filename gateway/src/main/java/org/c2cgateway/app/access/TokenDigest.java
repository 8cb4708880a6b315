package org.c2cgateway.app.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens as the configuration keeps them: only their SHA-256, in hex. A token is a random
 * 256-bit value, so a fast hash is enough (nothing to brute-force), and a copy of the configuration
 * grants nothing. A presented token is compared with a stored digest in constant time.
 */
public final class TokenDigest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    private TokenDigest(byte[] digest) {
        this.digest = digest;
    }

    /** A new random token (256 bits, base64url): what {@code new-token} prints. */
    public static String newToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The form kept in configuration. */
    public static String sha256Hex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    /**
     * Reads a stored digest; the message of a refusal names the setting, never the value.
     *
     * @param setting the configuration key the digest came from
     */
    public static TokenDigest parse(String setting, String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(setting + " is not a SHA-256 in hex (64 hex digits): make one with "
                    + "`java -jar c2c-gateway.jar new-token`");
        }
        return new TokenDigest(HexFormat.of().parseHex(hex));
    }

    /** Whether the presented token hashes to this digest, compared in constant time. */
    public boolean matches(String token) {
        return MessageDigest.isEqual(digest, sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "sha256:…"; // never the digest
    }
}
