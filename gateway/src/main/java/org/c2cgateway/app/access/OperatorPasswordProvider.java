package org.c2cgateway.app.access;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * HTTP Basic logins of operators (read by Micronaut Security's basic-auth fetcher). A PBKDF2 check takes
 * a good part of a second by design, so it runs on the blocking executor, never on the event loop.
 */
@Singleton
public class OperatorPasswordProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final Callers callers;

    public OperatorPasswordProvider(Callers callers) {
        this.callers = callers;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        char[] password = login.getSecret() == null ? new char[0] : login.getSecret().toCharArray();
        return callers.byPassword(login.getIdentity(), password)
                .map(caller -> AuthenticationResponse.success(caller.name(), java.util.List.of(caller.role())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
