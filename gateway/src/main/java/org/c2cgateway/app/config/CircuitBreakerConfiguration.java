package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The partners' circuit breakers (the same settings for every partner).
 *
 * @param failureThreshold failed sends in a row after which a partner's queue is paused
 * @param probeInterval    how often a paused partner is probed for being back
 */
@ConfigurationProperties("c2c.delivery.circuit-breaker")
public record CircuitBreakerConfiguration(
        @Bindable(defaultValue = "5") @Min(1) int failureThreshold,
        @Bindable(defaultValue = "30s") @NotNull Duration probeInterval) {
}
