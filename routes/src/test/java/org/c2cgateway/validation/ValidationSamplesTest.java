package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.c2cgateway.model.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples under {@code config/samples} against the full validator, driven by the table in
 * {@code config/samples/README.md}: every valid sample has no ERROR, and every invalid sample gives
 * exactly the rules its README row lists. A sample without a row, or a row without a file, fails.
 */
class ValidationSamplesTest {

    private static final Path README = Samples.ROOT.resolve("README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+\\.xml)` \\| ([^|]+) \\| ([^|]+) \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static final NotificationValidator VALIDATOR = new NotificationValidator(10 * 1024 * 1024);

    /** One README row: the rules expected (in the order listed), the path of the first, and whether only warnings. */
    record Expectation(String file, List<String> rules, String path, boolean warningOnly) {
        @Override
        public String toString() {
            return file + " → " + rules;
        }
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void validSampleHasNoError(String sample) {
        ValidationReport report = VALIDATOR.validate(Samples.valid(sample));

        assertEquals(List.of(), report.errors(), BusinessRulesTest.dump(report));
    }

    @Test
    void everyInvalidSampleHasAReadmeRowAndEveryRowAFile() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Samples.ROOT.resolve("invalid"))) {
            list.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".xml")).forEach(files::add);
        }

        assertEquals(files, expectations().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void invalidSampleGivesExactlyItsListedRules(Expectation expected) {
        ValidationReport report = VALIDATOR.validate(Samples.invalid(expected.file()));

        Set<String> actual = new LinkedHashSet<>(report.findings().stream().map(ValidationFinding::rule).toList());
        assertEquals(new TreeSet<>(expected.rules()), new TreeSet<>(actual), BusinessRulesTest.dump(report));
        assertEquals(expected.warningOnly(), report.accepted(), BusinessRulesTest.dump(report));
        if (expected.path() != null) {
            assertTrue(report.findings().stream().anyMatch(f -> f.rule().equals(expected.rules().get(0))
                    && f.path().equals(expected.path())), expected.path() + "\n" + BusinessRulesTest.dump(report));
        }
    }

    static Stream<Expectation> invalidSamples() throws IOException {
        return expectations().values().stream();
    }

    private static Map<String, Expectation> expectations() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## invalid/");
        assertTrue(start >= 0, "README has no '## invalid/' section");
        Map<String, Expectation> rows = new TreeMap<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("## ") && !line.equals("## invalid/")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                List<String> rules = codes(row.group(2));
                List<String> paths = codes(row.group(3));
                assertTrue(!rules.isEmpty(), "README row without a rule: " + line);
                rows.put(row.group(1), new Expectation(row.group(1), rules, paths.isEmpty() ? null : paths.get(0),
                        row.group(2).contains("WARNING")));
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}
