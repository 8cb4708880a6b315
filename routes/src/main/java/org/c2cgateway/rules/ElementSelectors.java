package org.c2cgateway.rules;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.c2cgateway.model.NotificationType;

/**
 * Resolves what a data-sharing list names (a WCO Data Model ID, an element path, or {@code *}) to element
 * paths of the canonical schema, and says what is wrong, with the closest known name, when it names nothing.
 */
final class ElementSelectors {

    /** Every top-level element of the notification type (except {@code Recognition}). */
    static final String ALL = "*";

    private static final Pattern WCO_ID = Pattern.compile("[A-Z]?[0-9]{3}");

    /** The paths a selector stands for, or why it stands for none. */
    record Resolution(Set<String> paths, String problem) {
        boolean resolved() {
            return problem == null;
        }
    }

    private final ElementCatalogue catalogue;

    ElementSelectors(ElementCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Resolution resolve(NotificationType type, String written) {
        String kind = type == NotificationType.PRE_ARRIVAL ? "pre-arrival" : "exit";
        if (written.equals(ElementCatalogue.RECOGNITION) || written.startsWith(ElementCatalogue.RECOGNITION + "/")) {
            return refused("Recognition is written only by the receiving gateway (its own recognitions); a sender "
                    + "may never send it, so no agreement can allow it: remove this entry");
        }
        if (written.equals(ALL)) {
            Set<String> all = new LinkedHashSet<>();
            catalogue.children(type, "").stream().map(ElementCatalogue.Element::path)
                    .filter(path -> !path.equals(ElementCatalogue.RECOGNITION)).forEach(all::add);
            return new Resolution(all, null);
        }
        Set<String> byId = new LinkedHashSet<>(catalogue.pathsOfWcoId(type, written));
        byId.removeIf(path -> path.startsWith(ElementCatalogue.RECOGNITION)); // never shared, whatever its IDs
        if (!byId.isEmpty()) {
            return new Resolution(byId, null);
        }
        if (WCO_ID.matcher(written).matches()) {
            String closest = closest(written, catalogue.wcoIds(type).keySet().stream());
            return refused("unknown WCO Data Model ID " + written + " in " + kind + " notifications; did you mean "
                    + closest + " (" + String.join(", ", catalogue.pathsOfWcoId(type, closest)) + ")?");
        }
        if (written.contains("[")) {
            return refused("element paths have no positions ([1]): " + written.replaceAll("\\[[0-9]+]", "")
                    + " names every occurrence");
        }
        String path = written.startsWith("/") ? written.substring(1) : written;
        if (catalogue.element(type, path).isPresent()) {
            return new Resolution(Set.of(path), null);
        }
        String closest = closest(path, catalogue.elements(type).stream().map(ElementCatalogue.Element::path));
        return refused("unknown element " + written + " in " + kind + " notifications; did you mean " + closest
                + "? (paths start below the root, e.g. Parties/Consignor/Name)");
    }

    private static Resolution refused(String problem) {
        return new Resolution(Set.of(), problem);
    }

    /** The candidate nearest to what was written: one ending in it, else the smallest edit distance. */
    private static String closest(String written, Stream<String> candidates) {
        String lastPart = written.substring(written.lastIndexOf('/') + 1);
        return candidates.min(Comparator.<String>comparingInt(c -> c.endsWith("/" + written) ? 0 : 1)
                        .thenComparingInt(c -> c.endsWith("/" + lastPart) || c.equals(lastPart) ? 0 : 1)
                        .thenComparingInt(c -> distance(written, c)))
                .orElse("?");
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase();
        String y = b.toLowerCase();
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
