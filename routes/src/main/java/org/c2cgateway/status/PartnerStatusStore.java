package org.c2cgateway.status;

import java.util.Optional;

/**
 * Where a sending gateway looks up the message a partner's delivery status is about, and keeps the status as
 * evidence. The store is wired by the application, like the trace.
 */
public interface PartnerStatusStore {

    /** The partner country an outbound message of this gateway went to; empty when no outbound message has this id. */
    Optional<String> outboundPartner(String messageId);

    /**
     * Keeps the evidence and appends its step to the outbound message's timeline, in one transaction. Returns
     * {@code false}, changing nothing, when a status of this kind is kept for the message already (on any node):
     * a status repeated is harmless.
     */
    boolean record(PartnerStatusEvidence evidence);
}
