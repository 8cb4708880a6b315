package org.c2cgateway.intake;


import javax.xml.namespace.QName;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.c2cgateway.transport.CxfHttpsEndpoint;
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

    private final CxfHttpsEndpoint https;

    private SoapSubmissionEndpoint(CxfHttpsEndpoint https) {
        this.https = https;
    }

    public static SoapSubmissionEndpoint open(CamelContext camel, String host, int port, String path, TlsMaterial tls) {
        return new SoapSubmissionEndpoint(CxfHttpsEndpoint.open(camel, host, port, path, tls,
                CxfHttpsEndpoint.ClientCertificates.REQUESTED, endpoint -> {
                    endpoint.setWsdlURL("classpath:" + WSDL);
                    endpoint.setServiceNameAsQName(SERVICE);
                    endpoint.setPortNameAsQName(PORT);
                }));
    }

    public Endpoint endpoint() {
        return https.endpoint();
    }

    @Override
    public void close() {
        https.close();
    }
}
