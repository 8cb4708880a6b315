package org.c2cgateway.status;

import java.util.List;
import java.util.Optional;

/**
 * Where a sending gateway looks up the message a partner's delivery status is about, and keeps the status as
 * evidence. The store is wired by the application, like the trace.
 */
public interface PartnerStatusStore {

    /** The partner country an outbound message of this gateway went to; empty when no outbound message has this id. */
    Optional<String> outboundPartner(String messageId);

    /**
     * Keeps the evidence of each status and appends its step to its outbound message's timeline, in one
     * transaction. A status of a kind kept for its message already (on any node) changes nothing: a status
     * repeated is harmless.
     *
     * @return how many of the statuses were kept now
     */
    int record(List<PartnerStatusEvidence> evidence);
}
