package org.c2cgateway.app.api;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.c2cgateway.inbound.InboundHeaders;
import org.c2cgateway.inbound.InboundRoutes;

/**
 * The AS4 endpoint partner gateways post to, over mutual TLS. It only hands the raw request and the
 * TLS client certificate to the inbound route; every decision is made there.
 */
@Controller("/as4")
@ExecuteOn(TaskExecutors.BLOCKING)
public class As4Controller {

    private final ProducerTemplate camel;

    public As4Controller(ProducerTemplate camel) {
        this.camel = camel;
    }

    @Post(consumes = MediaType.ALL, produces = "application/soap+xml")
    public HttpResponse<byte[]> receive(HttpRequest<?> request, @Body byte[] body) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(InboundHeaders.CONTENT_TYPE, request.getHeaders().get("Content-Type"));
        request.getCertificate().filter(X509Certificate.class::isInstance)
                .ifPresent(certificate -> headers.put(InboundHeaders.TLS_CLIENT_CERTIFICATE, certificate));
        Exchange result = camel.request(InboundRoutes.ENDPOINT, exchange -> {
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody(body);
        });
        int status = result.getMessage().getHeader(InboundHeaders.RESPONSE_STATUS, 500, Integer.class);
        return HttpResponse.<byte[]>status(io.micronaut.http.HttpStatus.valueOf(status))
                .contentType(result.getMessage().getHeader(InboundHeaders.CONTENT_TYPE, String.class))
                .body(result.getMessage().getBody(byte[].class));
    }
}
