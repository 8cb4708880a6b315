package org.c2cgateway.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Whether a partner's AS4 endpoint is reachable, by a TCP connection and a mutual-TLS handshake with it and
 * nothing more. No HTTP request is sent, so the partner's gateway sees no request to refuse, trace or log, however
 * often this runs; the handshake still proves its server certificate chains to a CA this gateway trusts, for the
 * endpoint's host name.
 */
public final class TlsHandshakeProbe implements PartnerProbe {

    private static final int HTTPS_PORT = 443;

    private final SSLContext tls;
    private final int timeoutMillis;

    public TlsHandshakeProbe(TlsMaterial material, Duration timeout) {
        this.tls = material.clientContext();
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public void probe(URI endpoint) throws IOException {
        int port = endpoint.getPort() < 0 ? HTTPS_PORT : endpoint.getPort();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(endpoint.getHost(), port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis); // bounds the handshake too: a server that accepts and stays silent
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, endpoint.getHost(), port, false)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                socket.startHandshake();
            }
        }
    }
}
