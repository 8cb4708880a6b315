package org.c2cgateway.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.trace.TracedEvent;
import org.c2cgateway.app.trace.TracedEventRepository;
import org.c2cgateway.app.trace.TracedMessage;
import org.c2cgateway.app.trace.TracedMessageRepository;
import org.c2cgateway.trace.DeliveryAttempt;

/**
 * A few hundred traced messages written straight into a test gateway's trace store, with the times a search filters
 * on chosen by the test: message {@code i} was created {@code i} minutes after {@link #START}. Three messages share
 * each movement (MRN); partners, directions, types and statuses take turns.
 */
final class TraceSeed {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final List<String> PARTNERS = List.of("MK", "ME", "AL");
    static final List<String> TYPES = List.of("PreArrivalNotification", "ExitNotification", "TransitNotification",
            "ControlResultNotification");
    static final List<String> OUTBOUND_STATUSES = List.of("QUEUED", "DELIVERED_TO_PARTNER", "FAILED", "SENDING");
    static final List<String> INBOUND_STATUSES = List.of("DELIVERED", "ACKNOWLEDGED", "REJECTED");
    static final String RECEIPT = "<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\">signed receipt"
            + "</S12:Envelope>";

    private TraceSeed() {
    }

    static String messageId(int i) {
        return String.format("%08d-seed@rs.c2c-gateway", i);
    }

    static String mrn(int i) {
        return String.format("26RS%012dJ0", i / 3);
    }

    static String nationalMessageId(int i) {
        return String.format("NAT-%04d", i);
    }

    static String partner(int i) {
        return PARTNERS.get(i % PARTNERS.size());
    }

    static String direction(int i) {
        return i % 2 == 0 ? "OUTBOUND" : "INBOUND";
    }

    static String type(int i) {
        return TYPES.get(i % TYPES.size());
    }

    static String status(int i) {
        List<String> statuses = i % 2 == 0 ? OUTBOUND_STATUSES : INBOUND_STATUSES;
        return statuses.get(i / 2 % statuses.size());
    }

    static Instant createdAt(int i) {
        return START.plus(Duration.ofMinutes(i));
    }

    /** Last changed in the reverse order of creation, so a sort by either time is told apart from the other. */
    static Instant updatedAt(int i, int count) {
        return START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(count - i));
    }

    /** Seeds {@code count} messages, each with a received, a failed and a successful send, and a receipt. */
    static void seed(ApplicationContext gateway, int count) {
        List<TracedMessage> messages = new ArrayList<>();
        List<TracedEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = messageId(i);
            Instant created = createdAt(i);
            messages.add(new TracedMessage(id, nationalMessageId(i), mrn(i), mrn(i), type(i), direction(i), partner(i),
                    1000 + i, "ab".repeat(32), status(i), created, updatedAt(i, count), RECEIPT, "RS-" + partner(i), 2));
            events.add(new TracedEvent(null, id, "RECEIVED", created, "rs-1", "REST", null, null));
            events.add(new TracedEvent(null, id, "SEND_FAILED", created.plusSeconds(1), "rs-1",
                    DeliveryAttempt.note(1) + ": java.net.ConnectException: Connection refused", "RS-" + partner(i), 2));
            events.add(new TracedEvent(null, id, "SENT", created.plusSeconds(2), "rs-2",
                    "to https://gateway.example:8443/as4, " + DeliveryAttempt.note(2) + ", HTTP 200", "RS-" + partner(i), 2));
        }
        gateway.getBean(TracedMessageRepository.class).saveAll(messages);
        gateway.getBean(TracedEventRepository.class).saveAll(events);
    }
}
