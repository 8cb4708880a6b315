package org.c2cgateway.rules;

import java.util.ArrayList;
import java.util.List;

/** The findings about one agreement file, each placed at the line of the field it is about. */
final class FileFindings {

    private final String file;
    private final AgreementYaml.Tree tree;
    private final List<LintFinding> findings = new ArrayList<>();

    FileFindings(String file, AgreementYaml.Tree tree) {
        this.file = file;
        this.tree = tree;
    }

    String file() {
        return file;
    }

    int line(List<Object> path) {
        return tree.line(path);
    }

    void add(List<Object> path, String problem) {
        findings.add(new LintFinding(file, tree.line(path), FieldNames.of(path), problem));
    }

    /** A finding about a clause already read. */
    void add(ClauseRef clause, String problem) {
        findings.add(new LintFinding(clause.file(), clause.line(), clause.clause(), problem));
    }

    /** A finding in another file (the AEO identity list). */
    void add(LintFinding finding) {
        findings.add(finding);
    }

    void addAll(List<LintFinding> more) {
        findings.addAll(more);
    }

    /** The clause at {@code path}, for the records to name. */
    ClauseRef clause(String agreementId, int version, List<Object> path) {
        return new ClauseRef(agreementId, version, FieldNames.of(path), file, tree.line(path));
    }

    List<LintFinding> list() {
        return List.copyOf(findings);
    }

    static List<Object> path(Object... parts) {
        return List.of(parts);
    }
}
