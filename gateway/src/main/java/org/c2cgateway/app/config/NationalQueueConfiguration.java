package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * The national queue channel: the queue the national system sends notifications to, where answers go
 * when a message names no JMSReplyTo, and where messages that are no submission end. With the embedded
 * broker, the national system reaches them through {@code c2c.broker.national-acceptor}.
 *
 * @param enabled             whether this gateway consumes the intake queue
 * @param queue               the intake queue
 * @param replyQueue          the default reply queue
 * @param deadLetterQueue     unparseable messages, and messages the gateway failed on every attempt
 * @param maxDeliveryAttempts attempts (gateway failures, not rejections) before a message is dead-lettered
 * @param redeliveryDelay     the wait before the first new attempt; doubles up to a minute
 */
@ConfigurationProperties("c2c.national-queue")
public record NationalQueueConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "national.intake") @NotBlank String queue,
        @Bindable(defaultValue = "national.intake.reply") @NotBlank String replyQueue,
        @Bindable(defaultValue = "DLQ.national.intake") @NotBlank String deadLetterQueue,
        @Bindable(defaultValue = "10") @Min(1) int maxDeliveryAttempts,
        @Bindable(defaultValue = "1s") Duration redeliveryDelay) {
}
