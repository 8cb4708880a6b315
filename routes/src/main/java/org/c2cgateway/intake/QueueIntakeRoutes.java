package org.c2cgateway.intake;

import jakarta.jms.JMSException;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.c2cgateway.queue.QueueHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue channel: the national system sends notifications to a named queue and reads the answer
 * from its reply queue (or a temporary queue of its own), correlated by JMS correlation id. Each message is consumed in a local JMS
 * transaction, committed only after the shared intake route has returned (the notification is on its
 * partner's durable queue, or was there before) and the answer is sent: the answer and the consumption
 * commit together. A failure of the gateway rolls back; the broker offers the message again with
 * backoff, and after its last attempt moves it to the dead-letter queue. A redelivered message whose
 * notification was queued before is answered as a duplicate, with the original gateway message id.
 *
 * <p>The component given must be this channel's own JMS component, with a connection factory of its
 * own: the reply and the dead letter share the consumer's transaction, and the partner queue's send must
 * not (it commits first, on the engine's own component).
 *
 * <p>Answers: a {@code SubmitNotificationResponse} (outcome ACCEPTED or DUPLICATE) or a
 * {@code SubmissionRejected} (outcome REJECTED) as text, in the submission WSDL's vocabulary, with the
 * properties {@value #OUTCOME}, {@code c2cMessageId}, {@code c2cNationalMessageId}, {@code c2cStatus} and
 * {@code c2cDuplicate}. Where the line to a dead letter lies: see {@link QueueSubmission}.
 */
public final class QueueIntakeRoutes extends RouteBuilder {

    public static final String CHANNEL = "QUEUE";
    /** Reply property: ACCEPTED, DUPLICATE or REJECTED. */
    public static final String OUTCOME = "c2cOutcome";
    /** Dead letter property: why the message is no submission. */
    public static final String DEAD_LETTER_REASON = "c2cDeadLetterReason";
    /** Dead letter property: the JMSMessageID the message had on the intake queue. */
    public static final String ORIGINAL_MESSAGE_ID = "c2cOriginalMessageId";
    static final String CORRELATION_ID = "JMSCorrelationID";
    /** Where the answer (or the dead letter) goes, as {@code queue:name} or {@code topic:name}. */
    private static final String SEND_TO = "c2cSendTo";
    private static final String REQUEST = "c2cQueueRequest";
    private static final Logger LOG = LoggerFactory.getLogger(QueueIntakeRoutes.class);

    private final String component;
    private final String queue;
    private final String defaultReplyQueue;
    private final String deadLetterQueue;
    private final long maxPayloadBytes;

    public QueueIntakeRoutes(String component, String queue, String defaultReplyQueue, String deadLetterQueue,
                             long maxPayloadBytes) {
        this.component = component;
        this.queue = queue;
        this.defaultReplyQueue = defaultReplyQueue;
        this.deadLetterQueue = deadLetterQueue;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void configure() {
        // doCatch, not onException: the intake route has already seen a rejection, and Camel's error
        // handlers do not handle an exception twice. Anything else fails the exchange: rollback, redelivery.
        from(component + ":queue:" + queue + "?transacted=true&disableReplyTo=true&mapJmsMessage=false")
                .routeId("queue-intake")
                .doTry()
                    .process(this::readRequest)
                    .to(IntakeRoutes.ENDPOINT)
                    .process(this::acknowledgement)
                .doCatch(NotificationRejectedException.class)
                    .process(this::rejection)
                .doCatch(UnparseableSubmissionException.class)
                    .process(this::deadLetter)
                .end()
                .setExchangePattern(ExchangePattern.InOnly)
                .toD(component + ":${exchangeProperty." + SEND_TO + "}");
    }

    /** The reply address and correlation first (they are needed even for a rejection), then the content. */
    private void readRequest(Exchange exchange) throws JMSException {
        Message message = exchange.getMessage();
        jakarta.jms.Message request = message.getBody(jakarta.jms.Message.class);
        exchange.setProperty(REQUEST, request);
        QueueSubmission.Reply reply = QueueSubmission.replyDestination(request.getJMSReplyTo(), defaultReplyQueue);
        if (reply.refused() != null) {
            LOG.warn("national queue message {} asks for its answer on {}, which is not the reply queue; answered on {}",
                    request.getJMSMessageID(), reply.refused(), defaultReplyQueue);
        }
        exchange.setProperty(SEND_TO, reply.destination());
        exchange.setProperty(CORRELATION_ID, request.getJMSCorrelationID() != null && !request.getJMSCorrelationID().isBlank()
                ? request.getJMSCorrelationID() : request.getJMSMessageID());
        byte[] payload = QueueSubmission.payload(request, maxPayloadBytes);
        message.removeHeaders("*"); // the sender's properties must not pass for the intake's own (c2c...) headers
        message.setBody(payload);
        message.setHeader(IntakeHeaders.CHANNEL, CHANNEL);
    }

    private void acknowledgement(Exchange exchange) {
        Message message = exchange.getMessage();
        boolean duplicate = Boolean.TRUE.equals(message.getHeader(IntakeHeaders.DUPLICATE, Boolean.class));
        String messageId = message.getHeader(QueueHeaders.MESSAGE_ID, String.class);
        String nationalMessageId = message.getHeader(QueueHeaders.NATIONAL_MESSAGE_ID, String.class);
        String status = message.getHeader(IntakeHeaders.STATUS, String.class);
        String body = SubmissionOutcome.accepted(message);
        message.removeHeaders("*");
        message.setBody(body);
        message.setHeader(OUTCOME, duplicate ? "DUPLICATE" : "ACCEPTED");
        message.setHeader(QueueHeaders.MESSAGE_ID, messageId);
        message.setHeader(QueueHeaders.NATIONAL_MESSAGE_ID, nationalMessageId);
        message.setHeader(IntakeHeaders.STATUS, status);
        message.setHeader(IntakeHeaders.DUPLICATE, duplicate);
        message.setHeader(CORRELATION_ID, exchange.getProperty(CORRELATION_ID));
    }

    private void rejection(Exchange exchange) {
        NotificationRejectedException rejected = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                NotificationRejectedException.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(SubmissionOutcome.rejected(rejected.findings()));
        message.setHeader(OUTCOME, "REJECTED");
        message.setHeader(CORRELATION_ID, exchange.getProperty(CORRELATION_ID));
    }

    private void deadLetter(Exchange exchange) throws JMSException {
        String reason = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage();
        jakarta.jms.Message request = exchange.getProperty(REQUEST, jakarta.jms.Message.class);
        LOG.warn("national queue message {} is no submission, moved to {}: {}", request.getJMSMessageID(),
                deadLetterQueue, reason);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setBody(content(request));
        message.setHeader(DEAD_LETTER_REASON, reason);
        message.setHeader(ORIGINAL_MESSAGE_ID, request.getJMSMessageID());
        message.setHeader(CORRELATION_ID, exchange.getProperty(CORRELATION_ID));
        exchange.setProperty(SEND_TO, "queue:" + deadLetterQueue);
    }

    /** What can be kept of the original: its bytes or text; nothing of other message types. */
    private static Object content(jakarta.jms.Message request) throws JMSException {
        if (request instanceof jakarta.jms.TextMessage text) {
            return text.getText() == null ? "" : text.getText();
        }
        if (request instanceof jakarta.jms.BytesMessage bytes) {
            bytes.reset();
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return content;
        }
        return "";
    }
}
