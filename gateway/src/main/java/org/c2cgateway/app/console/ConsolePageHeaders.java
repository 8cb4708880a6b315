package org.c2cgateway.app.console;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Browser protections for the console's pages: scripts, styles and calls from the gateway's own origin only
 * (no inline script, so an injected one does not run), never framed, no MIME sniffing, no referrer sent away,
 * and nothing an operator saw left in a shared cache.
 */
@ServerFilter("/console/**")
public class ConsolePageHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @ResponseFilter
    public void protect(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("X-Frame-Options", "DENY");
        response.header("Cache-Control", "no-store");
    }
}
