package org.c2cgateway.trust;

/**
 * Why a partner's certificate is refused. A closed list, so that an operator, a partner reading our
 * ebMS error and a test all see the same cause; the finding's detail adds the date, the CA or the
 * constraint that was not met.
 */
public enum RefusalReason {
    /** Not signed by any issuing CA configured for the partner (name and signature both checked). */
    UNTRUSTED_ISSUER("not issued by a CA trusted for this partner"),
    /** Issued by a trusted CA, but neither pinned nor matching the subject constraint for this partner and use. */
    NOT_ACCEPTED("not accepted for this partner"),
    EXPIRED("expired"),
    NOT_YET_VALID("not yet valid"),
    /** Listed on its CA's current CRL. */
    REVOKED("revoked"),
    /** The CA's CRL could not be loaded or is stale, and the policy is to fail closed. */
    REVOCATION_UNKNOWN("revocation status unknown"),
    /** RSA or DSA under 2048 bits, EC under 256 bits. */
    WEAK_KEY("key too weak"),
    /** Key usage or extended key usage does not allow this use. */
    WRONG_KEY_USAGE("wrong key usage");

    private final String description;

    RefusalReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
