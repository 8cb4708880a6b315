package org.c2cgateway.status;

import java.time.Instant;

import org.c2cgateway.trace.TraceEvent;

/**
 * A partner's delivery status as the sending gateway keeps it with its outbound message: what the partner
 * said, and the signed AS4 message it said it in, as received (MIME, its attachment still encrypted for this
 * gateway), which proves it later to anyone holding this gateway's decryption key.
 *
 * @param statusMessageId the AS4 MessageId of the partner's status message
 * @param partyId         the partner's party id, proven by its signature and TLS identity
 * @param signedBy        the partner's signing certificate, described
 * @param contentType     the MIME type of {@code signedMessage}, with its boundary
 */
public record PartnerStatusEvidence(DeliveryStatus status, String statusMessageId, String partyId, Instant receivedAt,
                                    String signedBy, String contentType, byte[] signedMessage) {

    /** The outbound message the status is about. */
    public String messageId() {
        return status.refToMessageId();
    }

    /** The step it adds to the outbound message's timeline. */
    public TraceEvent event() {
        return switch (status.kind()) {
            case DELIVERED -> TraceEvent.PARTNER_DELIVERED;
            case ACKNOWLEDGED -> TraceEvent.PARTNER_ACKNOWLEDGED;
        };
    }

    /** The timeline's detail: when and where the partner's national system took it, and the proof. */
    public String detail() {
        String took = status.kind() == DeliveryStatus.Kind.DELIVERED ? "took it" : "acknowledged it";
        return partyId + "'s national system " + took + " at " + status.at() + " on node " + status.node() + " ("
                + status.channel() + "); delivery status " + statusMessageId + " signed by " + signedBy;
    }
}
