package org.c2cgateway.rules;

import java.util.Objects;

/**
 * One problem found in a rule file, printed as {@code file:line: field: problem} so that an editor or a
 * terminal can jump to it.
 *
 * @param file    the file, as the loader was given it
 * @param line    1-based line; 0 when the problem is about the file as a whole
 * @param field   the field path in the file ({@code data-sharing.PRE_ARRIVAL.allow[2]}), or {@code -}
 * @param problem what is wrong, and what would be right
 */
public record LintFinding(String file, int line, String field, String problem) {

    public LintFinding {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + problem;
    }
}
