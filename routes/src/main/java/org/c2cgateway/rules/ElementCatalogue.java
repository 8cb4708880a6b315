package org.c2cgateway.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.model.SchemaStructure;
import org.c2cgateway.model.SchemaStructure.ChildElement;
import org.c2cgateway.model.SchemaStructure.Kind;
import org.c2cgateway.model.SchemaStructure.SimpleFacets;

/**
 * The data elements an agreement can name, per notification type, read from the canonical schema (through
 * {@link SchemaStructure}, so an element added to the XSD can be shared without code changes): every element
 * path, the WCO Data Model IDs, which elements are required, and which leaves can be pseudonymised.
 */
public final class ElementCatalogue {

    /** A pseudonym has this form ({@code PSN-} and 16 base32 characters); a pattern must accept it. */
    static final String SAMPLE_PSEUDONYM = "PSN-ABCDEFGHIJKLMNOP";

    /** The element that only the receiving gateway writes; no agreement may let a sender send it. */
    public static final String RECOGNITION = "Recognition";

    private static final ElementCatalogue CANONICAL = new ElementCatalogue(SchemaStructure.canonical());

    /** One element at one path of one notification type. */
    public record Element(String path, String name, boolean required, boolean leaf, List<String> wcoIds,
                          SimpleFacets facets) {
    }

    private final Map<NotificationType, Map<String, Element>> byType = new EnumMap<>(NotificationType.class);

    private ElementCatalogue(SchemaStructure schema) {
        for (NotificationType type : NotificationType.values()) {
            Map<String, Element> elements = new LinkedHashMap<>();
            ChildElement root = schema.root(type.rootElement()).orElseThrow();
            collect(schema, root, "", elements);
            byType.put(type, elements);
        }
    }

    public static ElementCatalogue canonical() {
        return CANONICAL;
    }

    private static void collect(SchemaStructure schema, ChildElement parent, String prefix, Map<String, Element> into) {
        for (ChildElement child : schema.complexType(parent).children()) {
            String path = prefix + child.name();
            boolean leaf = child.kind() != Kind.COMPLEX;
            into.put(path, new Element(path, child.name(), child.required(), leaf, child.wcoIds(),
                    leaf ? schema.facets(child) : null));
            if (!leaf) {
                collect(schema, child, path + "/", into);
            }
        }
    }

    public Optional<Element> element(NotificationType type, String path) {
        return Optional.ofNullable(byType.get(type).get(path));
    }

    public Collection<Element> elements(NotificationType type) {
        return byType.get(type).values();
    }

    /** The direct children of {@code path} ({@code ""} for the root), in schema order. */
    public List<Element> children(NotificationType type, String path) {
        String prefix = path.isEmpty() ? "" : path + "/";
        List<Element> result = new ArrayList<>();
        for (Element element : byType.get(type).values()) {
            String rest = element.path().startsWith(prefix) ? element.path().substring(prefix.length()) : null;
            if (rest != null && !rest.isEmpty() && !rest.contains("/")) {
                result.add(element);
            }
        }
        return result;
    }

    /** The paths of the elements carrying this WCO Data Model ID. */
    public Set<String> pathsOfWcoId(NotificationType type, String wcoId) {
        Set<String> paths = new TreeSet<>();
        byType.get(type).values().stream().filter(e -> e.wcoIds().contains(wcoId)).forEach(e -> paths.add(e.path()));
        return paths;
    }

    /** Every WCO ID the type carries, with its paths. */
    public Map<String, Set<String>> wcoIds(NotificationType type) {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (Element element : byType.get(type).values()) {
            element.wcoIds().forEach(id -> ids.computeIfAbsent(id, i -> new TreeSet<>()).add(element.path()));
        }
        return ids;
    }

    /**
     * Why this element's value cannot be replaced by a pseudonym, or empty when it can: only a leaf of a
     * free-text type (a string, not enumerated, at least 20 characters long, with no pattern a pseudonym
     * would break) can be, so the minimised notification stays schema-valid.
     */
    public Optional<String> whyNotPseudonymisable(Element element) {
        if (!element.leaf()) {
            return Optional.of("it is not a leaf (it contains other elements); name one of its text elements");
        }
        SimpleFacets facets = element.facets();
        if (!"string".equals(facets.builtIn())) {
            return Optional.of("its type is xs:" + facets.builtIn() + ", not free text");
        }
        if (!facets.enumerations().isEmpty()) {
            return Optional.of("its type is an enumeration " + facets.enumerations() + ", not free text");
        }
        for (String pattern : facets.patterns()) {
            if (!accepts(pattern)) {
                return Optional.of("its type has the pattern " + pattern + ", which a pseudonym ("
                        + SAMPLE_PSEUDONYM.length() + " characters, PSN-…) does not match");
            }
        }
        int maxLength = facets.maxLength().orElse(Integer.MAX_VALUE);
        if (maxLength < SAMPLE_PSEUDONYM.length()) {
            return Optional.of("its type is too short (maxLength " + maxLength + "; a pseudonym needs "
                    + SAMPLE_PSEUDONYM.length() + ")");
        }
        return Optional.empty();
    }

    private static boolean accepts(String xsdPattern) {
        try {
            return Pattern.matches(xsdPattern, SAMPLE_PSEUDONYM);
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
