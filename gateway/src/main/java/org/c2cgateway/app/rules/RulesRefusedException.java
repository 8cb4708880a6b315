package org.c2cgateway.app.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.c2cgateway.rules.LintFinding;

/**
 * The agreement files fail lint at start: the gateway does not start, since it would not know what it may send
 * or accept. The message lists every finding, one {@code file:line: field: problem} a line.
 */
public final class RulesRefusedException extends RuntimeException {

    private final transient List<LintFinding> findings;

    public RulesRefusedException(Path directory, List<LintFinding> findings) {
        super("the agreement files in " + directory + " fail lint (" + findings.size() + " finding"
                + (findings.size() == 1 ? "" : "s") + "); fix them, check with 'rules lint', and start again:\n"
                + findings.stream().map(LintFinding::toString).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<LintFinding> findings() {
        return findings;
    }
}
