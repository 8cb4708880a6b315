package org.c2cgateway.app.audit;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The audit log's settings.
 *
 * @param checkpointInterval how often the heads of the chains are signed; what was appended since the last
 *                           checkpoint is protected by the hash chain only (a cut-off tail goes unseen until then)
 * @param lanes              chains per node: appends on one chain wait for each other's commits, so this many
 *                           trace writes of one node can commit at once
 */
@ConfigurationProperties("c2c.audit")
public record AuditSettings(
        @Bindable(defaultValue = "5m") @NotNull Duration checkpointInterval,
        @Bindable(defaultValue = "4") @Min(1) @Max(64) int lanes) {
}
