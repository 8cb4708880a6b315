package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A network acceptor on the embedded broker for the national system's queue channel; there is none
 * unless a port is set. Connections must log in with the national system's account, which may only send
 * to the intake queue and read the reply queue. It binds to loopback by default, since the acceptor speaks
 * plain TCP: reach it from another machine through a TLS tunnel, or use an external broker with TLS.
 *
 * @param host         the address to bind
 * @param port         the port, e.g. 18641 (never the standard 61616/5672: other brokers own those)
 * @param protocols    the Artemis protocols offered; CORE (the Artemis JMS client) is on the classpath
 * @param user         the national system's user name on the broker
 * @param passwordHash its password as a {@code pbkdf2-sha256$…} hash ({@code hash-password}); a secret
 */
@ConfigurationProperties("c2c.broker.national-acceptor")
@Requires(property = "c2c.broker.national-acceptor.port")
public record NationalAcceptorConfiguration(
        @Bindable(defaultValue = "127.0.0.1") @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @Bindable(defaultValue = "CORE") @NotBlank String protocols,
        @Bindable(defaultValue = "national") @NotBlank String user,
        @NotBlank String passwordHash) {
}
