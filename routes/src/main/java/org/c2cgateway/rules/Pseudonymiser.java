package org.c2cgateway.rules;

/**
 * Replaces a value by a keyed one-way hash, stable per partner: the same name always gives the same
 * pseudonym to the same partner (so its officers can link movements of one trader), and different
 * pseudonyms to different partners (so partners cannot link theirs).
 */
public final class Pseudonymiser {

    /** @param key the gateway's secret pseudonymisation key (at least 32 bytes) */
    public Pseudonymiser(byte[] key) {
        throw new UnsupportedOperationException("helper B implements this");
    }

    /** The pseudonym of {@code value} for {@code partner}: {@code PSN-} and 16 base32 characters. */
    public String pseudonym(String partner, String value) {
        throw new UnsupportedOperationException("helper B implements this");
    }
}
