package org.c2cgateway.app.access;

import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

/** Hands the console's session cookie to Micronaut Security as a token, beside the bearer header. */
@Singleton
public class SessionTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return SessionCookie.token(request);
    }
}
