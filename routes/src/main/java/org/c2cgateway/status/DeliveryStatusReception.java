package org.c2cgateway.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.rules.RulesInForce;
import org.c2cgateway.security.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a partner's delivery statuses, one or a batch of them in one message, once the inbound checks every
 * message passes (signature, TLS identity, decryption, addressed to us) are done: they must be readable, refer to
 * their messages consistently, come from a partner an agreement is in force with, and each be about an outbound
 * message this gateway sent to that very partner, or the whole message is refused. Then each is kept as evidence
 * on its message, with the whole signed message, so that each message's evidence stands alone. It is no
 * notification: it is neither validated as one nor queued for the national system, and the agreement's
 * data-sharing clauses have nothing to check in it.
 */
public final class DeliveryStatusReception {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusReception.class);

    private final PartnerStatusStore store;
    private final RulesInForce rules;

    public DeliveryStatusReception(PartnerStatusStore store, RulesInForce rules) {
        this.store = store;
        this.rules = rules;
    }

    /**
     * @param request     the AS4 request as received, kept as the evidence
     * @param contentType its MIME type
     * @throws As4Exception refusing the status, naming why
     */
    public void receive(InboundUserMessage received, Partner partner, byte[] request, String contentType,
                        Instant receivedAt) throws As4Exception {
        UserMessage message = received.message();
        DeliveryStatusBatch batch = read(message);
        requireAgreement(partner, message);
        for (DeliveryStatus status : batch.statuses()) {
            requireSentTo(partner, status, message);
        }
        String signedBy = Certificates.describe(received.signingCertificate());
        List<PartnerStatusEvidence> evidence = batch.statuses().stream().map(status -> new PartnerStatusEvidence(status,
                message.messageId(), partner.partyId(), receivedAt, signedBy, contentType, request)).toList();
        int kept = store.record(evidence);
        if (evidence.size() == 1 && kept == 1) {
            PartnerStatusEvidence one = evidence.get(0);
            LOG.info("{} of {} from {}: {}", one.event(), one.messageId(), partner.partyId(), one.detail());
        } else {
            LOG.info("delivery status message {} from {}: {} of its {} statuses kept, the others were kept already",
                    message.messageId(), partner.partyId(), kept, evidence.size());
        }
    }

    /** The statuses, and the message's eb:RefToMessageId, which a lone status's must repeat. */
    private static DeliveryStatusBatch read(UserMessage message) throws As4Exception {
        DeliveryStatusBatch batch;
        try {
            batch = DeliveryStatusBatch.parse(message.payload());
        } catch (DeliveryStatusFormatException e) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "the delivery status cannot be read: "
                    + e.getMessage(), message.messageId());
        }
        if (message.refToMessageId() != null && !message.refToMessageId().equals(batch.refToMessageId())) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "eb:RefToMessageId " + message.refToMessageId()
                    + (batch.refToMessageId() == null ? " names one message, the payload holds "
                    + batch.statuses().size() + " delivery statuses"
                    : " is not the delivery status's RefToMessageId " + batch.refToMessageId()), message.messageId());
        }
        return batch;
    }

    private void requireAgreement(Partner partner, UserMessage message) throws As4Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (rules.current().inForce(partner.country(), today).isEmpty()) {
            throw new As4Exception(EbmsError.PROCESSING_MODE_MISMATCH, "no agreement with " + partner.country()
                    + " is in force on " + today, message.messageId());
        }
    }

    /** One answer for an unknown id and for another partner's message: a partner learns nothing of the others. */
    private void requireSentTo(Partner partner, DeliveryStatus status, UserMessage message) throws As4Exception {
        if (!store.outboundPartner(status.refToMessageId()).map(partner.country()::equals).orElse(false)) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "the delivery status refers to "
                    + status.refToMessageId() + ", which is no message this gateway sent to " + partner.partyId(),
                    message.messageId());
        }
    }
}
