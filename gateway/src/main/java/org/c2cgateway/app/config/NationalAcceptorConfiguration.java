package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A network acceptor on the embedded broker for the national system's queue channel; there is none
 * unless a port is set. It binds to loopback by default: the embedded broker has no user accounts, so
 * anything that can reach the port can use every queue. Reach it from another machine only through an
 * external broker with security, or a TLS tunnel.
 *
 * @param host      the address to bind
 * @param port      the port, e.g. 18641 (never the standard 61616/5672: other brokers own those)
 * @param protocols the Artemis protocols offered; CORE (the Artemis JMS client) is on the classpath
 */
@ConfigurationProperties("c2c.broker.national-acceptor")
@Requires(property = "c2c.broker.national-acceptor.port")
public record NationalAcceptorConfiguration(
        @Bindable(defaultValue = "127.0.0.1") @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @Bindable(defaultValue = "CORE") @NotBlank String protocols) {
}
