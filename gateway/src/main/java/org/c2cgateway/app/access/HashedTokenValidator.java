package org.c2cgateway.app.access;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Bearer tokens ({@code Authorization: Bearer …}, read by Micronaut Security's token fetcher) of national
 * systems and operators: opaque random values, checked against the SHA-256 digests in the configuration.
 */
@Singleton
public class HashedTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final Callers callers;

    public HashedTokenValidator(Callers callers) {
        this.callers = callers;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return callers.byToken(token).map(caller -> Publishers.just(caller.authentication())).orElseGet(Publishers::empty);
    }
}
