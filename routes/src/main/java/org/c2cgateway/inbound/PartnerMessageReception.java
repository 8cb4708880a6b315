package org.c2cgateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.ClaimedUserMessage;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.exchange.Collaboration;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.model.NotificationHeader;
import org.c2cgateway.model.NotificationReader;
import org.c2cgateway.model.NotificationType;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerAuthentication;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.rules.AgreementEngine;
import org.c2cgateway.rules.AgreementRefusedException;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.ElementAction;
import org.c2cgateway.rules.InboundAdmission;
import org.c2cgateway.rules.RecognitionMarks;
import org.c2cgateway.security.Certificates;
import org.c2cgateway.status.DeliveryStatusReception;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.PayloadStore;
import org.c2cgateway.trace.ReceivedMessage;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.trace.TraceStep;
import org.c2cgateway.trust.CertificateRefusedException;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationReport;

/**
 * Checks an AS4 message from a partner before anything of it is kept: who sent it (signature and TLS
 * identity must both be the claimed partner's), that it is for us, that it decrypts and that its
 * notification is valid, and that this country's agreement with the sender admits it. Leaves the notification
 * as the national system is to get it (stripped where the agreement says so, with its {@code Recognition}) on
 * the exchange, labelled for the national queue;
 * for a repeat of a message already queued, the receipt its first reception was answered with instead.
 * A partner's delivery status passes the same checks of who sent it, and is then handed to the
 * {@link DeliveryStatusReception}: it is no notification.
 */
public final class PartnerMessageReception implements Processor {

    /** Exchange property: the receipt a repeated message was first answered with, to answer it again. */
    static final String SENT_RECEIPT = "c2cSentReceipt";

    private final As4MessageOpener opener;
    private final CredentialsInForce credentials;
    private final PartnerAuthentication authentication;
    private final OwnIdentity self;
    private final NotificationValidator validator;
    private final NotificationReader reader;
    private final TraceRecorder trace;
    private final DuplicateElimination duplicates;
    private final AgreementEngine agreements;
    private final PayloadStore payloads;
    private final DeliveryStatusReception statuses;

    public PartnerMessageReception(As4MessageOpener opener, CredentialsInForce credentials,
                                   PartnerAuthentication authentication, OwnIdentity self,
                                   NotificationValidator validator, NotificationReader reader, TraceRecorder trace,
                                   DuplicateElimination duplicates, AgreementEngine agreements,
                                   PayloadStore payloads, DeliveryStatusReception statuses) {
        this.opener = opener;
        this.credentials = credentials;
        this.authentication = authentication;
        this.self = self;
        this.validator = validator;
        this.reader = reader;
        this.trace = trace;
        this.duplicates = duplicates;
        this.agreements = agreements;
        this.payloads = payloads;
        this.statuses = statuses;
    }

    @Override
    public void process(Exchange exchange) throws As4Exception, InvalidPayloadException {
        Instant receivedAt = Instant.now();
        exchange.setProperty(InboundRefusals.RECEIVED_AT, receivedAt);
        Message message = exchange.getMessage();
        Credentials now = credentials.current();
        PartnerAuthentication.Check trust = authentication.at(now.partners(), receivedAt);
        byte[] request = message.getMandatoryBody(byte[].class);
        String contentType = message.getHeader(InboundHeaders.CONTENT_TYPE, String.class);
        ClaimedUserMessage claimed = opener.read(request, contentType);
        exchange.setProperty(InboundRefusals.CLAIMED, claimed);
        InboundUserMessage received = opener.open(claimed, trust, now.keys().ownKeys());
        exchange.setProperty(InboundUserMessage.class.getName(), received);
        UserMessage userMessage = received.message();
        Partner partner = verifyTransportIdentity(now.partners(), userMessage,
                message.getHeader(InboundHeaders.TLS_CLIENT_CERTIFICATE, X509Certificate.class), trust);
        exchange.setProperty(InboundRefusals.AUTHENTICATED_PARTNER, partner);
        verifyAddressedToUs(userMessage);
        if (Collaboration.DELIVERY_STATUS_ACTION.equals(userMessage.action())) {
            statuses.receive(received, partner, request, contentType, receivedAt);
            message.setHeader(InboundHeaders.DELIVERY_STATUS, true);
            return;
        }
        NotificationHeader header = validateNotification(userMessage);
        InboundAdmission admission = admit(partner, userMessage);
        boolean firstTime = recordReception(exchange, received, header, partner, receivedAt, trust.traceNote(), admission);
        message.setHeader(InboundHeaders.DUPLICATE, !firstTime);
        if (firstTime) {
            payloads.keep(userMessage.messageId(), Direction.INBOUND, admission.deliverable());
        }
        message.setBody(admission.deliverable());
        QueueHeaders.label(message, userMessage.messageId(), header, partner.country(), receivedAt);
    }

