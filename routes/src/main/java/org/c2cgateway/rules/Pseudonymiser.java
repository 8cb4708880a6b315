package org.c2cgateway.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a value by a keyed one-way hash, stable per partner: the same name always gives the same
 * pseudonym to the same partner (so its officers can link movements of one trader), and different
 * pseudonyms to different partners (so partners cannot link theirs).
 *
 * <p>HMAC-SHA256 over {@code partner NUL value}: the NUL keeps {@code ("MK", "X…")} and {@code ("M", "KX…")}
 * apart, and the key keeps a partner from confirming a guessed name by hashing it. Eighty bits of the MAC
 * ({@code PSN-} and 16 base32 characters) make an accidental collision between two traders negligible.
 *
 * <p>Thread-safe: each thread keeps its own {@link Mac} (instances are not thread-safe, and looking one up
 * and keying it costs more than the MAC of a name).
 */
public final class Pseudonymiser {

    /** HMAC-SHA256's own block of strength: a shorter secret would be the weakest link. */
    public static final int MIN_KEY_BYTES = 32;

    static final String PREFIX = "PSN-";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int BASE32_CHARS = 16;
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param key the gateway's secret pseudonymisation key (at least 32 bytes) */
    public Pseudonymiser(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key has " + key.length + " bytes; it needs at least "
                    + MIN_KEY_BYTES + " (HMAC-SHA256 key of the data-sharing pseudonymise rule)");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        newMac(); // fail at start-up, not on the first notification, if the JDK lacks the algorithm
    }

    /** The pseudonym of {@code value} for {@code partner}: {@code PSN-} and 16 base32 characters. */
    public String pseudonym(String partner, String value) {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(value, "value");
        Mac mac = macs.get(); // doFinal leaves it reset for the next call
        mac.update(partner.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return PREFIX + base32(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), BASE32_CHARS);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("pseudonymisation key refused by " + ALGORITHM, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        }
    }

    /** The first {@code chars} characters of the RFC 4648 base32 encoding of {@code bytes} (no padding). */
    static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < bytes.length && out.length() < chars; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xFF);
            bits += 8;
            while (bits >= 5 && out.length() < chars) {
                out.append(BASE32[(buffer >> (bits - 5)) & 0x1F]);
                bits -= 5;
            }
        }
        if (bits > 0 && out.length() < chars) {
            out.append(BASE32[(buffer << (5 - bits)) & 0x1F]);
        }
        return out.toString();
    }
}
