package org.c2cgateway.rules;

import java.util.Objects;

/**
 * One receiver of an outbound notification: the partner, the agreement version and flow that let it receive
 * the notification, and the minimised document it gets.
 */
public record Delivery(String partner, Agreement agreement, FlowClause flow, MinimisedNotification notification) {

    public Delivery {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(notification, "notification");
    }
}
