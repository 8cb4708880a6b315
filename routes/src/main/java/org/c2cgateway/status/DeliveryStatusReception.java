package org.c2cgateway.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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
 * Takes a partner's delivery status, once the inbound checks every message passes (signature, TLS identity,
 * decryption, addressed to us) are done: it must be readable, refer to one message consistently, come from a
 * partner an agreement is in force with, and be about an outbound message this gateway sent to that very
 * partner. Then it is kept as evidence on that message. It is no notification: it is neither validated as one
 * nor queued for the national system, and the agreement's data-sharing clauses have nothing to check in it.
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
        DeliveryStatus status = read(message);
        requireAgreement(partner, message);
        requireSentTo(partner, status, message);
        PartnerStatusEvidence evidence = new PartnerStatusEvidence(status, message.messageId(), partner.partyId(),
                receivedAt, Certificates.describe(received.signingCertificate()), contentType, request);
        if (store.record(evidence)) {
            LOG.info("{} of {} from {}: {}", evidence.event(), status.refToMessageId(), partner.partyId(), evidence.detail());
        } else {
            LOG.debug("{} of {} from {} is kept already", evidence.event(), status.refToMessageId(), partner.partyId());
        }
    }

    private static DeliveryStatus read(UserMessage message) throws As4Exception {
        DeliveryStatus status;
        try {
            status = DeliveryStatus.parse(message.payload());
        } catch (DeliveryStatusFormatException e) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "the delivery status cannot be read: "
                    + e.getMessage(), message.messageId());
        }
        if (message.refToMessageId() != null && !message.refToMessageId().equals(status.refToMessageId())) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "eb:RefToMessageId " + message.refToMessageId()
                    + " is not the delivery status's RefToMessageId " + status.refToMessageId(), message.messageId());
        }
        return status;
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
