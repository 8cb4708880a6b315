package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The payload store: a copy of each message's payload on disk, apart from the trace index, for an operator to fetch.
 * Payloads hold traders' data, so they are kept for a retention of their own, usually shorter than the trace's.
 *
 * @param enabled   whether payloads are kept at all
 * @param directory where, resolved against the data directory unless absolute
 * @param retention a day's payloads are deleted once the whole day is older than this
 * @param sync      whether each payload is forced to disk before the message goes on. Off by default: the message
 *                  itself is durable in the broker's journal before it is accepted, and the copy here is the operators';
 *                  a crash within the system's write-back time can lose a copy (never leave half of one: it is written
 *                  to a temporary file and renamed), not a message. Forcing each copy cost about 12 ms per message
 *                  on the 2-core test machine, more than the whole exchange's cryptography.
 */
@ConfigurationProperties("c2c.payloads")
public record PayloadConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "payloads") @NotBlank String directory,
        @Bindable(defaultValue = "30d") @NotNull Duration retention,
        @Bindable(defaultValue = "false") boolean sync) {
}
