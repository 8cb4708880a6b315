package org.c2cgateway.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The checks across files: one version per id and number, and no two versions with the same partner in force
 * on the same day (the version in force must be unambiguous on both sides of the border).
 */
final class RuleSetLint {

    private RuleSetLint() {
    }

    /** @param lines where each agreement's version and effective-from are written, by file */
    static List<LintFinding> check(List<Agreement> agreements, Map<String, AgreementLines> lines) {
        List<LintFinding> findings = new ArrayList<>();
        List<Agreement> sorted = agreements.stream().sorted(Comparator.comparing(Agreement::file)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < i; j++) {
                Agreement earlier = sorted.get(j);
                Agreement later = sorted.get(i);
                AgreementLines at = lines.get(later.file());
                if (earlier.id().equals(later.id()) && earlier.version() == later.version()) {
                    findings.add(new LintFinding(later.file(), at.version(), "version", later.label()
                            + " is also stated in " + earlier.file() + "; give each version one file, and a new "
                            + "text a new version"));
                } else if (earlier.partner().equals(later.partner()) && overlap(earlier, later)) {
                    findings.add(new LintFinding(later.file(), at.effectiveFrom(), "effective-from", later.label()
                            + " (" + range(later) + ") overlaps " + earlier.label() + " (" + range(earlier)
                            + ") in " + earlier.file() + " with the same partner " + later.partner()
                            + "; end one version the day before the other begins"));
                }
            }
        }
        return findings;
    }

    /** The lines of the fields the cross-file checks name. */
    record AgreementLines(int version, int effectiveFrom) {
    }

    private static boolean overlap(Agreement a, Agreement b) {
        boolean aEndsBeforeB = a.effectiveTo().map(end -> end.isBefore(b.effectiveFrom())).orElse(false);
        boolean bEndsBeforeA = b.effectiveTo().map(end -> end.isBefore(a.effectiveFrom())).orElse(false);
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private static String range(Agreement agreement) {
        return agreement.effectiveFrom() + ".." + agreement.effectiveTo().map(Object::toString).orElse("");
    }
}