    /**
     * The TLS client certificate must be the claimed partner's too. The handshake only proved that it
     * chains to a CA we know; checking it here, after the handshake, lets a refusal name the certificate
     * and the reason in an ebMS error.
     */
    private static Partner verifyTransportIdentity(PartnerDirectory partners, UserMessage message,
                                                   X509Certificate tlsClient, PartnerAuthentication.Check trust)
            throws As4Exception {
        Partner partner = partners.byPartyId(message.fromParty()).orElseThrow(() -> new As4Exception(
                EbmsError.FAILED_AUTHENTICATION, "sender party " + message.fromParty() + " is not a partner", message.messageId()));
        if (tlsClient == null) {
            throw new As4Exception(EbmsError.FAILED_AUTHENTICATION, "no TLS client certificate was presented for partner "
                    + partner.partyId(), message.messageId());
        }
        try {
            trust.verifyTransport(partner, tlsClient);
        } catch (CertificateRefusedException e) {
            throw new As4Exception(EbmsError.FAILED_AUTHENTICATION, e.getMessage(), message.messageId());
        }
        return partner;
    }

    private void verifyAddressedToUs(UserMessage message) throws As4Exception {
        if (!self.partyId().equals(message.toParty())) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "message is addressed to party " + message.toParty()
                    + ", this gateway is " + self.partyId(), message.messageId());
        }
        if (!Collaboration.SERVICE.equals(message.service())) {
            throw new As4Exception(EbmsError.VALUE_NOT_RECOGNIZED, "unknown service " + message.service(), message.messageId());
        }
        if (!Collaboration.DELIVERY_STATUS_ACTION.equals(message.action())
                && Arrays.stream(NotificationType.values()).noneMatch(t -> t.rootElement().equals(message.action()))) {
            throw new As4Exception(EbmsError.VALUE_NOT_RECOGNIZED, "unknown action " + message.action(), message.messageId());
        }
    }

    private NotificationHeader validateNotification(UserMessage message) throws As4Exception {
        ValidationReport report = validator.validate(message.payload());
        if (!report.accepted()) {
            String broken = report.errors().stream().map(f -> f.rule() + " at " + f.path() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            throw new As4Exception(EbmsError.OTHER, "the notification breaks " + report.errors().size()
                    + " rule(s): " + broken, message.messageId());
        }
        NotificationHeader header = reader.readHeader(message.payload());
        if (!header.type().rootElement().equals(message.action())) {
            throw new As4Exception(EbmsError.VALUE_INCONSISTENT, "action " + message.action()
                    + " does not match the payload's " + header.type().rootElement(), message.messageId());
        }
        return header;
    }

    /**
     * This country's copy of the agreement with the sender decides whether it may send this notification to us,
     * what of it is stripped, and what is recognised. A refusal names the agreement version and clause, so the
     * partner's operator reads in the ebMS error which clause of which version refused, and where it is written.
     */
    private InboundAdmission admit(Partner partner, UserMessage message) throws As4Exception {
        try {
            return agreements.admitInbound(partner.country(), message.payload());
        } catch (AgreementRefusedException e) {
            ClauseRef clause = e.clause();
            throw new As4Exception(EbmsError.PROCESSING_MODE_MISMATCH, "refused by agreement "
                    + (clause == null ? "(none)" : clause.label() + " [" + clause.location() + "]") + " at " + e.field()
                    + ": " + e.getMessage(), message.messageId());
        }
    }

    /** What the trace says of the agreement: version, flow, what was stripped and what is recognised. */
    private static String applied(InboundAdmission admission) {
        RecognitionMarks marks = admission.marks();
        List<String> parts = new ArrayList<>();
        parts.add(admission.flow().ref().label());
        if (!admission.stripped().isEmpty()) {
            parts.add("stripped under " + admission.agreement().label() + " data-sharing.unshared-inbound STRIP: "
                    + admission.stripped().stream().map(ElementAction::path).collect(Collectors.joining(", ")));
        }
        marks.aeo().forEach(aeo -> parts.add("AEO recognised: " + aeo.party() + " " + aeo.identification() + " ("
                + aeo.programme() + ") " + aeo.benefits().stream().map(Enum::name).sorted().collect(Collectors.joining("+"))));
        marks.control().ifPresent(c -> parts.add("control recognised: " + c.code() + " by " + c.controlledBy()));
        marks.seals().ifPresent(s -> parts.add("seals recognised: " + String.join(", ", s.practices())));
        return String.join("; ", parts);
    }

    /**
     * Returns {@code false} when this message was already queued for the national system before, and
     * then leaves the receipt it was answered with (when one was kept) in {@link #SENT_RECEIPT}.
     */
    private boolean recordReception(Exchange exchange, InboundUserMessage received, NotificationHeader header,
                                    Partner partner, Instant receivedAt, String trustNote, InboundAdmission admission)
            throws As4Exception {
        UserMessage message = received.message();
        String messageId = message.messageId();
        Optional<ReceivedMessage> known = trace.findInbound(messageId);
        switch (duplicates.judge(known, receivedAt)) {
            case NEW -> {
                List<TraceStep> firstSteps = List.of(
                        new TraceStep(TraceEvent.RECEIVED_FROM_PARTNER, receivedAt, "from " + partner.partyId()),
                        new TraceStep(TraceEvent.VERIFIED, Instant.now(), "signature, TLS identity, decryption and schema; "
                                + "signed with " + Certificates.describe(received.signingCertificate()) + ", encrypted for "
                                + Certificates.describe(received.decryptionCertificate()) + trustNote),
                        new TraceStep(TraceEvent.AGREEMENT_APPLIED, Instant.now(), applied(admission)));
                if (!trace.open(MessageRecord.of(messageId, header, message.conversationId(), Direction.INBOUND,
                        partner.country(), message.payload())
                        .underAgreement(admission.agreement().id(), admission.agreement().version()), firstSteps)) {
                    throw new As4Exception(EbmsError.OTHER, "message " + messageId
                            + " is being received at this moment (or the id is already taken); send it again later", messageId);
                }
                return true;
            }
            case NOT_YET_QUEUED -> {
                return true; // seen, but never queued: a crash came between; queue it now
            }
            case ALREADY_QUEUED -> {
                ReceivedMessage first = known.orElseThrow();
                trace.event(messageId, TraceEvent.DUPLICATE_RECEIVED, receivedAt, "already " + first.status() + "; "
                        + (first.sentReceipt() == null ? "acknowledged with a new receipt" : "acknowledged with the receipt kept"));
                if (first.sentReceipt() != null) {
                    exchange.setProperty(SENT_RECEIPT, first.sentReceipt());
                }
                return false;
            }
            case OUTSIDE_WINDOW -> {
                ReceivedMessage first = known.orElseThrow();
                String refusal = "accepted at " + first.acceptedAt() + ", longer ago than the duplicate window of "
                        + duplicates.window() + "; not delivered again";
                trace.event(messageId, TraceEvent.DUPLICATE_RECEIVED, receivedAt, "refused: " + refusal);
                throw new As4Exception(EbmsError.OTHER, "message " + messageId + " was " + refusal, messageId);
            }
            default -> { // REFUSED_BEFORE
                trace.event(messageId, TraceEvent.DUPLICATE_RECEIVED, receivedAt, "refused before; refused again");
                throw new As4Exception(EbmsError.OTHER, "message " + messageId + " was refused before", messageId);
            }
        }
    }
}
