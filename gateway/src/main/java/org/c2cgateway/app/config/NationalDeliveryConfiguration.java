package org.c2cgateway.app.config;

import java.net.URI;
import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.c2cgateway.delivery.RetryPolicy;

/**
 * How received notifications reach the national system: each channel at least once, with the gateway
 * message id as the national system's idempotency key.
 *
 * @param mode  {@code PULL}: the national system reads and acknowledges its inbox ({@code /api/v1/inbox});
 *              {@code PUSH}: the gateway POSTs each notification to {@code push.url};
 *              {@code QUEUE}: the gateway moves each notification to the Artemis queue {@code queue.name}
 * @param push  the webhook and its retries
 * @param queue the national system's delivery queue
 */
@ConfigurationProperties("c2c.national-delivery")
public record NationalDeliveryConfiguration(
        @Bindable(defaultValue = "PULL") @NotNull Mode mode,
        @NotNull Push push,
        @NotNull Queue queue) {

    public enum Mode { PULL, PUSH, QUEUE }

    /**
     * The push channel: the national webhook (HTTPS; the gateway presents its TLS certificate and trusts its
     * trust store) and the retries of a failed push (see {@link RetryPolicy}), after which the notification
     * waits in {@code DLQ.in.national}.
     */
    @ConfigurationProperties("push")
    public record Push(
            @Nullable URI url,
            @Bindable(defaultValue = "5s") @NotNull Duration connectTimeout,
            @Bindable(defaultValue = "30s") @NotNull Duration requestTimeout,
            @Bindable(defaultValue = "1s") @NotNull Duration initialDelay,
            @Bindable(defaultValue = "2.0") @DecimalMin("1.0") double multiplier,
            @Bindable(defaultValue = "5m") @NotNull Duration maxDelay,
            @Bindable(defaultValue = "168h") @NotNull Duration timeToLive,
            @Bindable(defaultValue = "0.1") @DecimalMin("0.0") @DecimalMax("1.0") double jitter,
            @Bindable(defaultValue = "0") @Min(0) int maxAttempts) {

        public RetryPolicy retry() {
            return new RetryPolicy(initialDelay, multiplier, maxDelay, timeToLive, jitter, maxAttempts);
        }
    }

    /** The queue channel: the queue the national system consumes (through {@code c2c.broker.national-acceptor}). */
    @ConfigurationProperties("queue")
    public record Queue(@Bindable(defaultValue = "national.delivery") @NotBlank String name) {
    }

    /** The webhook URL, required in PUSH mode. */
    public URI pushUrl() {
        if (push.url() == null || !"https".equalsIgnoreCase(push.url().getScheme())) {
            throw new IllegalArgumentException("c2c.national-delivery.push.url must be an https URL when mode is PUSH, got "
                    + push.url());
        }
        return push.url();
    }
}
