package org.c2cgateway.rules;

import java.util.Optional;

/**
 * A country of the itinerary that does not receive the notification, and why: no agreement in force with
 * it, or no flow of the agreement covers the notification. Only later countries of an itinerary can be left
 * out; the next country is required, and is a refusal instead.
 */
public record NotSent(String country, String reason, Optional<ClauseRef> clause) {
}
