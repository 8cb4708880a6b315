package org.c2cgateway.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.rules.AgreementEngine;
import org.c2cgateway.rules.AgreementRefusedException;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.Delivery;
import org.c2cgateway.rules.MinimisedNotification;
import org.c2cgateway.rules.OutboundPlan;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageRef;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.PayloadDigest;
import org.c2cgateway.trace.PayloadStore;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.trace.TraceStep;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.Severity;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;

/**
 * Takes a notification from the national system up to the point where it can be queued for its
 * receivers: validated, planned by the agreements in force (who receives it, what each may get), given one
 * gateway message id per receiver and traced. Rejections throw {@link NotificationRejectedException} before
 * anything is written.
 *
 * <p>Every channel comes through here, so every channel is idempotent the same way: a national message id
 * that was accepted before for a receiver gets the original gateway message id and its status back
 * ({@link IntakeHeaders#DUPLICATE}), and is not queued again. The one exception is a message accepted but
 * never queued (the node stopped in between): it is queued now, under its original id; the broker's
 * duplicate detection keeps that from queueing it twice when the first attempt is merely slow.
 */
public final class NotificationIntake implements Processor {

    /** Camel header: the outbound queue of one outgoing message. */
    public static final String TARGET_QUEUE = "c2cTargetQueue";
    /** Exchange property: the {@link Outgoing} messages to queue, one per receiver not queued before. */
    static final String OUTGOING = "c2cOutgoing";

    private final NotificationValidator validator;
    private final NotificationReader reader;
    private final CredentialsInForce credentials;
    private final OwnIdentity self;
    private final AgreementEngine agreements;
    private final TraceRecorder trace;
    private final PayloadStore payloads;

