package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Min;

/**
 * What {@code /health} checks beyond its defaults.
 *
 * @param journalMinFree         the free space the embedded broker's journal disk must keep (e.g. {@code 512MB});
 *                               below it the journal disk is DOWN, well before the broker blocks senders
 * @param partnerCheckInterval   how often each partner's AS4 endpoint is probed; {@code /health} shows the last result
 */
@ConfigurationProperties("c2c.health")
public record HealthConfiguration(
        @Bindable(defaultValue = "256MB") @ReadableBytes @Min(0) long journalMinFree,
        @Bindable(defaultValue = "30s") Duration partnerCheckInterval) {
}
