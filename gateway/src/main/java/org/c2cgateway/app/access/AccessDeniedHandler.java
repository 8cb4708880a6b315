package org.c2cgateway.app.access;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.config.SecurityConfiguration;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.c2cgateway.trace.AccessChannel;
import org.c2cgateway.trace.AccessRefusals;
import org.c2cgateway.trace.RefusedAccess;

/**
 * Answers a refused request: 401 with the {@code WWW-Authenticate} challenges when the caller is unknown,
 * 403 when it is known but not allowed, both with a JSON body that says what the endpoint needs (read
 * from the same intercept-url-map that refused it) and never how the check went inside. Each refusal is
 * traced ({@link AccessRefusals}) with the caller's address and configured name, never with what it
 * presented; the write runs on the blocking executor, so a slow database never holds an event loop.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class AccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private static final String CONSOLE_LOGIN = "/console/login.html";

    private final List<InterceptUrlMapPattern> rules;
    private final OwnCountryRule ownCountry;
    private final String realm;
    private final AccessRefusals refusals;
    private final Executor blocking;

    public AccessDeniedHandler(SecurityConfiguration security, OwnCountryRule ownCountry,
                               @Value("${micronaut.application.name:c2c-gateway}") String realm, AccessRefusals refusals,
                               @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.rules = security.getInterceptUrlMap();
        this.ownCountry = ownCountry;
        this.realm = realm;
        this.refusals = refusals;
        this.blocking = blocking;
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
            trace(request, null, RefusedAccess.UNAUTHENTICATED, message);
            if (consolePage(request)) {
                return HttpResponse.seeOther(URI.create(CONSOLE_LOGIN));
            }
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, SessionCookie.fromConsole(request) ? bearer() : challenges(roles))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new AccessRefusal("unauthenticated", message, method, path, requires));
        }
        String who = describe(caller);
        String message = ownCountry.isOtherCountry(caller)
                ? who + " may not use the APIs of " + ownCountry.country() + "'s gateway: a national system acts only for its own country"
                : who + " may not " + method + " " + path + ": it requires " + requires;
        trace(request, caller, RefusedAccess.FORBIDDEN, message);
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new AccessRefusal("forbidden", message, method, path, requires));
    }

    /** Keeps the refusal: the caller as identified, if at all, and the subject of its certificate; never a credential. */
    private void trace(HttpRequest<?> request, Authentication caller, int status, String message) {
        InetAddress address = request.getRemoteAddress().getAddress();
        String subject = request.getCertificate().filter(X509Certificate.class::isInstance)
                .map(c -> ((X509Certificate) c).getSubjectX500Principal().getName()).orElse(null);
        Object country = caller == null ? null : caller.getAttributes().get(Caller.COUNTRY);
        RefusedAccess refusal = RefusedAccess.now(AccessChannel.REST, address == null ? null : address.getHostAddress(),
                request.getMethodName(), request.getPath(), caller == null ? null : caller.getName(),
                caller == null ? null : String.join(",", caller.getRoles()), country == null ? null : country.toString(),
                subject, status, message);
        blocking.execute(() -> refusals.refused(refusal));
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
        return roles.contains(Caller.NATIONAL) ? bearer() : "Basic realm=\"" + realm + "\", charset=\"UTF-8\", " + bearer();
    }

    /** The only challenge a console script gets: a Basic one would make the browser open its own password dialog. */
    private String bearer() {
        return "Bearer realm=\"" + realm + "\"";
    }

    /** A console page opened without a login: the browser is sent to the login page rather than shown JSON. */
    private static boolean consolePage(HttpRequest<?> request) {
        return request.getPath().startsWith("/console/") && SessionCookie.safe(request)
                && !SessionCookie.fromConsole(request);
    }
}
