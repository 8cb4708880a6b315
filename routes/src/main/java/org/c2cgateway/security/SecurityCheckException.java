package org.c2cgateway.security;

/**
 * A message failed a WS-Security check, with the reason classified so that the ebMS layer can
 * report the real cause (ebMS error codes 0101/0102/0103) instead of one generic failure.
 */
public final class SecurityCheckException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the check failed. */
    public enum Reason {
        /** Required protection missing or weak algorithms used (ebMS 0103). */
        POLICY_VIOLATION,
        /** Signature invalid, or signer not the expected party (ebMS 0101). */
        AUTHENTICATION_FAILED,
        /** Encrypted content could not be decrypted (ebMS 0102). */
        DECRYPTION_FAILED
    }

    private final Reason reason;

    public SecurityCheckException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public SecurityCheckException(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
