package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the agreements decide for a notification this country sends: the day they were taken on, each
 * receiver with its document, and the countries of the itinerary that receive nothing.
 */
public record OutboundPlan(NotificationFacts facts, LocalDate day, List<Delivery> deliveries, List<NotSent> notSent) {

    public OutboundPlan {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(day, "day");
        deliveries = List.copyOf(deliveries);
        notSent = List.copyOf(notSent);
    }
}
