package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * The web console's logins: a session ends when it has not been used for {@code idleTimeout}, and in any case
 * {@code absoluteTimeout} after the login, whichever comes first.
 *
 * @param idleTimeout     how long a session lasts without a request
 * @param absoluteTimeout how long a session lasts at most
 */
@ConfigurationProperties("c2c.console.session")
public record ConsoleConfiguration(
        @Bindable(defaultValue = "30m") @NotNull Duration idleTimeout,
        @Bindable(defaultValue = "8h") @NotNull Duration absoluteTimeout) {
}
