package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The embedded H2 trace store's compaction (README, "The trace store"). Each commit writes the pages it changed as
 * a new chunk of the file, and a chunk's space is reused only once none of its pages is live; without compaction
 * the file grew by about 300 KB per message.
 *
 * @param enabled        whether the job runs
 * @param interval       the pause between two runs
 * @param targetFillRate a run rewrites chunks while the live share of the chunks' space is below this, in percent
 * @param maxWrite       the live bytes one run may rewrite at most, so that it holds the store's lock briefly
 */
@ConfigurationProperties("c2c.trace.h2-compaction")
public record H2CompactionConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1s") @NotNull Duration interval,
        @Bindable(defaultValue = "50") @Min(1) @Max(99) int targetFillRate,
        @Bindable(defaultValue = "4194304") @Min(65_536) int maxWrite) {
}
