package org.c2cgateway.app.console;

import java.net.InetAddress;
import java.util.Optional;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.app.access.Caller;
import org.c2cgateway.app.access.Callers;
import org.c2cgateway.app.access.OperatorSessions;
import org.c2cgateway.app.access.SessionCookie;
import org.c2cgateway.trace.AccessChannel;
import org.c2cgateway.trace.AccessRefusals;
import org.c2cgateway.trace.RefusedAccess;

/**
 * The console's login: the operator's password is checked once (PBKDF2, slow by design, so on the blocking
 * executor) and exchanged for a session cookie; logout ends the session on every node. A refused login says
 * neither whether the user exists nor which part was wrong.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleLoginController {

    static final String REFUSED = "The user name or the password is not accepted.";

    private final Callers callers;
    private final OperatorSessions sessions;
    private final AccessRefusals refusals;

    public ConsoleLoginController(Callers callers, OperatorSessions sessions, AccessRefusals refusals) {
        this.callers = callers;
        this.sessions = sessions;
        this.refusals = refusals;
    }

    @Post(uri = "/login", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> login(HttpRequest<?> request, @Body Login login) {
        if (!SessionCookie.fromConsole(request)) {
            return HttpResponse.badRequest(new Refused("the login is made by the console's page (header "
                    + SessionCookie.CONSOLE_HEADER + ")"));
        }
        Optional<Caller> operator = login.username() == null || login.password() == null ? Optional.empty()
                : callers.byPassword(login.username(), login.password().toCharArray());
        if (operator.isEmpty()) {
            traceRefusal(request);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new Refused(REFUSED));
        }
        String token = sessions.open(operator.get());
        return HttpResponse.ok(new Session(operator.get().name(), operator.get().role(),
                OperatorSessions.csrfToken(token))).cookie(SessionCookie.of(token));
    }

    /** Kept with the API's refused calls (a run of them is a password being guessed); never the name or password tried. */
    private void traceRefusal(HttpRequest<?> request) {
        InetAddress address = request.getRemoteAddress().getAddress();
        refusals.refused(RefusedAccess.now(AccessChannel.REST, address == null ? null : address.getHostAddress(),
                request.getMethodName(), request.getPath(), null, null, null, null, RefusedAccess.UNAUTHENTICATED,
                "console login refused: the user name or the password is not accepted"));
    }

    /** Who is logged in, and the anti-CSRF token the page sends with state-changing calls. */
    @Get(uri = "/session", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<Session> session(HttpRequest<?> request, Authentication operator) {
        return SessionCookie.token(request)
                .map(token -> HttpResponse.ok(new Session(operator.getName(), String.join(",", operator.getRoles()),
                        OperatorSessions.csrfToken(token))))
                .orElseGet(() -> HttpResponse.status(HttpStatus.UNAUTHORIZED));
    }

    @Post(uri = "/logout")
    public HttpResponse<?> logout(HttpRequest<?> request) {
        SessionCookie.token(request).ifPresent(sessions::close);
        return HttpResponse.noContent().cookie(SessionCookie.cleared());
    }

    @Serdeable
    public record Login(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    public record Session(String user, String role, String csrfToken) {
    }

    @Serdeable
    public record Refused(String message) {
    }
}
