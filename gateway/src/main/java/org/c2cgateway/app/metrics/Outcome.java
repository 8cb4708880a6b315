package org.c2cgateway.app.metrics;

import java.util.Locale;
import java.util.Map;

import org.c2cgateway.trace.TraceEvent;

/** What a step means for a message, as {@code c2c_messages_total} counts it: the label {@code outcome}. */
enum Outcome {
    ACCEPTED, DELIVERED, ACKNOWLEDGED, REJECTED, DUPLICATE, DEAD_LETTERED, REPLAYED;

    private static final Map<TraceEvent, Outcome> BY_EVENT = Map.of(
            TraceEvent.RECEIVED, ACCEPTED,
            TraceEvent.RECEIVED_FROM_PARTNER, ACCEPTED,
            TraceEvent.RECEIPT_VERIFIED, DELIVERED,
            TraceEvent.DELIVERED, DELIVERED,
            TraceEvent.ACKNOWLEDGED, ACKNOWLEDGED,
            TraceEvent.REJECTED, REJECTED,
            TraceEvent.DUPLICATE_RECEIVED, DUPLICATE,
            TraceEvent.DEAD_LETTERED, DEAD_LETTERED,
            TraceEvent.NATIONAL_DEAD_LETTERED, DEAD_LETTERED,
            TraceEvent.REPLAYED, REPLAYED);

    /** The outcome an event marks, or {@code null} for an intermediate step (validated, queued, sent...). */
    static Outcome of(TraceEvent event) {
        return BY_EVENT.get(event);
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
