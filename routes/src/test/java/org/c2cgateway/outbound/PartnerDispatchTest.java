package org.c2cgateway.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.c2cgateway.as4.As4Exception;
import org.c2cgateway.as4.As4MessageBuilder;
import org.c2cgateway.as4.As4MessageOpener;
import org.c2cgateway.as4.EbmsError;
import org.c2cgateway.as4.ErrorSignalBuilder;
import org.c2cgateway.as4.InboundUserMessage;
import org.c2cgateway.as4.ReceiptBuilder;
import org.c2cgateway.as4.ReceiptVerifier;
import org.c2cgateway.as4.ReferenceDigest;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.keys.KeyGenerations;
import org.c2cgateway.keys.KeyRing;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;
import org.c2cgateway.partner.TestPartners;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.trace.MessageRecord;
import org.c2cgateway.trace.MessageRef;
import org.c2cgateway.trace.MessageStatus;
import org.c2cgateway.trace.ReceivedMessage;
import org.c2cgateway.trace.TraceEvent;
import org.c2cgateway.trace.TraceRecorder;
import org.c2cgateway.trace.TraceStep;
import org.c2cgateway.transport.PartnerResponse;
import org.c2cgateway.transport.PartnerTransport;
import org.junit.jupiter.api.Test;

/**
 * A send counts as done only when the partner's signed receipt checks out: every other answer (or none)
 * fails the dispatch, so that the queue keeps the notification and the broker retries it, and nothing is
 * traced as verified or kept as evidence.
 */
class PartnerDispatchTest {

    private static final String SOAP = "application/soap+xml; charset=UTF-8";
    private static final Partner MK = TestPartners.pinned("MK", "gw-b", TestKeys.gatewayB().certificate());
    private static final Partner RS = TestPartners.pinned("RS", "gw-a", TestKeys.gatewayA().certificate());

    private final Trace trace = new Trace();

    @Test
    void a_valid_signed_receipt_completes_the_send_and_is_kept() throws Exception {
        dispatch(received -> answer(200, new ReceiptBuilder().build(received, TestKeys.gatewayB())));

        assertTrue(trace.events.contains(TraceEvent.RECEIPT_VERIFIED));
        assertNotNull(trace.receipt);
        assertEquals(List.of(List.of(TraceEvent.SENT, TraceEvent.RECEIPT_VERIFIED)), trace.writes,
                "the answer and its receipt in one write: one commit of the trace store");
    }

    @Test
    void an_answer_without_an_acceptable_receipt_is_still_traced_as_sent_before_the_failure() {
        assertThrows(As4Exception.class, () -> dispatch(received -> answer(200,
                new ReceiptBuilder().build(received, TestKeys.intruder()))));
        assertEquals(List.of(List.of(TraceEvent.SENT)), trace.writes);
    }

    @Test
    void refused_connections_and_timeouts_fail_the_send() {
        assertThrows(ConnectException.class, () -> dispatch(transportFailure(new ConnectException("Connection refused"))));
        assertThrows(HttpTimeoutException.class, () -> dispatch(transportFailure(new HttpTimeoutException("request timed out"))));
        assertNotVerified();
    }

    @Test
    void an_http_5xx_without_a_receipt_fails_the_send() {
        assertThrows(As4Exception.class, () -> dispatch(received -> new PartnerResponse(503, "text/html",
                "<html>Service Unavailable</html>".getBytes(StandardCharsets.UTF_8))));
        assertNotVerified();
    }

    @Test
    void an_ebms_error_signal_fails_the_send_with_the_partners_code() {
        As4Exception e = assertThrows(As4Exception.class, () -> dispatch(received -> answer(500,
                new ErrorSignalBuilder().build(new As4Exception(EbmsError.FAILED_DECRYPTION, "no key", null)))));
        assertEquals(EbmsError.FAILED_DECRYPTION, e.error());
        assertNotVerified();
    }

    @Test
    void a_missing_receipt_fails_the_send() {
        As4Exception e = assertThrows(As4Exception.class, () -> dispatch(received -> answer(200, new byte[0])));
        assertEquals(EbmsError.MISSING_RECEIPT, e.error());
        assertNotVerified();
    }

    @Test
    void a_receipt_signed_by_another_key_fails_the_send() {
        As4Exception e = assertThrows(As4Exception.class, () -> dispatch(received ->
                answer(200, new ReceiptBuilder().build(received, TestKeys.intruder()))));
        assertEquals(EbmsError.FAILED_AUTHENTICATION, e.error());
        assertNotVerified();
    }

