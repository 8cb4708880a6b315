package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How the delivery statuses to one partner share a signed message: each message costs a signature and an
 * encryption here and a key unwrap, a verification and a signed receipt at the partner, whatever it holds.
 *
 * @param maxStatuses the most statuses in one message; 1 sends each alone, as gateways before batches did and
 *                    partners of every version read. Each status's evidence row at the partner keeps the whole
 *                    message, so that each message's evidence stands alone: the partner stores the message about
 *                    this many times, which is why the bound is low
 * @param linger      how long a batch waits for more statuses after its first: the most a status is held back
 */
@ConfigurationProperties("c2c.delivery-status.batch")
public record DeliveryStatusBatchConfiguration(
        @Bindable(defaultValue = "50") @Min(1) @Max(200) int maxStatuses,
        @Bindable(defaultValue = "500ms") @NotNull Duration linger) {
}
