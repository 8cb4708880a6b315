package org.c2cgateway.trace;

import java.time.Instant;

/** One step of a message's timeline: what happened, when, and what the operator should read about it. */
public record TraceStep(TraceEvent event, Instant at, String detail) {
}
