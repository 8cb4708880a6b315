package org.c2cgateway.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.outbound.PartnerSend;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one noted delivery status to the partner that sent the notification, as a signed and encrypted AS4
 * user message over the partner channel, and completes only when the partner's signed receipt for it checks
 * out. Its MessageId is derived from the notification's id and the step, so a status sent again after a lost
 * receipt is the same message to the partner, which keeps it once.
 */
public final class DeliveryStatusDispatch implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusDispatch.class);

    private final CredentialsInForce credentials;
    private final OwnIdentity self;
    private final PartnerSend send;
    private final TraceRecorder trace;

    public DeliveryStatusDispatch(CredentialsInForce credentials, OwnIdentity self, PartnerSend send,
                                  TraceRecorder trace) {
        this.credentials = credentials;
        this.self = self;
        this.send = send;
        this.trace = trace;
    }

    /** The status reports a step this gateway's trace does not show yet: it is offered again later. */
    public static final class NotYetTraced extends Exception {
        NotYetTraced(String message) {
            super(message);
        }
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException, DeliveryStatusFormatException, NotYetTraced,
            IOException, As4Exception {
        Message message = exchange.getMessage();
        byte[] payload = message.getMandatoryBody(byte[].class);
        DeliveryStatus status = DeliveryStatus.parse(payload);
        requireTraced(status);
        String country = message.getHeader(QueueHeaders.PARTNER, String.class);
        Partner partner = credentials.current().partners().byCountry(country).orElseThrow(() ->
                new IllegalStateException("a delivery status for partner " + country + ", which is not configured"));
        UserMessage userMessage = new UserMessage(statusMessageId(status), Instant.now(), self.partyId(),
                partner.partyId(), Collaboration.SERVICE, Collaboration.DELIVERY_STATUS_ACTION,
                conversation(message, status), Collaboration.agreementRef(self.country(), partner.country()),
                self.partyId(), partner.partyId(), payload, "application/xml", status.refToMessageId());
        PartnerSend.Acknowledged acknowledged = send.send(partner, userMessage, (response, encryptedFor) -> { });
        LOG.info("delivery status {} of {} sent to {} as {}; receipt {} verified", status.kind(),
                status.refToMessageId(), partner.partyId(), userMessage.messageId(), acknowledged.receipt().messageId());
    }

    /** The AS4 MessageId of a status: one per notification and step, however often it is sent. */
    public static String statusMessageId(DeliveryStatus status) {
        return UUID.nameUUIDFromBytes((status.refToMessageId() + "/" + status.kind()).getBytes(StandardCharsets.UTF_8))
                + "@delivery-status.c2c-gateway";
    }

    /**
     * A status is sent only once this gateway's trace shows the step it reports: the pull inbox writes its
     * ACKNOWLEDGED step just after the commit that queued the note.
     */
    private void requireTraced(DeliveryStatus status) throws NotYetTraced {
        MessageStatus traced = trace.status(status.refToMessageId());
        boolean shown = traced == MessageStatus.ACKNOWLEDGED
                || traced == MessageStatus.DELIVERED && status.kind() == DeliveryStatus.Kind.DELIVERED;
        if (!shown) {
            throw new NotYetTraced("the trace shows " + status.refToMessageId() + " as " + traced + ", not yet "
                    + status.kind());
        }
    }

    /** The movement's MRN, as the notification's ConversationId; the message id when the note has none. */
    private static String conversation(Message message, DeliveryStatus status) {
        String mrn = message.getHeader(QueueHeaders.MRN, String.class);
        return mrn == null ? status.refToMessageId() : mrn;
    }
}
