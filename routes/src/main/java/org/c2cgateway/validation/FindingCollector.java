package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Collects findings for one validation. As the schema validator's {@link ErrorHandler} it records
 * every error and lets validation go on, so one pass reports all problems; the rule code is the
 * Xerces message key ({@code cvc-pattern-valid: ...} becomes {@code XSD:cvc-pattern-valid}).
 *
 * <p>Xerces follows each bad simple value with a generic restatement ({@code cvc-type.3.1.3: The
 * value 'x' of element 'E' is not valid}) right after the specific finding (pattern, length,
 * enumeration, datatype). That restatement is dropped when the finding before it is at the same
 * path, so each problem is reported once.
 *
 * <p>A hostile or badly broken document could produce a finding per element. The collector stops
 * at {@link NotificationSchemaValidator#MAX_FINDINGS} with a final {@code LIMIT:finding-count}
 * finding, so memory stays bounded.
 */
final class FindingCollector implements ErrorHandler {

    private static final String RESTATEMENT = "XSD:cvc-type.3.1.3";

    private static final Pattern XERCES_KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9.\\-]*):\\s");

    private final List<ValidationFinding> findings = new ArrayList<>();
    private final ElementPath path;
    private final int maxFindings;

    FindingCollector(ElementPath path, int maxFindings) {
        this.path = path;
        this.maxFindings = maxFindings;
    }

    @Override
    public void warning(SAXParseException e) throws StopValidation {
        addSchemaFinding(e, Severity.WARNING);
    }

    @Override
    public void error(SAXParseException e) throws StopValidation {
        addSchemaFinding(e, Severity.ERROR);
    }

    @Override
    public void fatalError(SAXParseException e) throws StopValidation {
        addSchemaFinding(e, Severity.ERROR);
        throw new StopValidation("schema validation cannot continue");
    }

    /** Records a finding at the current element. */
    void add(String rule, String message, Severity severity) throws StopValidation {
        add(new ValidationFinding(path.current(), rule, message, severity));
    }

    void add(ValidationFinding finding) throws StopValidation {
        if (findings.size() >= maxFindings) {
            findings.add(new ValidationFinding(path.current(), "LIMIT:finding-count",
                    "validation stopped after " + maxFindings + " findings", Severity.ERROR));
            throw new StopValidation("too many findings");
        }
        findings.add(finding);
    }

    private boolean lastFindingIsAt(String currentPath) {
        return !findings.isEmpty() && findings.get(findings.size() - 1).path().equals(currentPath);
    }

    List<ValidationFinding> findings() {
        return findings;
    }

    private void addSchemaFinding(SAXParseException e, Severity severity) throws StopValidation {
        String message = String.valueOf(e.getMessage());
        Matcher key = XERCES_KEY.matcher(message);
        String rule = "XSD:" + (key.find() ? key.group(1) : "invalid");
        if (rule.equals(RESTATEMENT) && lastFindingIsAt(path.current())) {
            return;
        }
        add(rule, message, severity);
    }
}
