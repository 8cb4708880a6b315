package org.c2cgateway.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data minimisation: keeps what a {@link DataSharing} clause allows, pseudonymises what it marks, removes the
 * rest, in one streaming pass.
 *
 * <p>Each clause is compiled once into an {@link ElementPolicy} and cached by the identity of its two lists: they
 * live as long as the rule set that holds them, hashing them whole on every message would cost more than the
 * look-up saves, and a clause derived per message from a loaded one (the inbound check drops the
 * pseudonymisation list but keeps the allow-list instance) still finds its policy. A reload brings new lists;
 * the cache is emptied when it outgrows any plausible number of clauses in force, so old ones do not pile up.
 *
 * <p>Thread-safe and meant to be shared.
 */
public final class Minimiser {

    private static final int MAX_CACHED_POLICIES = 256;

    private final Pseudonymiser pseudonymiser;
    private final Map<ListsIdentity, ElementPolicy> policies = new ConcurrentHashMap<>();

    public Minimiser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
    }

    /**
     * @param xml     a schema-valid notification
     * @param sharing the clause for its type
     * @param partner the partner the result is for (pseudonyms are per partner)
     * @return the document to send, and what was done to each element: every leaf of the input is accounted for
     *         once, as kept (verbatim), pseudonymised, or inside a removed subtree
     * @throws IllegalArgumentException if the document is not well-formed, is not of the clause's type, or
     *                                  a pseudonymisation entry names an element with children
     */
    public MinimisedNotification minimise(byte[] xml, DataSharing sharing, String partner) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(partner, "partner");
        return new MinimisingPass(policy(sharing), sharing, value -> pseudonymiser.pseudonym(partner, value)).run(xml);
    }

    private ElementPolicy policy(DataSharing sharing) {
        Objects.requireNonNull(sharing, "sharing");
        ListsIdentity key = new ListsIdentity(sharing.allow(), sharing.pseudonymise());
        ElementPolicy policy = policies.get(key);
        if (policy == null) {
            if (policies.size() >= MAX_CACHED_POLICIES) {
                policies.clear();
            }
            policy = policies.computeIfAbsent(key, k -> ElementPolicy.of(sharing));
        }
        return policy;
    }

    /** A clause's lists as a map key by identity (see the class comment); all a policy depends on. */
    private record ListsIdentity(List<ElementRule> allow, List<ElementRule> pseudonymise) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ListsIdentity that && that.allow == allow && that.pseudonymise == pseudonymise;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(allow) + System.identityHashCode(pseudonymise);
        }
    }
}
