package org.c2cgateway.rules;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading a directory of rule files: the set, and every lint finding. The set may be put in
 * force only when there are no findings.
 */
public record RuleSetLoad(RuleSet ruleSet, List<LintFinding> findings) {

    public RuleSetLoad {
        Objects.requireNonNull(ruleSet, "ruleSet");
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }
}
