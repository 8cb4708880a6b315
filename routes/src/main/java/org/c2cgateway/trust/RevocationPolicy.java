package org.c2cgateway.trust;

/** What to do with a certificate whose CA's CRL cannot be loaded or has gone stale. */
public enum RevocationPolicy {
    /** Refuse it: revocation status unknown. The default: a revoked key must not get in while a CRL server is down. */
    FAIL_CLOSED,
    /** Accept it, with a warning in the log and in the trace naming the CA and why its CRL is missing. */
    FAIL_OPEN
}
