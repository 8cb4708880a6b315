package org.c2cgateway.app.audit;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What verify-audit found: the counts, and the first broken link when there is one.
 *
 * @param entries     audit entries checked
 * @param chains      chains (node, lane) found
 * @param checkpoints checkpoints checked, signature and hash
 * @param uncovered   entries after the last checkpoint of their chain: protected by the hash chain only, so far
 * @param pruned      entries whose trace rows the retention job has since removed with their message
 * @param predating   trace events older than the audit log (written before it was introduced)
 * @param broken      the first broken link, or {@code null} when the log is intact
 */
@Serdeable
public record AuditVerdict(boolean ok, long entries, long chains, long checkpoints, @Nullable Instant lastCheckpoint,
                           long uncovered, long pruned, long predating, @Nullable BrokenLink broken) {

    /**
     * Where the log stops being trustworthy.
     *
     * @param lane the chain's lane; -1 for a trace row that no entry vouches for
     * @param seq  the entry's place in its chain (for a missing entry: the first one missing)
     */
    @Serdeable
    public record BrokenLink(String node, int lane, long seq, @Nullable String messageId, @Nullable String event,
                             String problem) {

        @Override
        public String toString() {
            return (lane < 0 ? "node " + node : "chain " + node + "/" + lane + ", entry " + seq)
                    + (messageId == null ? "" : ", message " + messageId + ", " + event) + ": " + problem;
        }
    }

    /** One line, as verify-audit prints it. */
    public String text() {
        if (!ok) {
            return "BROKEN: " + broken + " (" + entries + " entries and " + checkpoints
                    + " checkpoints checked before it)";
        }
        return "OK: " + entries + " entries, " + checkpoints + " checkpoints, last checkpoint at "
                + (lastCheckpoint == null ? "none yet" : lastCheckpoint) + " (" + chains + " chains; " + uncovered
                + " entries after the last checkpoints; " + pruned + " whose trace rows retention removed; "
                + predating + " trace events older than the audit log)";
    }
}
