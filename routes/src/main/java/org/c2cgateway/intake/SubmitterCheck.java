package org.c2cgateway.intake;

import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Who may submit over the channel the engine serves itself, the SOAP service. The engine hands over the
 * request's credentials and the gateway decides, from its own configuration of national systems; so the
 * same accounts hold on every channel and the engine knows nothing of how they are kept.
 */
@FunctionalInterface
public interface SubmitterCheck {

    /**
     * @param authorization     the request's {@code Authorization} header, if any (it decides alone when present)
     * @param clientCertificate the TLS client certificate of the connection, already verified against the trust store
     */
    Verdict check(Optional<String> authorization, Optional<X509Certificate> clientCertificate);

    /** Whether the submitter was let in, and if not, why: for the fault and the HTTP status. */
    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    /**
     * @param caller    the submitter's configured name, when known
     * @param reason    why it was refused, naming what is missing (never a credential)
     * @param challenge the {@code WWW-Authenticate} value of an unauthenticated refusal
     */
    record Verdict(Outcome outcome, String caller, String reason, String challenge) {

        public static Verdict allowed(String caller) {
            return new Verdict(Outcome.ALLOWED, caller, null, null);
        }

        public static Verdict unauthenticated(String reason, String challenge) {
            return new Verdict(Outcome.UNAUTHENTICATED, null, reason, challenge);
        }

        public static Verdict forbidden(String caller, String reason) {
            return new Verdict(Outcome.FORBIDDEN, caller, reason, null);
        }
    }
}
