package org.c2cgateway.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every agreement file ({@code *.yml}, {@code *.yaml}) of a directory, checks each against the
 * agreement JSON Schema and the canonical notification schema, then the set as a whole, and reports every
 * problem as a {@link LintFinding}.
 */
public final class RuleSetLoader {

    /** Larger than any agreement a person writes; a bigger file is refused before it is parsed. */
    static final long MAX_FILE_BYTES = 1_000_000;

    private RuleSetLoader() {
    }

    /**
     * Loads and lints the directory; never throws for anything in the files.
     *
     * @param directory the agreements directory; findings name files as {@code directory.resolve(name)}, so
     *                  relative when it is relative
     */
    public static RuleSetLoad load(Path directory, LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        Map<String, RuleSetLint.AgreementLines> lines = new HashMap<>();
        for (Path file : agreementFiles(directory, findings)) {
            String name = file.toString();
            FileOutcome outcome = loadFile(file, name, context);
            findings.addAll(outcome.findings());
            if (outcome.agreement() != null) {
                agreements.add(outcome.agreement());
                lines.put(name, outcome.lines());
            }
        }
        findings.addAll(RuleSetLint.check(agreements, lines));
        return new RuleSetLoad(new RuleSet(agreements), findings);
    }

    private record FileOutcome(Agreement agreement, RuleSetLint.AgreementLines lines, List<LintFinding> findings) {
    }

    private static List<Path> agreementFiles(Path directory, List<LintFinding> findings) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yml") || f.getFileName().toString().endsWith(".yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            findings.add(new LintFinding(directory.toString(), 0, "-", "cannot list the agreements directory ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            return List.of();
        }
    }

    private static FileOutcome loadFile(Path file, String name, LintContext context) {
        AgreementYaml.Tree tree;
        try {
            tree = AgreementYaml.read(readText(file));
        } catch (AgreementYaml.Unreadable e) {
            return new FileOutcome(null, null, List.of(new LintFinding(name, e.line(), "-", e.getMessage())));
        }
        List<LintFinding> schemaErrors = AgreementSchema.check(name, tree);
        if (!schemaErrors.isEmpty()) {
            return new FileOutcome(null, null, schemaErrors);
        }
        FileFindings findings = new FileFindings(name, tree);
        Agreement agreement = new AgreementReader(file, tree, context, findings, ElementCatalogue.canonical())
                .read().orElse(null);
        RuleSetLint.AgreementLines lines = new RuleSetLint.AgreementLines(
                findings.line(List.of("version")), findings.line(List.of("effective-from")));
        return new FileOutcome(agreement, lines, findings.list());
    }

    private static String readText(Path file) throws AgreementYaml.Unreadable {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new AgreementYaml.Unreadable(0, "the file is larger than " + MAX_FILE_BYTES
                        + " bytes; an agreement is a few hundred lines");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AgreementYaml.Unreadable(0, "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new AgreementYaml.Unreadable(0, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }
}
