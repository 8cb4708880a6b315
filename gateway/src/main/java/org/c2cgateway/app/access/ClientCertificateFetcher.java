package org.c2cgateway.app.access;

import java.security.cert.X509Certificate;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Authenticates a national system by the TLS client certificate of its connection (the server has
 * already verified it against the national API's trust store). A request that carries an
 * {@code Authorization} header is judged by that header alone: wrong credentials are not rescued by a
 * certificate, and an operator's login on a national system's connection is the operator's.
 */
@Singleton
public class ClientCertificateFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final Callers callers;

    public ClientCertificateFetcher(Callers callers) {
        this.callers = callers;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            return Publishers.empty();
        }
        return request.getCertificate()
                .filter(X509Certificate.class::isInstance)
                .flatMap(certificate -> callers.byCertificate((X509Certificate) certificate))
                .map(caller -> Publishers.just(caller.authentication()))
                .orElseGet(Publishers::empty);
    }
}
