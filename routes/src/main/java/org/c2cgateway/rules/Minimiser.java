package org.c2cgateway.rules;

/**
 * Data minimisation: keeps what a {@link DataSharing} clause allows, pseudonymises what it marks, removes the
 * rest, in one streaming pass.
 */
public final class Minimiser {

    private final Pseudonymiser pseudonymiser;

    public Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /**
     * @param xml     a schema-valid notification
     * @param sharing the clause for its type
     * @param partner the partner the result is for (pseudonyms are per partner)
     */
    public MinimisedNotification minimise(byte[] xml, DataSharing sharing, String partner) {
        throw new UnsupportedOperationException("helper B implements this");
    }
}
