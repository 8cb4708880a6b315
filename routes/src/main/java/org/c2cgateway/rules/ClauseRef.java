package org.c2cgateway.rules;

import java.util.Objects;

/**
 * Where a decision comes from: one clause of one version of one agreement, and the line of the file that
 * states it. Every refusal, removal and recognition names one, so an operator (or the partner's operator,
 * reading an ebMS error) can open the file at the line that decided it.
 *
 * @param agreementId the agreement's id, the same in both administrations' copies
 * @param version     the agreement version
 * @param clause      the clause's field path in the file, e.g. {@code flows.send[0]} or
 *                    {@code data-sharing.PRE_ARRIVAL.allow[3]}
 * @param file        the file, as the loader was given it
 * @param line        1-based line of the clause in that file; 0 when built in code
 */
public record ClauseRef(String agreementId, int version, String clause, String file, int line) {

    public ClauseRef {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(file, "file");
    }

    /** {@code RS-MK v3 flows.send[0]}: what a trace line or an ebMS error names. */
    public String label() {
        return agreementId + " v" + version + " " + clause;
    }

    /** {@code file:line}, where the clause is written. */
    public String location() {
        return file + ":" + line;
    }

    @Override
    public String toString() {
        return label() + " (" + location() + ")";
    }
}
