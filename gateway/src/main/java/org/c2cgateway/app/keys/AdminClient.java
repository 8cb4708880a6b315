package org.c2cgateway.app.keys;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.net.ssl.SSLContext;

/**
 * The commands' side of the operator and admin APIs ({@code keys}, {@code trace}): HTTPS with the gateway's own TLS
 * material (its key as the client certificate, its trust store for the server's) or a trust store alone, and the
 * caller's credentials from the environment, never from the command line: {@code C2C_ADMIN_TOKEN} as a bearer token,
 * or {@code C2C_ADMIN_USER} and {@code C2C_ADMIN_PASSWORD} for HTTP Basic.
 */
public final class AdminClient {

    public static final String TOKEN_VARIABLE = "C2C_ADMIN_TOKEN";
    static final String USER_VARIABLE = "C2C_ADMIN_USER";
    static final String PASSWORD_VARIABLE = "C2C_ADMIN_PASSWORD";

    /** What the gateway answered. */
    public record Answer(int status, String body) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI gateway;
    private final HttpClient http;
    private final String authorization;

    public AdminClient(URI gateway, SSLContext tls, Map<String, String> environment) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = authorization(environment);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET());
    }

    Answer post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(1)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static String authorization(Map<String, String> environment) {
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            return "Bearer " + token;
        }
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (user != null && password != null) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }
}
