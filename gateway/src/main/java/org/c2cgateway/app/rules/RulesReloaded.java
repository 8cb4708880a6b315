package org.c2cgateway.app.rules;

import java.util.List;

import org.c2cgateway.rules.LintFinding;
import org.c2cgateway.rules.RuleSet;

/**
 * Published after every reload attempt, applied or refused, for whatever reports on it (metrics).
 *
 * @param applied  whether the files were put in force
 * @param inForce  the set in force after the attempt (the previous one when refused)
 * @param findings why it was refused; empty when applied
 */
public record RulesReloaded(boolean applied, RuleSet inForce, List<LintFinding> findings) {

    public RulesReloaded {
        findings = List.copyOf(findings);
    }
}