    public NotificationIntake(NotificationValidator validator, NotificationReader reader, CredentialsInForce credentials,
                              OwnIdentity self, AgreementEngine agreements, TraceRecorder trace,
                              PayloadStore payloads) {
        this.validator = validator;
        this.reader = reader;
        this.credentials = credentials;
        this.self = self;
        this.agreements = agreements;
        this.trace = trace;
        this.payloads = payloads;
    }

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Instant receivedAt = Instant.now();
        Message message = exchange.getMessage();
        message.removeHeaders(TARGET_QUEUE + "|" + IntakeHeaders.DELIVERIES); // only this processor says where it goes
        byte[] payload = message.getMandatoryBody(byte[].class);
        String channel = message.getHeader(IntakeHeaders.CHANNEL, "REST", String.class);
        ValidationReport report = validate(payload);
        NotificationHeader header = reader.readHeader(payload);
        OutboundPlan plan = plan(header, payload);
        Map<String, MessageRef> accepted = byPartner(trace.findOutboundByNationalMessageId(header.messageId()));
        List<Outgoing> outgoing = new ArrayList<>();
        List<SubmissionDelivery> answers = new ArrayList<>();
        for (Delivery delivery : plan.deliveries()) {
            MessageRef original = accepted.remove(delivery.partner());
            if (original == null) {
                String messageId = self.newMessageId();
                byte[] document = delivery.notification().xml();
                MessageRecord record = MessageRecord.of(messageId, header, Collaboration.conversationId(header.mrn()),
                        Direction.OUTBOUND, delivery.partner(), document)
                        .underAgreement(delivery.agreement().id(), delivery.agreement().version());
                if (trace.open(record, acceptance(header, channel, receivedAt, report, delivery, plan))) {
                    payloads.keep(messageId, Direction.OUTBOUND, document);
                    outgoing.add(new Outgoing(messageId, delivery.partner(), document, header, receivedAt));
                    answers.add(new SubmissionDelivery(delivery.partner(), messageId, MessageStatus.ACCEPTED.name(), false,
                            delivery.agreement().label()));
                    continue;
                }
                original = byPartner(trace.findOutboundByNationalMessageId(header.messageId())).get(delivery.partner());
                if (original == null) { // another node accepted it first, so its row must be there
                    throw new IllegalStateException("national message id " + header.messageId() + " is claimed for "
                            + delivery.partner() + " but its message is not traced");
                }
            }
            answers.add(answerAsDuplicate(original, delivery.notification().xml(), header, channel, receivedAt, outgoing,
                    delivery.agreement().label()));
        }
        for (MessageRef earlier : accepted.values()) { // accepted for a receiver today's agreements no longer include
            answers.add(answerAsDuplicate(earlier, null, header, channel, receivedAt, outgoing, null));
        }
        exchange.setProperty(OUTGOING, outgoing);
        answer(message, header, answers, receivedAt);
    }

    /** After queueing: the outgoing messages are now QUEUED. */
    void queued(Exchange exchange) {
        Message message = exchange.getMessage();
        List<?> outgoing = exchange.getProperty(OUTGOING, List.class);
        List<String> queuedIds = outgoing.stream().map(o -> ((Outgoing) o).messageId()).toList();
        @SuppressWarnings("unchecked")
        List<SubmissionDelivery> answers = message.getHeader(IntakeHeaders.DELIVERIES, List.class);
        List<SubmissionDelivery> updated = answers.stream()
                .map(a -> queuedIds.contains(a.messageId()) ? a.queued() : a).toList();
        message.setHeader(IntakeHeaders.DELIVERIES, updated);
        message.setHeader(IntakeHeaders.STATUS, updated.get(0).status());
    }

    private static void answer(Message message, NotificationHeader header, List<SubmissionDelivery> answers,
                               Instant receivedAt) {
        SubmissionDelivery first = answers.get(0);
        QueueHeaders.label(message, first.messageId(), header, first.partner(), receivedAt);
        message.setHeader(IntakeHeaders.DELIVERIES, List.copyOf(answers));
        message.setHeader(IntakeHeaders.DUPLICATE, answers.stream().allMatch(SubmissionDelivery::duplicate));
        message.setHeader(IntakeHeaders.STATUS, first.status());
    }

    private SubmissionDelivery answerAsDuplicate(MessageRef original, byte[] document, NotificationHeader header,
                                                 String channel, Instant receivedAt, List<Outgoing> outgoing,
                                                 String agreement) {
        boolean sameContent = document != null && original.payloadSha256().equals(PayloadDigest.sha256Hex(document));
        boolean neverQueued = original.status() == MessageStatus.ACCEPTED;
        trace.event(original.messageId(), TraceEvent.DUPLICATE_RECEIVED, receivedAt, "submitted again as "
                + header.messageId() + " over " + channel + (sameContent ? "" : ", with different content (ignored)")
                + "; answered with this message's id" + (neverQueued && sameContent ? "; queued now" : ""));
        if (neverQueued && sameContent) {
            payloads.keep(original.messageId(), Direction.OUTBOUND, document); // the first copy may have been lost with the node
            outgoing.add(new Outgoing(original.messageId(), original.partner(), document, header, receivedAt));
        }
        return new SubmissionDelivery(original.partner(), original.messageId(), original.status().name(), true, agreement);
    }

    private ValidationReport validate(byte[] payload) {
        ValidationReport report = validator.validate(payload);
        if (!report.accepted()) {
            throw new NotificationRejectedException(report.errors());
        }
        return report;
    }

    /**
     * The agreements' plan, every receiver a configured partner. A refusal names the clause as the rule, so a
     * national system's error lists point at the agreement (file and line) that refused.
     */
    private OutboundPlan plan(NotificationHeader header, byte[] payload) {
        OutboundPlan plan;
        try {
            plan = agreements.planOutbound(payload);
        } catch (AgreementRefusedException e) {
            ClauseRef clause = e.clause();
            String rule = clause == null ? "AGREEMENT:none" : "AGREEMENT:" + clause.label();
            String where = clause == null ? "" : " (" + clause.location() + ")";
            throw new NotificationRejectedException(List.of(new ValidationFinding(e.field(), rule,
                    e.getMessage() + where, Severity.ERROR)));
        }
        for (Delivery delivery : plan.deliveries()) {
            if (credentials.current().partners().byCountry(delivery.partner()).isEmpty()) {
                throw new NotificationRejectedException(List.of(new ValidationFinding("/" + header.type().rootElement()
                        + "/OfficeOfEntry", "ROUTING:unknown-partner", delivery.agreement().label() + " sends to "
                        + delivery.partner() + ", but no partner gateway is configured for " + delivery.partner(),
                        Severity.ERROR)));
            }
        }
        return plan;
    }

    private static Map<String, MessageRef> byPartner(List<MessageRef> refs) {
        return new TreeMap<>(refs.stream().collect(Collectors.toMap(MessageRef::partner, Function.identity(), (a, b) -> a)));
    }

    /** The first steps of an accepted message's timeline. */
    private static List<TraceStep> acceptance(NotificationHeader header, String channel, Instant receivedAt,
                                              ValidationReport report, Delivery delivery, OutboundPlan plan) {
        String warnings = report.warnings().isEmpty() ? "" : "; warnings: " + report.warnings();
        return List.of(
                new TraceStep(TraceEvent.RECEIVED, receivedAt, "from the national system as " + header.messageId()
                        + " over " + channel),
                new TraceStep(TraceEvent.VALIDATED, Instant.now(), "schema v1" + warnings),
                new TraceStep(TraceEvent.AGREEMENT_APPLIED, Instant.now(), applied(delivery, plan)));
    }

    /** What the trace says of the agreement: version, flow, what minimisation did, and who else receives it. */
    private static String applied(Delivery delivery, OutboundPlan plan) {
        MinimisedNotification sent = delivery.notification();
        String others = plan.deliveries().stream().map(Delivery::partner).filter(p -> !p.equals(delivery.partner()))
                .collect(Collectors.joining(", "));
        String skipped = plan.notSent().stream().map(n -> n.country() + " (" + n.reason() + ")")
                .collect(Collectors.joining("; "));
        return delivery.flow().ref().label() + " (in force on " + plan.day() + "); " + sent.kept().size()
                + " elements shared, " + sent.removed().size() + " removed and " + sent.pseudonymised().size()
                + " pseudonymised under " + delivery.agreement().label() + " data-sharing." + delivery.flow().type()
                + (others.isEmpty() ? "" : "; also sent to " + others) + (skipped.isEmpty() ? "" : "; not sent to " + skipped);
    }
}
