package org.c2cgateway.app.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One link of an audit chain: what happened (a trace step, a message opened, a receipt kept), where it sits in
 * its chain, and the hashes that bind it to the entry before it.
 *
 * @param eventId the trace_event row this entry vouches for; {@code null} for an opened message or a receipt
 * @param prevHash the hash of the entry before it in the chain ({@link #GENESIS} for the first)
 * @param hash     SHA-256 over {@link Canonical} of every other field, the previous hash included
 */
public record AuditEntry(String node, int lane, long seq, String messageId, String event, Long eventId,
                         Instant occurredAt, String detail, String agreementId, Integer agreementVersion,
                         String prevHash, String hash) {

    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** Names the encoding, so that a later one can never be taken for this one. */
    private static final String FORMAT = "c2c-audit-entry-1";

    /**
     * The entry that follows {@code prevHash}, with its hash. The time is kept to the microsecond, the precision
     * H2 and PostgreSQL store, so that the hash is computed over exactly what is stored.
     */
    public static AuditEntry link(String node, int lane, long seq, String prevHash, String messageId, String event,
                                  Long eventId, Instant occurredAt, String detail, String agreementId,
                                  Integer agreementVersion) {
        Instant stored = occurredAt.truncatedTo(ChronoUnit.MICROS);
        AuditEntry unhashed = new AuditEntry(node, lane, seq, messageId, event, eventId, stored, detail, agreementId,
                agreementVersion, prevHash, null);
        return unhashed.withHash(unhashed.computeHash());
    }

    /** The hash the fields call for; differs from {@link #hash()} when a stored field was changed. */
    public String computeHash() {
        return new Canonical(FORMAT).text(node).number(lane).number(seq).text(messageId).text(event)
                .number(eventId).instant(occurredAt).text(detail).text(agreementId)
                .number(agreementVersion == null ? null : agreementVersion.longValue()).text(prevHash).sha256Hex();
    }

    private AuditEntry withHash(String newHash) {
        return new AuditEntry(node, lane, seq, messageId, event, eventId, occurredAt, detail, agreementId,
                agreementVersion, prevHash, newHash);
    }
}
