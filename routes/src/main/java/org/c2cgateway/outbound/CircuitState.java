package org.c2cgateway.outbound;

import java.time.Instant;

/**
 * A partner's circuit breaker as an operator sees it.
 *
 * @param state               CLOSED (sending), OPEN (paused, probing) or HALF_OPEN (probe succeeded, next send decides)
 * @param consecutiveFailures failed sends since the last success
 * @param since               when the circuit entered its state
 * @param lastSuccess         the last verified receipt, if any since start
 * @param lastError           the last failed send or probe, in one line
 */
public record CircuitState(String partner, State state, int consecutiveFailures, Instant since, Instant lastSuccess,
                           String lastError, Instant lastErrorAt) {

    public enum State { CLOSED, OPEN, HALF_OPEN }
}
