package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

/**
 * Messages received from partners.
 *
 * @param duplicateWindow how long after its first acceptance a repeated AS4 message id is answered with
 *                        the receipt it first got (and not delivered again); past it, a repeat is refused
 */
@ConfigurationProperties("c2c.inbound")
public record InboundConfiguration(
        @Bindable(defaultValue = "30d") @NotNull Duration duplicateWindow) {
}
