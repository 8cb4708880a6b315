package org.c2cgateway.rules;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The list of recognised AEO identities the administrations exchange, as a CSV file: a header
 * {@code identification,programme,valid-until}, then one identity a line, valid-until an ISO date or empty.
 * Every bad line is reported as {@code file:line}; the good ones are kept.
 */
final class AeoIdentityList {

    static final String HEADER = "identification,programme,valid-until";

    /** An AEO identifier: a country code and up to 15 printable characters, as the canonical schema has it. */
    private static final Pattern IDENTIFICATION = Pattern.compile("[A-Z]{2}[!-~]{1,15}");

    /** The identities read, by identifier, and the problems of the lines left out. */
    record Read(Map<String, AeoIdentity> identities, List<LintFinding> findings) {
    }

    private AeoIdentityList() {
    }

    /** @param file how findings name the file */
    static Read parse(String file, String text) {
        Map<String, AeoIdentity> identities = new LinkedHashMap<>();
        List<LintFinding> findings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || !HEADER.equals(stripBom(lines[0]).trim())) {
            findings.add(new LintFinding(file, 1, "header", "the first line must be " + HEADER));
            return new Read(identities, findings);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            parseLine(file, number, line, identities).ifPresent(findings::add);
        }
        return new Read(identities, findings);
    }

    private static Optional<LintFinding> parseLine(String file, int number, String line,
                                                   Map<String, AeoIdentity> identities) {
        String[] fields = line.split(",", -1);
        if (fields.length != 3) {
            return bad(file, number, "-", "expected 3 fields (" + HEADER + "), found " + fields.length);
        }
        String identification = fields[0].trim();
        String programme = fields[1].trim();
        String validUntil = fields[2].trim();
        if (!IDENTIFICATION.matcher(identification).matches()) {
            return bad(file, number, "identification", "'" + identification
                    + "' is not an AEO identifier (country code and up to 15 characters, e.g. RS100123456)");
        }
        if (programme.isEmpty()) {
            return bad(file, number, "programme", "empty; give the partner's programme, e.g. AEOF");
        }
        Optional<LocalDate> until = Optional.empty();
        if (!validUntil.isEmpty()) {
            try {
                until = Optional.of(LocalDate.parse(validUntil));
            } catch (DateTimeParseException e) {
                return bad(file, number, "valid-until", "'" + validUntil
                        + "' is not a date; write YYYY-MM-DD, or leave it empty for no end");
            }
        }
        AeoIdentity earlier = identities.get(identification);
        if (earlier != null) {
            return bad(file, number, "identification", identification + " is already listed at line "
                    + earlier.line() + "; list each identity once");
        }
        identities.put(identification, new AeoIdentity(identification, programme, until, number));
        return Optional.empty();
    }

    private static Optional<LintFinding> bad(String file, int line, String field, String problem) {
        return Optional.of(new LintFinding(file, line, field, problem));
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
