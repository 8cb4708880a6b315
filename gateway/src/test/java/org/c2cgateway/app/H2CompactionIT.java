package org.c2cgateway.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.ApplicationContext;
import org.c2cgateway.app.trace.H2Compaction;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded trace store's file stays bounded under a steady stream of messages once compaction runs, where
 * without it the file grows with every commit (H2 frees a chunk of the file only when none of its pages is live).
 */
class H2CompactionIT {

    private static final int MESSAGES = 400;

    @TempDir
    Path data;

    @Test
    void compaction_lets_the_store_reuse_its_file_instead_of_growing_with_every_commit() throws Exception {
        // H2 reuses a freed chunk after its retention time (45 s by default, for the disk's write buffers): 0 here,
        // so that the test need not wait
        String url = "jdbc:h2:file:" + data.resolve("trace/trace") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;RETENTION_TIME=0";
        Map<String, Object> settings = Map.of("datasources.default.url", url,
                "c2c.trace.h2-compaction.enabled", false, // the test runs it
                "c2c.trace.retention.enabled", false);
        try (ApplicationContext gateway = TwoGateways.start("mk", TwoGateways.freePort(), TwoGateways.freePort(),
                data, settings)) {
            TraceRecorder trace = gateway.getBean(TraceRecorder.class);
            H2Compaction compaction = gateway.getBean(H2Compaction.class);
            write(trace, MESSAGES); // the store's first pages, so that both rounds below start from a warm file

            long before = compaction.fill().fileBytes();
            write(trace, MESSAGES);
            long grownWithout = compaction.fill().fileBytes() - before;

            compaction.compact();
            long compacted = compaction.fill().fileBytes();
            for (int round = 0; round < 8; round++) {
                write(trace, MESSAGES / 8);
                compaction.compact();
            }
            H2Compaction.Fill after = compaction.fill();
            long grownWith = after.fileBytes() - compacted;

            assertTrue(grownWithout > 1_000_000, "without compaction the file grew by " + grownWithout + " bytes");
            assertTrue(grownWith < grownWithout / 4, "with compaction the file grew by " + grownWith
                    + " bytes, without it by " + grownWithout + " for as many messages; " + after);
        }
    }

    /** Messages traced as the outbound route traces them: opened, steps, the receipt. */
    private static void write(TraceRecorder trace, int messages) {
        for (int i = 0; i < messages; i++) {
            String id = UUID.randomUUID() + "@mk.c2c-gateway";
            trace.open(TraceStoreContract.outbound(id, "NAT-" + UUID.randomUUID(), "RS"));
            Instant at = Instant.now();
            trace.event(id, TraceEvent.RECEIVED, at, "from the national system");
            trace.event(id, TraceEvent.QUEUED, at.plusMillis(1), null);
            trace.event(id, TraceEvent.SENT, at.plusMillis(2), "attempt 1");
            trace.receipt(id, ("<eb:Receipt>" + "x".repeat(4000) + "</eb:Receipt>").getBytes());
        }
    }
}
