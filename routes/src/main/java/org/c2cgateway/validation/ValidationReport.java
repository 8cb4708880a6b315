package org.c2cgateway.validation;

import java.util.List;

/**
 * Everything validation found in one notification. All findings are kept, not just the first, so a
 * national system can fix a message in one round trip.
 *
 * @param findings findings in document order
 */
public record ValidationReport(List<ValidationFinding> findings) {

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** True when nothing rejects the notification; warnings alone do not. */
    public boolean accepted() {
        return findings.stream().noneMatch(finding -> finding.severity() == Severity.ERROR);
    }

    public List<ValidationFinding> errors() {
        return withSeverity(Severity.ERROR);
    }

    public List<ValidationFinding> warnings() {
        return withSeverity(Severity.WARNING);
    }

    private List<ValidationFinding> withSeverity(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }
}
