package org.c2cgateway.rules;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data minimisation: keeps what a {@link DataSharing} clause allows, pseudonymises what it marks, removes the
 * rest, in one streaming pass.
 *
 * <p>Each clause is compiled once into an {@link ElementPolicy} and cached by identity: the clause objects
 * live as long as the rule set that holds them, and hashing a whole record on every message would cost more
 * than the look-up saves. A reload brings new clauses; the cache is emptied when it outgrows any plausible
 * number of clauses in force, so old ones do not pile up.
 *
 * <p>Thread-safe and meant to be shared.
 */
public final class Minimiser {

    private static final int MAX_CACHED_POLICIES = 256;

    private final Pseudonymiser pseudonymiser;
    private final Map<ClauseIdentity, ElementPolicy> policies = new ConcurrentHashMap<>();

    public Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
    }

    /**
     * @param xml     a schema-valid notification
     * @param sharing the clause for its type
     * @param partner the partner the result is for (pseudonyms are per partner)
     * @throws IllegalArgumentException if the document is not well-formed, is not of the clause's type, or
     *                                  a pseudonymisation entry names an element with children
     */
    public MinimisedNotification minimise(byte[] xml, DataSharing sharing, String partner) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(partner, "partner");
        return new MinimisingPass(policy(sharing), sharing, value -> pseudonymiser.pseudonym(partner, value)).run(xml);
    }

    private ElementPolicy policy(DataSharing sharing) {
        ClauseIdentity key = new ClauseIdentity(Objects.requireNonNull(sharing, "sharing"));
        ElementPolicy policy = policies.get(key);
        if (policy == null) {
            if (policies.size() >= MAX_CACHED_POLICIES) {
                policies.clear();
            }
            policy = policies.computeIfAbsent(key, k -> ElementPolicy.of(k.sharing()));
        }
        return policy;
    }

    /** A clause as a map key by identity (see the class comment). */
    private record ClauseIdentity(DataSharing sharing) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ClauseIdentity that && that.sharing == sharing;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(sharing);
        }
    }
}
