package org.c2cgateway.app.trace;

import java.time.Instant;
import java.util.List;

import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageStatus;

/**
 * What an operator searches the trace index for: every criterion that is set must hold. Values are checked
 * before they get here ({@code SearchParameters}); {@code null} (or an empty list) means "any".
 *
 * @param text     an exact value or a prefix of any of a message's identifiers: message id, national message id,
 *                 MRN, conversation id
 * @param from     created at or after (inclusive)
 * @param to       created before (exclusive)
 * @param page     the page, from 0, of {@code size} messages each
 */
public record MessageQuery(String messageId, String mrn, String partner, Direction direction, String type,
                           List<MessageStatus> statuses, Instant from, Instant to, String text, Order order,
                           int page, int size) {

    /** What the answer is sorted by, newest or oldest first; the message id breaks ties, so pages never overlap. */
    public enum Order {
        CREATED_DESC("created_at", false),
        CREATED_ASC("created_at", true),
        UPDATED_DESC("updated_at", false),
        UPDATED_ASC("updated_at", true);

        final String column;
        final boolean ascending;

        Order(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }
    }

    public MessageQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
