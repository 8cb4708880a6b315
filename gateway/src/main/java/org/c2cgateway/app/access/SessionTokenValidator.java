package org.c2cgateway.app.access;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Authenticates a request by its console session cookie, with the role the operator logged in with, so the
 * intercept-url-map applies to the console as to Basic and bearer logins. A state-changing request must also
 * carry the session's anti-CSRF token; without it the cookie authenticates nothing. Only the cookie's own value
 * is looked up (a bearer token is never taken for a session), on the blocking executor, as it reads the database.
 */
@Singleton
public class SessionTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final OperatorSessions sessions;
    private final ExecutorService blocking;

    public SessionTokenValidator(OperatorSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!SessionCookie.token(request).filter(token::equals).isPresent()) {
            return Publishers.empty();
        }
        if (!SessionCookie.safe(request)
                && !OperatorSessions.csrfMatches(token, request.getHeaders().get(SessionCookie.CSRF_HEADER))) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(
                () -> sessions.caller(token).map(Caller::authentication).orElse(null), blocking));
    }
}
