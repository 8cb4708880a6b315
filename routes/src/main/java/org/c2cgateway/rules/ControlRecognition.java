package org.c2cgateway.rules;

import java.util.Objects;
import java.util.Set;

/**
 * The partner's control result codes this administration recognises: a notification carrying one is marked
 * "control recognised", so the national system need not repeat the control.
 *
 * @param codes recognised control result codes ({@code A1}, {@code A2}, …)
 * @param ref   the clause ({@code control-results})
 */
public record ControlRecognition(Set<String> codes, ClauseRef ref) {

    public ControlRecognition {
        codes = Set.copyOf(codes);
        Objects.requireNonNull(ref, "ref");
    }
}
