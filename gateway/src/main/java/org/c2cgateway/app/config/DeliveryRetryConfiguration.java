package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.c2cgateway.delivery.RetryPolicy;

/**
 * How every partner's failed sends are retried, unless the partner's own {@code c2c.partners.<CC>.retry}
 * says otherwise (see {@link RetryPolicy} for what each setting means).
 */
@ConfigurationProperties("c2c.delivery.retry")
public record DeliveryRetryConfiguration(
        @Bindable(defaultValue = "1s") @NotNull Duration initialDelay,
        @Bindable(defaultValue = "2.0") @DecimalMin("1.0") double multiplier,
        @Bindable(defaultValue = "5m") @NotNull Duration maxDelay,
        @Bindable(defaultValue = "24h") @NotNull Duration timeToLive,
        @Bindable(defaultValue = "0.1") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
        @Bindable(defaultValue = "0") @Min(0) int maxAttempts) {

    /** The policy of a partner: its own settings where it has them, these elsewhere. */
    public RetryPolicy policyFor(PartnerConfiguration partner) {
        PartnerConfiguration.Retry own = partner.retry();
        if (own == null) {
            return new RetryPolicy(initialDelay, multiplier, maxDelay, timeToLive, jitter, maxAttempts);
        }
        try {
            return new RetryPolicy(
                    own.initialDelay() != null ? own.initialDelay() : initialDelay,
                    own.multiplier() != null ? own.multiplier() : multiplier,
                    own.maxDelay() != null ? own.maxDelay() : maxDelay,
                    own.timeToLive() != null ? own.timeToLive() : timeToLive,
                    own.jitter() != null ? own.jitter() : jitter,
                    own.maxAttempts() != null ? own.maxAttempts() : maxAttempts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("c2c.partners." + partner.countryCode() + "." + e.getMessage(), e);
        }
    }
}
