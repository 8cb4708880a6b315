package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The national SOAP submission service (WSDL {@code wsdl/c2c-national-submission-v1.wsdl}, served at
 * {@code ?wsdl}). On a port of its own, over HTTPS with the gateway's TLS key; off unless a port is set.
 *
 * @param host            the address to bind
 * @param port            the port the national system connects to
 * @param path            the path of the service
 * @param maxRequestBytes the largest SOAP request read at all; the notification inside is limited by
 *                        {@code c2c.max-payload-bytes} like on every channel
 */
@ConfigurationProperties("c2c.national-soap")
@Requires(property = "c2c.national-soap.port")
public record NationalSoapConfiguration(
        @Bindable(defaultValue = "0.0.0.0") @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @Bindable(defaultValue = "/soap/notifications") @NotBlank String path,
        @Bindable(defaultValue = "16777216") @Min(1024) long maxRequestBytes) {
}
