package org.c2cgateway.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageRef;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.PayloadDigest;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;

/**
 * Takes a notification from the national system up to the point where it can be queued for its
 * partner: validated, routed, given its gateway message id and traced. Rejections throw
 * {@link NotificationRejectedException} before anything is written.
 *
 * <p>Every channel comes through here, so every channel is idempotent the same way: a national
 * message id that was accepted before gets the original gateway message id and its status back
 * ({@link IntakeHeaders#DUPLICATE}), and is not queued again. The one exception is a message accepted
 * but never queued (the node stopped in between): it is queued now, under its original id; the broker's
 * duplicate detection keeps that from queueing it twice when the first attempt is merely slow.
 */
public final class NotificationIntake implements Processor {

    /** Camel header: the outbound queue chosen for the notification. */
    public static final String TARGET_QUEUE = "c2cTargetQueue";

    private final NotificationValidator validator;
    private final NotificationReader reader;
    private final CredentialsInForce credentials;
    private final OwnIdentity self;
    private final TraceRecorder trace;

    public NotificationIntake(NotificationValidator validator, NotificationReader reader,
                              CredentialsInForce credentials, OwnIdentity self, TraceRecorder trace) {
        this.validator = validator;
        this.reader = reader;
        this.credentials = credentials;
        this.self = self;
        this.trace = trace;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Instant receivedAt = Instant.now();
        Message message = exchange.getMessage();
        message.removeHeader(TARGET_QUEUE); // only this processor chooses where a notification goes
        byte[] payload = message.getMandatoryBody(byte[].class);
        String channel = message.getHeader(IntakeHeaders.CHANNEL, "REST", String.class);
        ValidationReport report = validate(payload);
        NotificationHeader header = reader.readHeader(payload);
        Partner partner = routeToPartner(header);
        Optional<MessageRef> original = trace.findOutboundByNationalMessageId(header.messageId());
        if (original.isEmpty()) {
            String messageId = self.newMessageId();
            if (trace.open(MessageRecord.of(messageId, header, Direction.OUTBOUND, partner.country(), payload))) {
                recordAcceptance(messageId, header, channel, receivedAt, report);
                QueueHeaders.label(message, messageId, header, partner.country(), receivedAt);
                message.setHeader(IntakeHeaders.DUPLICATE, false);
                message.setHeader(IntakeHeaders.STATUS, MessageStatus.ACCEPTED.name());
                message.setHeader(TARGET_QUEUE, Queues.jms(Queues.outbound(partner.country())));
                return;
            }
            original = trace.findOutboundByNationalMessageId(header.messageId()); // another node accepted it first
        }
        answerAsDuplicate(message, original.orElseThrow(() -> new IllegalStateException("national message id "
                + header.messageId() + " is claimed but its message is not traced")), header, payload, channel, receivedAt);
    }

    private void answerAsDuplicate(Message message, MessageRef original, NotificationHeader header, byte[] payload,
                                   String channel, Instant receivedAt) {
        boolean sameContent = original.payloadSha256().equals(PayloadDigest.sha256Hex(payload));
        boolean neverQueued = original.status() == MessageStatus.ACCEPTED;
        trace.event(original.messageId(), TraceEvent.DUPLICATE_RECEIVED, receivedAt, "submitted again as "
                + header.messageId() + " over " + channel + (sameContent ? "" : ", with different content (ignored)")
                + "; answered with this message's id" + (neverQueued && sameContent ? "; queued now" : ""));
        QueueHeaders.label(message, original.messageId(), header, original.partner(), receivedAt);
        message.setHeader(IntakeHeaders.DUPLICATE, true);
        message.setHeader(IntakeHeaders.STATUS, original.status().name());
        if (neverQueued && sameContent) {
            message.setHeader(TARGET_QUEUE, Queues.jms(Queues.outbound(original.partner())));
        }
    }

    private ValidationReport validate(byte[] payload) {
        ValidationReport report = validator.validate(payload);
        if (!report.accepted()) {
            throw new NotificationRejectedException(report.errors());
        }
        return report;
    }

    private Partner routeToPartner(NotificationHeader header) {
        String country = header.destinationCountry();
        if (country.equals(self.country())) {
            throw rejected(header, "ROUTING:own-country",
                    "office of entry " + header.officeOfEntry() + " is in this gateway's own country " + country);
        }
        return credentials.current().partners().byCountry(country).orElseThrow(() -> rejected(header, "ROUTING:unknown-partner",
                "no partner gateway is configured for country " + country + " (office of entry "
                        + header.officeOfEntry() + ")"));
    }

    private static NotificationRejectedException rejected(NotificationHeader header, String rule, String message) {
        String path = "/" + header.type().rootElement() + "/OfficeOfEntry";
        return new NotificationRejectedException(List.of(new ValidationFinding(path, rule, message, Severity.ERROR)));
    }

    private void recordAcceptance(String messageId, NotificationHeader header, String channel, Instant receivedAt,
                                  ValidationReport report) {
        trace.event(messageId, TraceEvent.RECEIVED, receivedAt, "from the national system as " + header.messageId()
                + " over " + channel);
        String warnings = report.warnings().isEmpty() ? "" : "; warnings: " + report.warnings();
        trace.event(messageId, TraceEvent.VALIDATED, Instant.now(), "schema v1" + warnings);
    }
}
