package org.c2cgateway.app.access;

import java.security.cert.X509Certificate;
import java.util.Optional;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.intake.SubmitterCheck;

/**
 * The SOAP channel's check, with the REST API's rules: the {@code Authorization} header decides alone when
 * present (a bearer token), otherwise the TLS client certificate; the caller must be the national system
 * of this gateway's country.
 */
@Singleton
public class NationalSubmitterCheck implements SubmitterCheck {

    private static final String BEARER = "Bearer ";

    private final Callers callers;
    private final String country;
    private final String challenge;

    public NationalSubmitterCheck(Callers callers, GatewayConfiguration gateway,
                                  @Value("${micronaut.application.name:c2c-gateway}") String realm) {
        this.callers = callers;
        this.country = gateway.country();
        this.challenge = "Bearer realm=\"" + realm + "\"";
    }

    @Override
    public Verdict check(Optional<String> authorization, Optional<X509Certificate> clientCertificate) {
        Optional<Caller> caller;
        if (authorization.isPresent()) {
            String value = authorization.get();
            caller = value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? callers.byToken(value.substring(BEARER.length()).trim()) : Optional.empty();
            if (caller.isEmpty()) {
                return Verdict.unauthenticated("the credentials in the Authorization header were not accepted; submitting "
                        + "requires the national system of " + country + ", by its bearer token or TLS client certificate", challenge);
            }
        } else {
            caller = clientCertificate.flatMap(callers::byCertificate);
            if (caller.isEmpty()) {
                return Verdict.unauthenticated("no credentials: submitting requires the national system of " + country
                        + ", by its TLS client certificate or a bearer token", challenge);
            }
        }
        Caller known = caller.get();
        if (!known.national()) {
            return Verdict.forbidden(known.name(), "'" + known.name() + "' (role " + known.role()
                    + ") may not submit: only the national system of " + country + " may");
        }
        if (!country.equals(known.country())) {
            return Verdict.forbidden(known.name(), "the national system '" + known.name() + "' of " + known.country()
                    + " may not submit to " + country + "'s gateway: a national system acts only for its own country");
        }
        return Verdict.allowed(known.name());
    }
}
