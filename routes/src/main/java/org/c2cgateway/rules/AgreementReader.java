package org.c2cgateway.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.validation.PartnerSpecificRules;

import static org.c2cgateway.rules.FileFindings.path;

/**
 * Turns one schema-valid agreement file into its {@link Agreement}, checking what the JSON Schema cannot:
 * dates, element names against the canonical schema, offices against the countries, rule codes, the AEO
 * identity list, and the partner against the gateway's configuration.
 */
final class AgreementReader {

    private final Path location;
    private final JsonNode root;
    private final LintContext context;
    private final FileFindings findings;
    private final ElementCatalogue catalogue;
    private final String id;
    private final int version;
    private final String partner;

    /**
     * @param location where the file is (the AEO list is found beside it)
     * @param tree     the file, already checked against the JSON Schema
     */
    AgreementReader(Path location, AgreementYaml.Tree tree, LintContext context, FileFindings findings,
                    ElementCatalogue catalogue) {
        this.location = location;
        this.root = tree.root();
        this.context = context;
        this.findings = findings;
        this.catalogue = catalogue;
        this.id = root.path("agreement").asText();
        this.version = root.path("version").asInt();
        this.partner = root.path("partner").asText();
    }

    /** The agreement, or empty when its dates cannot be read (every problem is in the findings). */
    Optional<Agreement> read() {
        Optional<LocalDate> from = date("effective-from");
        Optional<LocalDate> to = root.has("effective-to") ? date("effective-to") : Optional.empty();
        if (from.isEmpty() || (root.has("effective-to") && to.isEmpty())) {
            return Optional.empty();
        }
        if (to.isPresent() && to.get().isBefore(from.get())) {
            findings.add(path("effective-to"), "effective-to " + to.get() + " is before effective-from " + from.get()
                    + "; the version would never be in force: give a day on or after " + from.get());
        }
        checkPartner();
        Map<NotificationType, DataSharing> sharing = sharing();
        return Optional.of(new Agreement(id, version, partner, from.get(), to, findings.file(),
                flows("send", partner), flows("accept", context.ownCountry()), sharing,
                UnsharedElements.valueOf(root.path("data-sharing").path("unshared-inbound").asText()),
                new AeoClauseReader(location, findings).read(root.path("aeo"), id, version, partner),
                controls(), seals(), validation(), findings.clause(id, version, path("agreement"))));
    }

    private Optional<LocalDate> date(String field) {
        String text = root.path(field).asText();
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            findings.add(path(field), "'" + text + "' is not a calendar day; write YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private void checkPartner() {
        if (partner.equals(context.ownCountry())) {
            findings.add(path("partner"), "partner " + partner + " is this gateway's own country; name the other "
                    + "country of the agreement");
        } else if (!context.partnerTrust().containsKey(partner)) {
            if (root.path("flows").path("send").isEmpty()) {
                findings.add(path("partner"), notConfigured());
            }
        } else if (!context.partnerTrust().get(partner)) {
            findings.add(path("partner"), "no trust is configured for " + partner + " (c2c.partners." + partner
                    + ".trust: issuing CAs and signing certificates), so its messages are refused before any "
                    + "agreement applies; configure its trust");
        }
    }

    private String notConfigured() {
        return partner + " is not a partner in the gateway configuration (c2c.partners), so nothing can be sent "
                + "to it or accepted from it; configure the partner (endpoint and trust), or remove this agreement";
    }

    /** @param officeCountry the country a flow's offices must be in */
    private List<FlowClause> flows(String direction, String officeCountry) {
        JsonNode list = root.path("flows").path(direction);
        List<FlowClause> flows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode flow = list.get(i);
            if ("send".equals(direction) && !context.partnerTrust().containsKey(partner)
                    && !partner.equals(context.ownCountry())) {
                findings.add(path("flows", direction, i), "no route: " + notConfigured());
            }
            NotificationType type = NotificationType.valueOf(flow.path("type").asText());
            Set<String> offices = new LinkedHashSet<>();
            JsonNode written = flow.path("offices");
            for (int j = 0; j < written.size(); j++) {
                String office = written.get(j).asText();
                if (!office.startsWith(officeCountry) && !partner.equals(context.ownCountry())) {
                    findings.add(path("flows", direction, i, "offices", j), "office " + office + " is not in "
                            + officeCountry + "; " + ("send".equals(direction) ? "a send" : "an accept") + " flow names offices in " + officeCountry
                            + ("send".equals(direction) ? " (the partner's offices of entry or transit)"
                            : " (our own offices of entry or transit)"));
                }
                offices.add(office);
            }
            if (!root.path("data-sharing").has(type.name())) {
                findings.add(path("flows", direction, i), type + " flows, but data-sharing has no " + type.name()
                        + " list, so nothing of it may cross; add data-sharing." + type.name());
            }
            flows.add(new FlowClause(type, offices, findings.clause(id, version, path("flows", direction, i))));
        }
        return flows;
    }

