package org.c2cgateway.app.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow password hash (PBKDF2 with HMAC-SHA-256, in the JDK, so no native library to audit),
 * kept as one self-describing string: {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}.
 * The iteration count travels with the hash, so it can be raised for new hashes without invalidating old
 * ones. Comparison is in constant time. Neither the password nor the hash is ever part of a message.
 */
public final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new hash of the password with a fresh random salt. */
    public static String hash(char[] password, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations, not " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * Reads a stored hash. The message of a refusal names the setting and what is wrong with its form,
     * never the value.
     *
     * @param setting the configuration key the hash came from, for the message
     */
    public static PasswordHash parse(String setting, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$", -1);
        if (parts.length != 4 || !SCHEME.equals(parts[0]) || !parts[1].matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(setting + " is not a password hash of the form " + SCHEME
                    + "$<iterations>$<salt>$<hash>: make one with `java -jar c2c-gateway.jar hash-password`");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = base64(parts[2]);
        byte[] hash = base64(parts[3]);
        if (iterations < MIN_ITERATIONS || salt == null || salt.length < 8 || hash == null || hash.length != HASH_BITS / 8) {
            throw new IllegalArgumentException(setting + " is a weak or damaged password hash (it needs at least "
                    + MIN_ITERATIONS + " iterations, 8 bytes of salt and a 256-bit hash, in base64)");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the password is the one hashed; always does the full work, and compares in constant time. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java 17 platform", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return SCHEME + " (" + iterations + " iterations)"; // never the salt or the hash
    }
}
