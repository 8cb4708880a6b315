package org.c2cgateway.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.cxf.jaxws.DefaultSEI;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;

/**
 * An HTTPS endpoint served by Camel CXF on CXF's Jetty transport, on a port of its own: the partner AS4
 * endpoint (client certificate required) and the national SOAP service (client certificate requested).
 * It runs in RAW mode: CXF carries the bytes, and the engine's own code reads them, because AS4 receipts
 * need the exact signature references and every failure must be answered with its real cause.
 *
 * <p>Each endpoint has its own CXF bus, so several gateways can share one JVM (the tests do).
 *
 * <p>A route may refuse a request before reading all of its body (one that is too large, say). CXF would
 * then read the rest into a temporary file before answering, however large it is; here it reads and
 * discards at most {@code 16 MB} of it instead (so a sender whose body was nearly done still gets the
 * answer) and the connection is closed after that. ({@code Expect: 100-continue} does not spare the
 * upload: Jetty sends the {@code 100} as soon as CXF takes the request's input stream, before any route
 * has seen the request.)
 */
public final class CxfHttpsEndpoint implements AutoCloseable {

    /** Whether a TLS client certificate from a trusted CA is a condition of the connection, or only asked for. */
    public enum ClientCertificates { REQUIRED, REQUESTED }

    private final Bus bus;
    private final CxfEndpoint endpoint;
    private final int port;

    private CxfHttpsEndpoint(Bus bus, CxfEndpoint endpoint, int port) {
        this.bus = bus;
        this.endpoint = endpoint;
        this.port = port;
    }

    /**
     * @param describe sets what else the endpoint needs (a WSDL, service and port names); may do nothing
     */
    public static CxfHttpsEndpoint open(CamelContext camel, String host, int port, String path, TlsMaterial tls,
                                        ClientCertificates clientCertificates, Consumer<CxfEndpoint> describe) {
        Bus bus = BusFactory.newInstance().createBus();
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class)
                    .setTLSServerParametersForPort(host, port, serverTls(tls, clientCertificates));
        } catch (GeneralSecurityException | IOException e) {
            bus.shutdown(false);
            throw new IllegalStateException("cannot configure TLS for " + path + " on port " + port + ": " + e.getMessage(), e);
        }
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress("https://" + host + ":" + port + path);
        endpoint.setDataFormat(DataFormat.RAW);
        endpoint.setServiceClass(DefaultSEI.class);
        endpoint.getInInterceptors().add(new DiscardUnreadInput());
        describe.accept(endpoint);
        return new CxfHttpsEndpoint(bus, endpoint, port);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The client certificate the partner's TLS connection was made with, when CXF carried this request. */
    public static Optional<X509Certificate> tlsClientCertificate(Message request) {
        org.apache.cxf.message.Message cxf = cxfMessage(request);
        TLSSessionInfo tls = cxf == null ? null : cxf.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        return peer != null && peer.length > 0 && peer[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
    }

    /** A header of the HTTP request CXF carried, as sent (the first value when repeated). */
    public static Optional<String> requestHeader(Message request, String name) {
        org.apache.cxf.message.Message cxf = cxfMessage(request);
        Object headers = cxf == null ? null : cxf.get(org.apache.cxf.message.Message.PROTOCOL_HEADERS);
        if (headers instanceof java.util.Map<?, ?> map) {
            for (java.util.Map.Entry<?, ?> header : map.entrySet()) {
                if (name.equalsIgnoreCase(String.valueOf(header.getKey())) && header.getValue() instanceof java.util.List<?> values
                        && !values.isEmpty()) {
                    return Optional.of(String.valueOf(values.get(0)));
                }
            }
        }
        return Optional.empty();
    }

    /** The address of the peer that sent this request, when CXF carried it. */
    public static Optional<String> remoteAddress(Message request) {
        return servletRequest(request).map(HttpServletRequest::getRemoteAddr);
    }

    /** The Content-Length the request declared; empty when it declared none (a chunked body) or CXF did not carry it. */
    public static OptionalLong declaredContentLength(Message request) {
        long length = servletRequest(request).map(HttpServletRequest::getContentLengthLong).orElse(-1L);
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }

    private static org.apache.cxf.message.Message cxfMessage(Message request) {
        return request.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class);
    }

    private static Optional<HttpServletRequest> servletRequest(Message request) {
        org.apache.cxf.message.Message cxf = cxfMessage(request);
        return cxf != null && cxf.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest http
                ? Optional.of(http) : Optional.empty();
    }

    /**
     * Tells CXF not to cache what the route left unread when the answer goes out: without it, CXF copies all
     * of the remaining request body into a temporary file first.
     */
    private static final class DiscardUnreadInput extends AbstractPhaseInterceptor<org.apache.cxf.message.Message> {

        /** CXF's switch, read by its HTTP destination when it sends the answer. */
        private static final String CACHE_INPUT = "cxf.io.cacheinput";

        DiscardUnreadInput() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(org.apache.cxf.message.Message message) {
            message.getExchange().put(CACHE_INPUT, Boolean.FALSE);
        }
    }

    private static TLSServerParameters serverTls(TlsMaterial tls, ClientCertificates clientCertificates) {
        ClientAuthentication clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(clientCertificates == ClientCertificates.REQUIRED);
        TLSServerParameters parameters = new TLSServerParameters();
        parameters.setKeyManagers(tls.keyManagers());
        parameters.setTrustManagers(tls.trustManagers());
        parameters.setClientAuthentication(clientAuth);
        parameters.getIncludeProtocols().add("TLSv1.3");
        parameters.getIncludeProtocols().add("TLSv1.2");
        return parameters;
    }

    @Override
    public void close() {
        bus.shutdown(true);
        // CXF keeps Jetty engines in a JVM-wide registry by port; release ours so the port can be bound again
        JettyHTTPServerEngineFactory.destroyForPort(port);
    }
}
