package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How long the trace index keeps a message that is done with (delivered or refused), and what becomes of it then.
 * A message in any other status stays whatever its age.
 *
 * @param enabled          whether the job runs on its schedule
 * @param age              a message whose last status change is older than this goes
 * @param mode             {@code DELETE}, or {@code ARCHIVE}: written to a gzip JSON-lines file first
 * @param archiveDirectory where archive files go, resolved against the data directory unless absolute
 * @param interval         the pause between two runs of the job
 * @param initialDelay     the pause between the gateway's start and the first run
 * @param batchSize        the messages removed in one transaction (and one archive file)
 * @param maxBatches       the batches of one run; what is left waits for the next run
 */
@ConfigurationProperties("c2c.trace.retention")
public record TraceRetentionConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "365d") @NotNull Duration age,
        @Bindable(defaultValue = "ARCHIVE") @NotNull Mode mode,
        @Bindable(defaultValue = "trace-archive") @NotBlank String archiveDirectory,
        @Bindable(defaultValue = "1h") @NotNull Duration interval,
        @Bindable(defaultValue = "5m") @NotNull Duration initialDelay,
        @Bindable(defaultValue = "500") @Min(1) @Max(10_000) int batchSize,
        @Bindable(defaultValue = "100") @Min(1) int maxBatches) {

    public enum Mode { DELETE, ARCHIVE }

    /** The same settings in another mode. */
    public TraceRetentionConfiguration inMode(Mode other) {
        return new TraceRetentionConfiguration(enabled, age, other, archiveDirectory, interval, initialDelay, batchSize,
                maxBatches);
    }
}
