package org.c2cgateway.intake;

import java.util.List;

import org.c2cgateway.validation.ValidationFinding;

/**
 * A submission the gateway refuses, with every finding that made it refuse. Nothing of a rejected
 * notification is queued or traced.
 */
public final class NotificationRejectedException extends RuntimeException {

    private final transient List<ValidationFinding> findings;

    public NotificationRejectedException(List<ValidationFinding> findings) {
        super(summary(findings));
        this.findings = List.copyOf(findings);
    }

    public List<ValidationFinding> findings() {
        return findings;
    }

    private static String summary(List<ValidationFinding> findings) {
        return findings.size() + " finding(s); first: " + (findings.isEmpty() ? "-"
                : findings.get(0).path() + " " + findings.get(0).rule() + " " + findings.get(0).message());
    }
}