    private Map<NotificationType, DataSharing> sharing() {
        Map<NotificationType, DataSharing> sharing = new EnumMap<>(NotificationType.class);
        SharingReader reader = new SharingReader(catalogue, findings);
        for (NotificationType type : NotificationType.values()) {
            JsonNode clause = root.path("data-sharing").path(type.name());
            if (!clause.isMissingNode()) {
                sharing.put(type, reader.read(type, clause, id, version));
            }
        }
        return sharing;
    }

    private Optional<ControlRecognition> controls() {
        JsonNode clause = root.path("control-results");
        if (clause.isMissingNode()) {
            return Optional.empty();
        }
        Set<String> codes = new TreeSet<>();
        clause.path("recognised").forEach(code -> codes.add(code.asText()));
        return Optional.of(new ControlRecognition(codes, findings.clause(id, version, path("control-results"))));
    }

    private Optional<SealRecognition> seals() {
        JsonNode clause = root.path("seals");
        if (clause.isMissingNode()) {
            return Optional.empty();
        }
        List<SealPractice> practices = new ArrayList<>();
        JsonNode written = clause.path("practices");
        for (int i = 0; i < written.size(); i++) {
            String pattern = written.get(i).path("id-pattern").asText();
            try {
                practices.add(new SealPractice(written.get(i).path("name").asText(), Pattern.compile(pattern)));
            } catch (PatternSyntaxException e) {
                findings.add(path("seals", "practices", i, "id-pattern"), "'" + pattern + "' is not a regular "
                        + "expression (" + e.getDescription() + "); e.g. \"MK-C \\\\d{7}\"");
            }
        }
        return Optional.of(new SealRecognition(practices, clause.path("require-intact").asBoolean(false),
                findings.clause(id, version, path("seals"))));
    }

    private ValidationProfile validation() {
        JsonNode clause = root.path("validation");
        ValidationProfile.Profile profile = ValidationProfile.Profile.valueOf(clause.path("profile").asText());
        Set<String> rules = new TreeSet<>(profile == ValidationProfile.Profile.EU
                ? PartnerSpecificRules.euProfile() : Set.of());
        rules.addAll(codes(clause, "add-rules"));
        rules.removeAll(codes(clause, "remove-rules"));
        return new ValidationProfile(profile, rules, findings.clause(id, version, path("validation")));
    }

    private List<String> codes(JsonNode clause, String field) {
        List<String> codes = new ArrayList<>();
        JsonNode written = clause.path(field);
        for (int i = 0; i < written.size(); i++) {
            String code = written.get(i).asText();
            if (PartnerSpecificRules.codes().contains(code)) {
                codes.add(code);
            } else {
                findings.add(path("validation", field, i), "unknown partner-specific rule code " + code
                        + "; known: " + String.join(", ", new TreeSet<>(PartnerSpecificRules.codes())));
            }
        }
        return codes;
    }
}
