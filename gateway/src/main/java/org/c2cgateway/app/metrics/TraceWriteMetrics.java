package org.c2cgateway.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

import org.c2cgateway.app.trace.GroupCommit;

/**
 * {@code c2c_trace_group_transactions_total} and {@code c2c_trace_group_writes_total}: the trace store's group
 * commit, how many transactions its writers ran and how many trace writes they held. Their ratio is the writes per
 * commit, which decides what the trace costs per message (README, "The trace store"); it is what
 * {@code c2c.trace.group-commit.linger} is tuned by.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class TraceWriteMetrics {

    static final String TRANSACTIONS = "c2c.trace.group.transactions";
    static final String WRITES = "c2c.trace.group.writes";

    public TraceWriteMetrics(MeterRegistry registry, GroupCommit writes) {
        FunctionCounter.builder(TRANSACTIONS, writes, GroupCommit::transactions)
                .description("Transactions the trace store's group commit ran").register(registry);
        FunctionCounter.builder(WRITES, writes, GroupCommit::writesTaken)
                .description("Trace writes the group commit took, failed ones too").register(registry);
    }
}
