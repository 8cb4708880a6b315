package org.c2cgateway.app.access;

import java.util.List;
import java.util.Optional;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a refused request: 401 with the {@code WWW-Authenticate} challenges when the caller is unknown,
 * 403 when it is known but not allowed, both with a JSON body that says what the endpoint needs (read
 * from the same intercept-url-map that refused it) and never how the check went inside. Each refusal is
 * logged with the caller's address and configured name, never with what it presented.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessDeniedHandler.class);

    private final List<InterceptUrlMapPattern> rules;
    private final OwnCountryRule ownCountry;
    private final String realm;

    public AccessDeniedHandler(SecurityConfiguration security, OwnCountryRule ownCountry,
                               @Value("${micronaut.application.name:c2c-gateway}") String realm) {
        this.rules = security.getInterceptUrlMap();
        this.ownCountry = ownCountry;
        this.realm = realm;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        String method = request.getMethodName();
        String path = request.getPath();
        List<String> roles = requiredRoles(request).orElse(List.of());
        String requires = describe(roles);
        Authentication caller = exception.getAuthentication();
        if (caller == null) {
            boolean triedCredentials = request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
            String message = (triedCredentials
                    ? "the credentials in the Authorization header were not accepted"
                    : "no credentials: neither an Authorization header nor a known TLS client certificate")
                    + "; " + method + " " + path + " requires " + requires;
            LOG.warn("refused {} {} from {}: {}", method, path, request.getRemoteAddress(), message);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenges(roles))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new AccessRefusal("unauthenticated", message, method, path, requires));
        }
        String who = describe(caller);
        String message = ownCountry.isOtherCountry(caller)
                ? who + " may not use the APIs of " + ownCountry.country() + "'s gateway: a national system acts only for its own country"
                : who + " may not " + method + " " + path + ": it requires " + requires;
        LOG.warn("refused {} {} from {}: {}", method, path, request.getRemoteAddress(), message);
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new AccessRefusal("forbidden", message, method, path, requires));
    }

    /** The roles of the first matching rule: one for this method first, then one for any method (as the rule reads them). */
    private Optional<List<String>> requiredRoles(HttpRequest<?> request) {
        String path = request.getUri().getPath();
        Optional<InterceptUrlMapPattern> match = rules.stream()
                .filter(p -> p.getHttpMethod() != null && p.getHttpMethod().equals(request.getMethod()))
                .filter(p -> PathMatcher.ANT.matches(p.getPattern(), path)).findFirst();
        if (match.isEmpty()) {
            match = rules.stream().filter(p -> p.getHttpMethod() == null)
                    .filter(p -> PathMatcher.ANT.matches(p.getPattern(), path)).findFirst();
        }
        return match.map(InterceptUrlMapPattern::getAccess);
    }

    private String describe(List<String> roles) {
        if (roles.isEmpty() || roles.contains(SecurityRule.DENY_ALL)) {
            return "nothing: no access rule opens this path";
        }
        if (roles.contains(Caller.NATIONAL)) {
            return "the national system of " + ownCountry.country()
                    + ", authenticated by its TLS client certificate or its bearer token";
        }
        return "an operator login (HTTP Basic or bearer token) with the role " + String.join(" or ", roles);
    }

    private static String describe(Authentication caller) {
        Object country = caller.getAttributes().get(Caller.COUNTRY);
        return country != null
                ? "the national system '" + caller.getName() + "' of " + country
                : "'" + caller.getName() + "' (role " + String.join(", ", caller.getRoles()) + ")";
    }

    private String challenges(List<String> roles) {
        String bearer = "Bearer realm=\"" + realm + "\"";
        return roles.contains(Caller.NATIONAL) ? bearer : "Basic realm=\"" + realm + "\", charset=\"UTF-8\", " + bearer;
    }
}
