package org.c2cgateway.intake;

import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.queue.Queues;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.validation.NotificationSchemaValidator;
import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;

/**
 * Takes a notification from the national system up to the point where it can be queued for its
 * partner: validated, routed, given its gateway message id and traced. Rejections throw
 * {@link NotificationRejectedException} before anything is written.
 */
public final class NotificationIntake implements Processor {

    /** Camel header: the outbound queue chosen for the notification. */
    public static final String TARGET_QUEUE = "c2cTargetQueue";

    private final NotificationSchemaValidator validator;
    private final NotificationReader reader;
    private final PartnerDirectory partners;
    private final OwnIdentity self;
    private final TraceRecorder trace;

    public NotificationIntake(NotificationSchemaValidator validator, NotificationReader reader,
                              PartnerDirectory partners, OwnIdentity self, TraceRecorder trace) {
        this.validator = validator;
        this.reader = reader;
        this.partners = partners;
        this.self = self;
        this.trace = trace;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Instant receivedAt = Instant.now();
        byte[] payload = exchange.getMessage().getMandatoryBody(byte[].class);
        ValidationReport report = validate(payload);
        NotificationHeader header = reader.readHeader(payload);
        Partner partner = routeToPartner(header);
        String messageId = self.newMessageId();
        recordAcceptance(messageId, header, partner, payload, receivedAt, report);
        QueueHeaders.label(exchange.getMessage(), messageId, header, partner.country(), receivedAt);
        exchange.getMessage().setHeader(TARGET_QUEUE, Queues.jms(Queues.outbound(partner.country())));
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
        return partners.byCountry(country).orElseThrow(() -> rejected(header, "ROUTING:unknown-partner",
                "no partner gateway is configured for country " + country + " (office of entry "
                        + header.officeOfEntry() + ")"));
    }

    private static NotificationRejectedException rejected(NotificationHeader header, String rule, String message) {
        String path = "/" + header.type().rootElement() + "/OfficeOfEntry";
        return new NotificationRejectedException(List.of(new ValidationFinding(path, rule, message, Severity.ERROR)));
    }

    private void recordAcceptance(String messageId, NotificationHeader header, Partner partner, byte[] payload,
                                  Instant receivedAt, ValidationReport report) {
        trace.open(MessageRecord.of(messageId, header, Direction.OUTBOUND, partner.country(), payload));
        trace.event(messageId, TraceEvent.RECEIVED, receivedAt, "from the national system as " + header.messageId());
        String warnings = report.warnings().isEmpty() ? "" : "; warnings: " + report.warnings();
        trace.event(messageId, TraceEvent.VALIDATED, Instant.now(), "schema v1" + warnings);
    }
}
