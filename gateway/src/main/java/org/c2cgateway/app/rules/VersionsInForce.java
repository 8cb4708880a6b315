package org.c2cgateway.app.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.RuleSet;

/** The agreement version in force with each partner on one day: what logs, metrics and views report. */
final class VersionsInForce {

    private VersionsInForce() {
    }

    static List<Agreement> on(RuleSet rules, LocalDate day) {
        return rules.partners().stream().map(partner -> rules.inForce(partner, day))
                .flatMap(Optional::stream).toList();
    }

    /** {@code BG: RS-BG v1, MK: RS-MK-SEED v2}, or {@code none} for a set without any version in force. */
    static String describe(RuleSet rules, LocalDate day) {
        String described = rules.partners().stream().map(partner -> partner + ": " + rules.inForce(partner, day)
                .map(Agreement::label).orElse("none in force")).collect(Collectors.joining(", "));
        return described.isEmpty() ? "none" : described;
    }
}
