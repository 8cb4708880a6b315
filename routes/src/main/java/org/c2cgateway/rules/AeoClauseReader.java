package org.c2cgateway.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import static org.c2cgateway.rules.FileFindings.path;

/**
 * Reads the AEO clause of an agreement and the identity list it names (found beside the agreement file),
 * checking that every listed identity is under a programme the agreement recognises.
 */
final class AeoClauseReader {

    private final Path location;
    private final FileFindings findings;

    /** @param location the agreement file, which the list's path is relative to */
    AeoClauseReader(Path location, FileFindings findings) {
        this.location = location;
        this.findings = findings;
    }

    Optional<AeoRecognition> read(JsonNode aeo, String id, int version, String partner) {
        if (aeo.isMissingNode()) {
            return Optional.empty();
        }
        Map<String, Set<AeoBenefit>> programmes = new LinkedHashMap<>();
        aeo.path("programmes").fields().forEachRemaining(entry -> {
            Set<AeoBenefit> benefits = EnumSet.noneOf(AeoBenefit.class);
            entry.getValue().forEach(benefit -> benefits.add(AeoBenefit.valueOf(benefit.asText())));
            programmes.put(entry.getKey(), benefits);
        });
        String written = aeo.path("identities").asText();
        Map<String, AeoIdentity> identities = identities(written, programmes.keySet(), partner);
        return Optional.of(new AeoRecognition(programmes, written, identities, findings.clause(id, version, path("aeo"))));
    }

    private Map<String, AeoIdentity> identities(String written, Set<String> programmes, String partner) {
        if (Path.of(written).isAbsolute() || written.contains("..")) {
            findings.add(path("aeo", "identities"), written + " leaves the agreements directory; give a path "
                    + "relative to this file, inside it (e.g. aeo/" + partner.toLowerCase() + "-recognised.csv)");
            return Map.of();
        }
        Path list = location.resolveSibling(written).normalize();
        String text;
        try {
            text = Files.readString(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            findings.add(path("aeo", "identities"), "cannot read the AEO identity list " + list + " ("
                    + e.getClass().getSimpleName() + "); exchange the list with " + partner + " and put it there");
            return Map.of();
        }
        AeoIdentityList.Read read = AeoIdentityList.parse(list.toString(), text);
        findings.addAll(read.findings());
        for (AeoIdentity identity : read.identities().values()) {
            if (!programmes.contains(identity.programme())) {
                findings.add(new LintFinding(list.toString(), identity.line(), "programme",
                        identity.identification() + " is under " + identity.programme() + ", a programme the "
                                + "agreement does not recognise (aeo.programmes: " + String.join(", ", programmes)
                                + "); recognise it, or remove the line"));
            }
        }
        return read.identities();
    }
}
