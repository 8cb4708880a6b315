package org.c2cgateway.status;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.outbound.PartnerSend;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.TraceRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a partner the delivery statuses noted for it, in one signed and encrypted AS4 user message over the
 * partner channel ({@link DeliveryStatusBatch}), and completes only when the partner's signed receipt for it
 * checks out. Its MessageId is derived from the statuses it reports, so a batch sent again after a lost receipt
 * is the same message to the partner, which keeps each status once in any case.
 */
public final class DeliveryStatusDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryStatusDispatch.class);
    /** How long a status waits for its trace step, which follows the commit that noted it within milliseconds. */
    private static final Duration TRACE_GRACE = Duration.ofSeconds(2);
    private static final long TRACE_POLL_MILLIS = 20;

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

    /** A status as noted on the status queue, with the movement of its notification. */
    public record Note(DeliveryStatus status, String mrn) {
    }

    /** A status reports a step this gateway's trace does not show yet: the batch is offered again later. */
    public static final class NotYetTraced extends Exception {
        NotYetTraced(String message) {
            super(message);
        }
    }

    /** Sends the statuses noted for one partner, as one message. */
    public void send(String country, List<Note> notes) throws NotYetTraced, IOException, As4Exception,
            InterruptedException {
        DeliveryStatusBatch batch = new DeliveryStatusBatch(notes.stream().map(Note::status).toList());
        awaitTraced(batch.statuses());
        Partner partner = credentials.current().partners().byCountry(country).orElseThrow(() ->
                new IllegalStateException("delivery statuses for partner " + country + ", which is not configured"));
        UserMessage userMessage = new UserMessage(batch.messageId(), Instant.now(), self.partyId(),
                partner.partyId(), Collaboration.SERVICE, Collaboration.DELIVERY_STATUS_ACTION,
                conversation(batch, notes), Collaboration.agreementRef(self.country(), partner.country()),
                self.partyId(), partner.partyId(), batch.toXml(), "application/xml", batch.refToMessageId());
        PartnerSend.Acknowledged acknowledged = send.send(partner, userMessage, (response, encryptedFor) -> { });
        if (notes.size() == 1) {
            DeliveryStatus status = notes.get(0).status();
            LOG.info("delivery status {} of {} sent to {} as {}; receipt {} verified", status.kind(),
                    status.refToMessageId(), partner.partyId(), userMessage.messageId(), acknowledged.receipt().messageId());
        } else {
            LOG.info("{} delivery statuses sent to {} as {}; receipt {} verified", notes.size(), partner.partyId(),
                    userMessage.messageId(), acknowledged.receipt().messageId());
        }
    }

    /**
     * A status is sent only once this gateway's trace shows the step it reports: the pull inbox writes its
     * ACKNOWLEDGED step just after the commit that queued the note, so a note can be read a moment before.
     */
    private void awaitTraced(List<DeliveryStatus> statuses) throws NotYetTraced, InterruptedException {
        long deadline = System.nanoTime() + TRACE_GRACE.toNanos();
        for (DeliveryStatus status : statuses) {
            MessageStatus traced = trace.status(status.refToMessageId());
            while (!shows(traced, status) && System.nanoTime() < deadline) {
                Thread.sleep(TRACE_POLL_MILLIS);
                traced = trace.status(status.refToMessageId());
            }
            if (!shows(traced, status)) {
                throw new NotYetTraced("the trace shows " + status.refToMessageId() + " as " + traced + ", not yet "
                        + status.kind());
            }
        }
    }

    private static boolean shows(MessageStatus traced, DeliveryStatus status) {
        return traced == MessageStatus.ACKNOWLEDGED
                || traced == MessageStatus.DELIVERED && status.kind() == DeliveryStatus.Kind.DELIVERED;
    }

    /**
     * A lone status's conversation is its movement (the MRN; the message id when the note has none), as before
     * batches; a batch, which spans movements, is a conversation of its own.
     */
    private static String conversation(DeliveryStatusBatch batch, List<Note> notes) {
        if (notes.size() > 1) {
            return batch.messageId();
        }
        Note note = notes.get(0);
        return note.mrn() == null ? note.status().refToMessageId() : note.mrn();
    }
}
