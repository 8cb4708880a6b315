package org.c2cgateway.inbound;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.ClaimedUserMessage;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.UserMessage;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.PayloadDigest;
import org.c2cgateway.trace.Refusal;
import org.c2cgateway.trace.RefusalRecorder;
import org.c2cgateway.trace.RefusalThrottle;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.transport.CxfHttpsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inbound error policy keeps of a refused AS4 attempt, and the one place it is kept. Every
 * refusal becomes a {@link Refusal} in a store of its own, at a bounded rate; only when the sender was
 * authenticated (signature and TLS identity both the partner's) does the refused message also get a trace
 * of its own, and never onto an existing record of the same id, so a forger cannot write into the trace of
 * someone else's message.
 */
public final class InboundRefusals {

    /** Exchange property: what the message claimed, once its eb:Messaging could be read. */
    static final String CLAIMED = "c2cClaimedUserMessage";
    /** Exchange property: the {@link Partner} the sender was proven to be. */
    static final String AUTHENTICATED_PARTNER = "c2cAuthenticatedPartner";
    /** Exchange property: when the request was taken on. */
    static final String RECEIVED_AT = "c2cReceivedAt";

    private static final Logger LOG = LoggerFactory.getLogger(InboundRefusals.class);

    private final RefusalRecorder refusals;
    private final TraceRecorder trace;
    private final RefusalThrottle throttle;

    /** @param throttle how many refusals per second this node keeps and logs; the rest are only counted */
    public InboundRefusals(RefusalRecorder refusals, TraceRecorder trace, RefusalThrottle throttle) {
        this.refusals = refusals;
        this.trace = trace;
        this.throttle = throttle;
    }

    /**
     * Keeps the refusal of the exchange's request with the error it is answered with.
     *
     * @param caught what went wrong: {@code error} itself when the request was refused on purpose, anything
     *               else when processing failed and {@code error} is the generic answer to it
     */
    void refused(Exchange exchange, As4Exception error, Exception caught) {
        Instant now = Instant.now();
        Partner partner = exchange.getProperty(AUTHENTICATED_PARTNER, Partner.class);
        OptionalInt admitted = throttle.admit(now);
        if (admitted.isPresent()) {
            Refusal refusal = refusalOf(exchange, error, caught, partner, now).afterSuppressing(admitted.getAsInt());
            if (caught == error) {
                LOG.warn("AS4 request from {} ({}) refused with {}: {} [claimed message {} from {}]",
                        refusal.remoteAddress(), refusal.tlsClientSubject(), refusal.ebmsCode(), refusal.reason(),
                        Objects.requireNonNullElse(refusal.claimedMessageId(), "unknown"),
                        Objects.requireNonNullElse(refusal.claimedFrom(), "unknown"));
            } else {
                LOG.warn("AS4 request from {} could not be processed", refusal.remoteAddress(), caught);
            }
            refusals.refused(refusal);
        } else {
            LOG.debug("AS4 request refused with {} (not kept: over the refusal rate)", error.error().code());
        }
        if (partner != null && caught == error) {
            traceOnTheMessage(exchange, partner, error, now);
        }
    }

    private static Refusal refusalOf(Exchange exchange, As4Exception error, Exception caught, Partner partner, Instant now) {
        Message request = exchange.getMessage();
        X509Certificate tls = request.getHeader(InboundHeaders.TLS_CLIENT_CERTIFICATE, X509Certificate.class);
        ClaimedUserMessage claimed = exchange.getProperty(CLAIMED, ClaimedUserMessage.class);
        return new Refusal(now, CxfHttpsEndpoint.remoteAddress(request).orElse(null),
                tls == null ? null : tls.getSubjectX500Principal().getName(),
                claimed == null ? null : claimed.fromParty(),
                claimed == null ? error.refToMessageId() : claimed.messageId(),
                partner == null ? null : partner.partyId(), error.error().code(),
                caught == error ? error.detail() : error.detail() + ": " + caught, 0);
    }

    /** The refused message's own trace: opened for it, never added to a record that exists already. */
    private void traceOnTheMessage(Exchange exchange, Partner partner, As4Exception error, Instant now) {
        UserMessage message = exchange.getProperty(InboundUserMessage.class.getName(), InboundUserMessage.class).message();
        if (trace.status(message.messageId()) != null) {
            return;
        }
        String conversation = message.conversationId() == null ? "" : message.conversationId();
        boolean opened = trace.open(new MessageRecord(message.messageId(), null,
                conversation.substring(0, Math.min(18, conversation.length())), message.conversationId(),
                Refusal.bounded(message.action(), 40), Direction.INBOUND, partner.country(), message.payload().length,
                PayloadDigest.sha256Hex(message.payload()), null, null));
        if (opened) {
            trace.event(message.messageId(), TraceEvent.RECEIVED_FROM_PARTNER,
                    exchange.getProperty(RECEIVED_AT, now, Instant.class), "from " + partner.partyId());
            trace.event(message.messageId(), TraceEvent.REJECTED, now, error.error().code() + " " + error.detail());
        }
    }
}
