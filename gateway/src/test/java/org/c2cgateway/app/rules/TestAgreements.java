package org.c2cgateway.app.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.LintContext;
import org.c2cgateway.rules.LintFinding;
import org.c2cgateway.rules.RuleSet;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.UnsharedElements;
import org.c2cgateway.rules.ValidationProfile;

/**
 * Agreements for tests of the gateway's wiring (reload, views, metrics), which need versions and dates but none
 * of the clauses. {@link #headerLoader} stands in for the real {@code RuleSetLoader} in the tests of the reload
 * mechanics (it reads only the header lines of each file), so that those tests do not depend on what lint
 * checks; the ITs use the real loader.
 */
final class TestAgreements {

    private static final Pattern HEADER = Pattern.compile("(?m)^(agreement|version|partner|effective-from):\\s*(\\S+)\\s*$");

    private TestAgreements() {
    }

    static Agreement agreement(String id, int version, String partner, LocalDate from, String file) {
        return new Agreement(id, version, partner, from, Optional.empty(), file, List.of(), List.of(), Map.of(),
                UnsharedElements.STRIP, Optional.empty(), Optional.empty(), Optional.empty(),
                new ValidationProfile(ValidationProfile.Profile.NON_EU, Set.of(), new ClauseRef(id, version,
                        "validation", file, 1)), new ClauseRef(id, version, "agreement", file, 1));
    }

    /** Each {@code *.yml} by its header lines; a version that is not a positive integer is a finding on line 2. */
    static RuleSetLoad headerLoader(Path directory, LintContext context) {
        List<Agreement> agreements = new ArrayList<>();
        List<LintFinding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Map<String, String> header = new java.util.HashMap<>();
                Matcher m = HEADER.matcher(Files.readString(file));
                while (m.find()) {
                    header.put(m.group(1), m.group(2));
                }
                String version = header.getOrDefault("version", "");
                if (!version.matches("[1-9][0-9]*")) {
                    findings.add(new LintFinding(file.toString(), 2, "version", "must be a positive integer, not '"
                            + version + "'"));
                    continue;
                }
                agreements.add(agreement(header.get("agreement"), Integer.parseInt(version), header.get("partner"),
                        LocalDate.parse(header.get("effective-from")), file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSetLoad(new RuleSet(agreements), findings);
    }

    /** Copies a test agreement file ({@code src/test/resources/rules/}) into {@code directory}. */
    static Path copy(String name, Path directory, String as) {
        try (var in = TestAgreements.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test agreement " + name);
            }
            Path target = directory.resolve(as);
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
