package org.c2cgateway.app.access;

import java.util.Optional;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/**
 * The console's session cookie and the header its pages send. The cookie is out of reach of scripts
 * ({@code HttpOnly}), sent over TLS only, never by another site's request ({@code SameSite=Strict}), and lives
 * as long as the browser does; the server ends the session itself (idle and absolute timeouts).
 */
public final class SessionCookie {

    public static final String NAME = "c2c_session";
    /** The anti-CSRF header: required, with the session's token, on every request other than GET and HEAD. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /**
     * Sent by the console's scripts on every call: a 401 then carries no Basic challenge (the browser would
     * open its own password dialog), and another site cannot send it without a CORS preflight, which fails.
     */
    public static final String CONSOLE_HEADER = "X-C2C-Console";

    private SessionCookie() {
    }

    public static Cookie of(String token) {
        return Cookie.of(NAME, token).httpOnly(true).secure(true).sameSite(SameSite.Strict).path("/");
    }

    /** The cookie that makes the browser drop the session cookie. */
    public static Cookie cleared() {
        return of("").maxAge(0);
    }

    public static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** Whether the request may change state: the safe methods need no anti-CSRF token. */
    public static boolean safe(HttpRequest<?> request) {
        String method = request.getMethodName();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    public static boolean fromConsole(HttpRequest<?> request) {
        return request.getHeaders().contains(CONSOLE_HEADER);
    }
}
