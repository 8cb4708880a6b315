package org.c2cgateway.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.c2cgateway.model.NotificationType;

/**
 * Reads one data-sharing clause: resolves its allow-list and pseudonymisation list against the canonical
 * schema, and checks that what it keeps is still a schema-valid notification (every required element of a
 * kept container allowed) and that only allowed free-text leaves are pseudonymised.
 */
final class SharingReader {

    private final ElementCatalogue catalogue;
    private final ElementSelectors selectors;
    private final FileFindings findings;

    SharingReader(ElementCatalogue catalogue, FileFindings findings) {
        this.catalogue = catalogue;
        this.selectors = new ElementSelectors(catalogue);
        this.findings = findings;
    }

    DataSharing read(NotificationType type, JsonNode clause, String id, int version) {
        List<Object> at = FileFindings.path("data-sharing", type.name());
        List<ElementRule> allow = rules(type, clause.path("allow"), at, "allow", id, version);
        List<ElementRule> pseudonymise = rules(type, clause.path("pseudonymise"), at, "pseudonymise", id, version);
        Set<String> allowed = new LinkedHashSet<>();
        allow.forEach(rule -> allowed.addAll(rule.paths()));
        checkRequired(type, allowed, at);
        pseudonymise.forEach(rule -> checkPseudonymisable(type, rule, allowed));
        return new DataSharing(type, allow, pseudonymise, findings.clause(id, version, at));
    }

    private List<ElementRule> rules(NotificationType type, JsonNode list, List<Object> at, String name, String id,
                                    int version) {
        List<ElementRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            List<Object> entry = FileFindings.path("data-sharing", type.name(), name, i);
            String written = list.get(i).asText();
            ElementSelectors.Resolution resolution = selectors.resolve(type, written);
            if (resolution.resolved()) {
                rules.add(new ElementRule(written, resolution.paths(), findings.clause(id, version, entry)));
            } else {
                findings.add(entry, resolution.problem());
            }
        }
        return rules;
    }

    private void checkPseudonymisable(NotificationType type, ElementRule rule, Set<String> allowed) {
        ClauseRef entry = rule.ref();
        for (String path : rule.paths()) {
            if (!covered(path, allowed)) {
                findings.add(entry, path + " is not inside the allow-list, so it is removed, not pseudonymised; "
                        + "allow it (or an element containing it) first");
                continue;
            }
            ElementCatalogue.Element element = catalogue.element(type, path).orElseThrow();
            catalogue.whyNotPseudonymisable(element).ifPresent(why -> findings.add(entry,
                    path + " cannot be pseudonymised: " + why + "; only free-text elements such as names can be"));
        }
    }

    /**
     * Every container the minimised notification keeps (the root, and each ancestor of an allowed element)
     * must keep its required children, or the partner receives a notification its schema refuses.
     */
    private void checkRequired(NotificationType type, Set<String> allowed, List<Object> at) {
        if (allowed.isEmpty()) {
            return;
        }
        Set<String> containers = new LinkedHashSet<>();
        containers.add("");
        for (String path : allowed) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String ancestor = path.substring(0, slash);
                if (!covered(ancestor, allowed)) {
                    containers.add(ancestor);
                }
            }
        }
        List<Object> allowAt = new ArrayList<>(at);
        allowAt.add("allow");
        String kind = type == NotificationType.PRE_ARRIVAL ? "pre-arrival" : "exit";
        for (String container : containers) {
            for (ElementCatalogue.Element child : catalogue.children(type, container)) {
                if (child.required() && !covered(child.path(), allowed) && !kept(child.path(), allowed)) {
                    String where = container.isEmpty() ? "every " + kind + " notification"
                            : container + ", which the list keeps,";
                    findings.add(allowAt, child.path() + " is required in " + where + " but is not allowed; allow "
                            + child.path() + " (pseudonymise it if it is personal) so that the minimised "
                            + "notification stays schema-valid");
                }
            }
        }
    }

    /** Whether {@code path} is allowed, itself or through an allowed ancestor. */
    static boolean covered(String path, Set<String> allowed) {
        return allowed.stream().anyMatch(a -> path.equals(a) || path.startsWith(a + "/"));
    }

    /** Whether {@code path} is kept as the container of an allowed element. */
    private static boolean kept(String path, Set<String> allowed) {
        return allowed.stream().anyMatch(a -> a.startsWith(path + "/"));
    }
}
