package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How the trace store commits the writes of many threads: together, a batch of them in one transaction, because
 * each commit costs far more than the rows it holds (README, "Performance"). A write still returns only once its
 * transaction has committed.
 *
 * @param enabled  off: each write is a transaction of its own, on the thread that makes it
 * @param writers  the threads that run the batches; each holds one connection, one transaction at a time
 * @param maxBatch the writes of one transaction at most
 * @param linger   how long a writer waits, after the first write of a batch, for more to join it before it begins
 *                 the transaction; 0: it takes only those already waiting. A commit rewrites every index page it
 *                 changed and their parents, so fewer, larger commits cost less CPU per write, and each write waits
 *                 up to this much longer
 */
@ConfigurationProperties("c2c.trace.group-commit")
public record GroupCommitConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "2") @Min(1) @Max(64) int writers,
        @Bindable(defaultValue = "64") @Min(1) @Max(10_000) int maxBatch,
        @Bindable(defaultValue = "0ms") Duration linger) {
}
