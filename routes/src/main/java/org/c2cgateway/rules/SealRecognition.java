package org.c2cgateway.rules;

import java.util.List;
import java.util.Objects;

/**
 * The seals clause: a notification's seals are recognised when it has at least one, every seal identifier
 * matches a recognised practice, and, when {@code requireIntact}, the seal state it reports is intact (1).
 *
 * @param practices     the recognised practices
 * @param requireIntact whether a reported seal state of 0 (not OK) withholds recognition
 * @param ref           the clause ({@code seals})
 */
public record SealRecognition(List<SealPractice> practices, boolean requireIntact, ClauseRef ref) {

    public SealRecognition {
        practices = List.copyOf(practices);
        Objects.requireNonNull(ref, "ref");
    }
}
