package org.c2cgateway.app.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.LintFinding;
import org.c2cgateway.rules.RuleSet;
import org.c2cgateway.rules.RulesInForce;

/**
 * The agreements as an operator sees them: the version in force with each partner today, every version held,
 * and how the last load went.
 *
 * @param day      the day "in force" refers to (the gateway's today)
 * @param inForce  per partner, the version in force on {@code day}; a partner without one is not listed
 * @param versions every version held, per partner oldest first
 * @param lastLoad the last attempt to load the files, at start or on reload
 */
@Serdeable
public record RulesView(LocalDate day, List<Version> inForce, List<Version> versions, Load lastLoad) {

    static RulesView of(RulesInForce rules, LocalDate day) {
        RuleSet set = rules.current();
        RulesInForce.LoadOutcome last = rules.lastLoad();
        return new RulesView(day, inForce(set, day), set.all().stream().map(a -> Version.of(a, day)).toList(),
                new Load(last.at(), last.applied(), Finding.all(last.findings()), Finding.lines(last.findings())));
    }

    static List<Version> inForce(RuleSet set, LocalDate day) {
        return VersionsInForce.on(set, day).stream().map(a -> Version.of(a, day)).toList();
    }

    /**
     * One agreement version.
     *
     * @param label   how traces and errors name it: {@code RS-MK-SEED v2}
     * @param inForce whether it is the one in force with its partner on the view's day
     */
    @Serdeable
    public record Version(String partner, String agreement, int version, String label, String file,
                          LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, boolean inForce) {

        static Version of(Agreement agreement, LocalDate day) {
            return new Version(agreement.partner(), agreement.id(), agreement.version(), agreement.label(),
                    agreement.file(), agreement.effectiveFrom(), agreement.effectiveTo().orElse(null),
                    agreement.inForceOn(day));
        }
    }

    /**
     * A load of the files.
     *
     * @param applied  whether they were put in force; when not, the findings say why and the previous set stayed
     * @param problems the findings as lint prints them, {@code file:line: field: problem}
     */
    @Serdeable
    public record Load(Instant at, boolean applied, List<Finding> findings, List<String> problems) {
    }

    /** One lint finding ({@link LintFinding}); line 0 is about the file as a whole. */
    @Serdeable
    public record Finding(String file, int line, String field, String problem) {

        static List<Finding> all(List<LintFinding> findings) {
            return findings.stream().map(f -> new Finding(f.file(), f.line(), f.field(), f.problem())).toList();
        }

        static List<String> lines(List<LintFinding> findings) {
            return findings.stream().map(LintFinding::toString).toList();
        }
    }
}
