package org.c2cgateway.outbound;

import java.time.Instant;

/**
 * The circuit breaker state of one partner: CLOSED while sends succeed, OPEN (its queue is not consumed)
 * after {@code threshold} failed sends in a row, HALF_OPEN once a probe found the partner reachable again,
 * until the next real send decides. Only the transitions are returned; acting on them is the caller's job.
 */
final class PartnerCircuit {

    /** What a recorded outcome changed. */
    enum Transition { NONE, OPENED, CLOSED }

    private final String partner;
    private final int threshold;
    private CircuitState.State state = CircuitState.State.CLOSED;
    private int consecutiveFailures;
    private Instant lastSuccess;
    private String lastError;
    private Instant lastErrorAt;
    private Instant since = Instant.now();

    PartnerCircuit(String partner, int threshold) {
        this.partner = partner;
        this.threshold = threshold;
    }

    synchronized Transition failed(String error, Instant at) {
        consecutiveFailures++;
        lastError = error;
        lastErrorAt = at;
        boolean opens = state == CircuitState.State.HALF_OPEN
                || state == CircuitState.State.CLOSED && consecutiveFailures >= threshold;
        return opens ? moveTo(CircuitState.State.OPEN, at, Transition.OPENED) : Transition.NONE;
    }

    synchronized Transition succeeded(Instant at) {
        consecutiveFailures = 0;
        lastSuccess = at;
        // A send that was in flight when the circuit opened may still succeed: the partner is back.
        return state == CircuitState.State.CLOSED ? Transition.NONE : moveTo(CircuitState.State.CLOSED, at, Transition.CLOSED);
    }

    /** A probe reached the partner: let real sends try again. Returns whether the circuit was open. */
    synchronized boolean probeSucceeded(Instant at) {
        if (state != CircuitState.State.OPEN) {
            return false;
        }
        moveTo(CircuitState.State.HALF_OPEN, at, Transition.NONE);
        return true;
    }

    synchronized void probeFailed(String error, Instant at) {
        lastError = "probe: " + error;
        lastErrorAt = at;
    }

    synchronized boolean isOpen() {
        return state == CircuitState.State.OPEN;
    }

    synchronized CircuitState snapshot() {
        return new CircuitState(partner, state, consecutiveFailures, since, lastSuccess, lastError, lastErrorAt);
    }

    private Transition moveTo(CircuitState.State next, Instant at, Transition transition) {
        state = next;
        since = at;
        return transition;
    }
}
