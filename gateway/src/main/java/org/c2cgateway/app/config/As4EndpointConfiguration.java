package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The partner-facing AS4 endpoint. It has a port of its own, apart from the national API, so the
 * border network can reach it and nothing else; it always requires a partner's TLS client certificate.
 *
 * @param host            the address to bind
 * @param port            the port partners connect to
 * @param path            the path of the endpoint
 * @see InboundConfiguration what a request may contain
 */
@ConfigurationProperties("c2c.as4")
public record As4EndpointConfiguration(
        @Bindable(defaultValue = "0.0.0.0") @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @Bindable(defaultValue = "/as4") @NotBlank String path) {
}