    @Test
    void a_receipt_whose_non_repudiation_digests_do_not_match_fails_the_send() {
        As4Exception e = assertThrows(As4Exception.class, () -> dispatch(received -> {
            List<ReferenceDigest> digests = new ArrayList<>(received.signedDigests());
            ReferenceDigest first = digests.get(0);
            digests.set(0, new ReferenceDigest(first.uri(), first.digestAlgorithm(), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
            return answer(200, new ReceiptBuilder().build(new InboundUserMessage(received.message(),
                    received.signingCertificate(), digests, received.decryptionCertificate(), received.suite()),
                    TestKeys.gatewayB()));
        }));
        assertEquals(EbmsError.INVALID_RECEIPT, e.error());
        assertNotVerified();
    }

    private void assertNotVerified() {
        assertFalse(trace.events.contains(TraceEvent.RECEIPT_VERIFIED), trace.events.toString());
        assertTrue(trace.writes.stream().allMatch(write -> write.equals(List.of(TraceEvent.SENT))),
                "at most the answer, on its own: " + trace.writes);
        assertNull(trace.receipt, "no evidence kept");
    }

    /** The partner opens what it got, as gw-b, and answers as the test says. */
    private void dispatch(Function<InboundUserMessage, PartnerResponse> partner) throws Exception {
        PartnerTransport transport = (endpoint, body, contentType) -> {
            try {
                return partner.apply(new As4MessageOpener().open(body, contentType,
                        TestPartners.authentication().at(new PartnerDirectory(List.of(RS)), Instant.now()),
                        TestKeys.gatewayB()));
            } catch (As4Exception e) {
                throw new IllegalStateException("the partner cannot open the message", e);
            } catch (TransportFailure failure) {
                throw failure.cause;
            }
        };
        CredentialsInForce credentials = new CredentialsInForce(new Credentials(
                new KeyRing(KeyGenerations.of(TestKeys.gatewayA()), KeyGenerations.of(TestKeys.gatewayA())),
                new PartnerDirectory(List.of(MK))));
        PartnerDispatch dispatch = new PartnerDispatch(credentials, TestPartners.authentication(),
                new OwnIdentity("RS", "gw-a"), new As4MessageBuilder(), new ReceiptVerifier(), transport, trace);
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(QueueHeaders.MESSAGE_ID, "m-" + System.nanoTime() + "@rs.test");
        exchange.getMessage().setHeader(QueueHeaders.PARTNER, "MK");
        exchange.getMessage().setHeader(QueueHeaders.TYPE, "PreArrivalNotification");
        exchange.getMessage().setHeader(QueueHeaders.MRN, "26RS0110T0000452M5");
        exchange.getMessage().setBody("<n/>".getBytes(StandardCharsets.UTF_8));
        dispatch.process(exchange);
    }

    private static PartnerResponse answer(int status, byte[] body) {
        return new PartnerResponse(status, SOAP, body);
    }

    private static Function<InboundUserMessage, PartnerResponse> transportFailure(IOException cause) {
        return received -> {
            throw new TransportFailure(cause);
        };
    }

    /** Carries a transport's IOException out of the answering function. */
    private static final class TransportFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IOException cause;

        TransportFailure(IOException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Keeps what the dispatch traces, and which steps it wrote together. */
    private static final class Trace implements TraceRecorder {
        final List<TraceEvent> events = new ArrayList<>();
        final List<List<TraceEvent>> writes = new ArrayList<>();
        byte[] receipt;

        @Override
        public boolean open(MessageRecord record) {
            return true;
        }

        @Override
        public List<MessageRef> findOutboundByNationalMessageId(String nationalMessageId) {
            return List.of();
        }

        @Override
        public void event(String messageId, TraceEvent event, Instant at, String detail) {
            events.add(event);
            writes.add(List.of(event));
        }

        @Override
        public void receipt(String messageId, byte[] signedReceipt) {
            receipt = signedReceipt;
        }

        @Override
        public void receipt(String messageId, byte[] signedReceipt, List<TraceStep> steps) {
            receipt = signedReceipt;
            steps.forEach(step -> events.add(step.event()));
            writes.add(steps.stream().map(TraceStep::event).toList());
        }

        @Override
        public Optional<ReceivedMessage> findInbound(String messageId) {
            return Optional.empty();
        }

        @Override
        public byte[] keepSentReceipt(String messageId, byte[] signedReceipt) {
            return signedReceipt;
        }

        @Override
        public MessageStatus status(String messageId) {
            return null;
        }
    }
}
