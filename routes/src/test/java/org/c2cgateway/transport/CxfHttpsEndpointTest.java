package org.c2cgateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** The partner-facing endpoint over real TLS on loopback: mutual TLS enforced, raw bytes both ways, port released. */
class CxfHttpsEndpointTest {

    static final Path PKI = Path.of("../certs-dev/pki");
    static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void echoes_raw_bytes_over_mutual_tls_refuses_anonymous_clients_and_releases_its_port() throws Exception {
        int port = freePort();
        TlsMaterial mk = tls("mk");
        TlsMaterial rs = tls("rs");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CxfHttpsEndpoint endpoint = CxfHttpsEndpoint.open(camel, "127.0.0.1", port, "/as4", mk,
                    CxfHttpsEndpoint.ClientCertificates.REQUIRED, e -> { });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint.endpoint()).routeId("echo").process(exchange -> {
                        byte[] body = exchange.getMessage().getBody(byte[].class);
                        String client = CxfHttpsEndpoint.tlsClientCertificate(exchange.getMessage())
                                .map(c -> c.getSubjectX500Principal().getName()).orElse("none");
                        exchange.getMessage().removeHeaders("*");
                        exchange.getMessage().setBody((client + "|" + new String(body)).getBytes());
                        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
                        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
                    });
                }
            });
            camel.start();

            HttpResponse<String> response = post(rs.clientContext(), port, "multipart/related; boundary=x", "hello");
            assertEquals(202, response.statusCode());
            assertEquals("CN=RS customs gateway TLS,O=Customs administration RS,C=RS|hello", response.body());

            SSLContext anonymous = SSLContext.getInstance("TLSv1.3");
            anonymous.init(null, rs.trustManagers(), null);
            assertThrows(IOException.class, () -> post(anonymous, port, "text/plain", "no certificate"));

            camel.stop();
            endpoint.close();
        }
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, again.getLocalPort());
        }
    }

    /**
     * A route that answers without reading a large body: CXF would copy the rest of it into a temporary file
     * first, however large; here it drains at most 16 MB and closes. The sender's 256 MB is never all read.
     */
    @Test
    void a_body_the_route_leaves_unread_is_not_read_whole_and_the_request_is_described() throws Exception {
        int port = freePort();
        TlsMaterial mk = tls("mk");
        TlsMaterial rs = tls("rs");
        long total = 256L << 20;
        CountingZeros body = new CountingZeros(total);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            CxfHttpsEndpoint endpoint = CxfHttpsEndpoint.open(camel, "127.0.0.1", port, "/as4", mk,
                    CxfHttpsEndpoint.ClientCertificates.REQUIRED, e -> { });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint.endpoint()).routeId("refuse-unread").streamCache(false).process(exchange -> {
                        Message request = exchange.getMessage();
                        String described = CxfHttpsEndpoint.remoteAddress(request).orElse("?") + "|"
                                + CxfHttpsEndpoint.declaredContentLength(request);
                        request.removeHeaders("*");
                        request.setBody(described.getBytes());
                        request.setHeader(Exchange.CONTENT_TYPE, "text/plain");
                        request.setHeader(Exchange.HTTP_RESPONSE_CODE, 413);
                    });
                }
            });
            camel.start();

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(rs.clientContext()).build();
            HttpResponse<String> small = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/as4"))
                    .POST(HttpRequest.BodyPublishers.ofString("12345")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("127.0.0.1|OptionalLong[5]", small.body());
            try {
                client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/as4"))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // the server closed the connection while the body was still coming: expected for so large a body
            }
            assertTrue(body.taken() < 64L << 20, "only " + body.taken() + " of " + total + " bytes may be read");

            camel.stop();
            endpoint.close();
        }
    }

    private static HttpResponse<String> post(SSLContext tls, int port, String contentType, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/as4"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static TlsMaterial tls(String cc) {
        return TlsMaterial.load(PKI.resolve(cc + "/tls.p12"), PASSWORD, PKI.resolve("truststore.p12"), PASSWORD);
    }

    private static int freePort() {
        return FreePorts.next();
    }
}
