package org.c2cgateway.intake;

import java.io.IOException;
import java.security.GeneralSecurityException;

import javax.xml.namespace.QName;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.component.cxf.jaxws.DefaultSEI;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.c2cgateway.transport.TlsMaterial;

/**
 * The national SOAP submission service: a Camel CXF endpoint on CXF's Jetty transport, on a port of
 * its own, over HTTPS with the gateway's TLS key (a client certificate is asked for, not required).
 * It is described by {@link #WSDL}, which CXF serves at {@code ?wsdl}, and runs in RAW mode like the
 * AS4 endpoint: the route reads the envelope with the same hardened parser rules as every other input
 * and answers every failure with a fault that lists the findings.
 *
 * <p>Its own CXF bus, so several gateways can share one JVM (the tests do).
 */
public final class SoapSubmissionEndpoint implements AutoCloseable {

    public static final String WSDL = "wsdl/c2c-national-submission-v1.wsdl";
    static final QName SERVICE = new QName(SubmissionOutcome.NAMESPACE, "NationalSubmissionService");
    static final QName PORT = new QName(SubmissionOutcome.NAMESPACE, "NationalSubmissionPort");

    private final Bus bus;
    private final CxfEndpoint endpoint;
    private final int port;

    private SoapSubmissionEndpoint(Bus bus, CxfEndpoint endpoint, int port) {
        this.bus = bus;
        this.endpoint = endpoint;
        this.port = port;
    }

    public static SoapSubmissionEndpoint open(CamelContext camel, String host, int port, String path, TlsMaterial tls) {
        Bus bus = BusFactory.newInstance().createBus();
        try {
            bus.getExtension(JettyHTTPServerEngineFactory.class).setTLSServerParametersForPort(host, port, serverTls(tls));
        } catch (GeneralSecurityException | IOException e) {
            bus.shutdown(false);
            throw new IllegalStateException("cannot configure TLS for the SOAP submission endpoint on port " + port
                    + ": " + e.getMessage(), e);
        }
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress("https://" + host + ":" + port + path);
        endpoint.setWsdlURL("classpath:" + WSDL);
        endpoint.setServiceNameAsQName(SERVICE);
        endpoint.setPortNameAsQName(PORT);
        endpoint.setDataFormat(DataFormat.RAW);
        endpoint.setServiceClass(DefaultSEI.class);
        return new SoapSubmissionEndpoint(bus, endpoint, port);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    private static TLSServerParameters serverTls(TlsMaterial tls) {
        ClientAuthentication clientAuth = new ClientAuthentication();
        clientAuth.setWant(true);
        clientAuth.setRequired(false);
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
