package org.c2cgateway.transport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;

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
import org.apache.cxf.security.transport.TLSSessionInfo;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;

/**
 * The partner-facing AS4 endpoint: a Camel CXF endpoint on CXF's Jetty transport, on its own port,
 * that refuses any TLS connection without a client certificate from a trusted CA. It runs in RAW mode:
 * CXF carries the bytes, and the engine's own WS-Security code reads them, because AS4 receipts need
 * the exact signature references and the real cause of every failure.
 *
 * <p>Each gateway has its own CXF bus, so several gateways can share one JVM (the tests do).
 */
public final class As4ServerEndpoint implements AutoCloseable {

    private final Bus bus;
    private final CxfEndpoint endpoint;
    private final int port;

    private As4ServerEndpoint(Bus bus, CxfEndpoint endpoint, int port) {
        this.bus = bus;
        this.endpoint = endpoint;
        this.port = port;
    }

    public static As4ServerEndpoint open(CamelContext camel, String host, int port, String path, TlsMaterial tls) {
        Bus bus = BusFactory.newInstance().createBus();
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(host, port, mutualTls(tls));
        } catch (GeneralSecurityException | IOException e) {
            bus.shutdown(false);
            throw new IllegalStateException("cannot configure TLS for the AS4 endpoint on port " + port + ": " + e.getMessage(), e);
        }
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress("https://" + host + ":" + port + path);
        endpoint.setDataFormat(DataFormat.RAW);
        endpoint.setServiceClass(DefaultSEI.class);
        return new As4ServerEndpoint(bus, endpoint, port);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The client certificate the partner's TLS connection was made with, when CXF carried this request. */
    public static Optional<X509Certificate> tlsClientCertificate(Message request) {
        org.apache.cxf.message.Message cxf = request.getHeader(CxfConstants.CAMEL_CXF_MESSAGE, org.apache.cxf.message.Message.class);
        TLSSessionInfo tls = cxf == null ? null : cxf.get(TLSSessionInfo.class);
        Certificate[] peer = tls == null ? null : tls.getPeerCertificates();
        return peer != null && peer.length > 0 && peer[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
    }

    private static TLSServerParameters mutualTls(TlsMaterial tls) {
        ClientAuthentication clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(true);
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
