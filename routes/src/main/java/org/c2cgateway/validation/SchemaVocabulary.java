package org.c2cgateway.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the business rules need to know about the schema, read from the schema itself: which elements
 * hold a country code, an office reference or a UN/LOCODE (by their declared simple type), which
 * repeat, and how often they may. Rules that apply "wherever a country is used" thus also cover
 * elements added to the schema later, without a hand-kept list that could drift from the XSD.
 */
final class SchemaVocabulary {

    static final String COUNTRY_TYPE = "CountryCodeType";
    static final String OFFICE_TYPE = "CustomsOfficeReferenceType";
    static final String UNLOCODE_TYPE = "UnLocodeType";

    private final Set<String> repeatable;
    private final Map<String, Set<String>> elementsByType;
    private final Map<String, Integer> maxOccurs;

    private SchemaVocabulary(Set<String> repeatable, Map<String, Set<String>> elementsByType,
                             Map<String, Integer> maxOccurs) {
        this.repeatable = repeatable;
        this.elementsByType = elementsByType;
        this.maxOccurs = maxOccurs;
    }

    static SchemaVocabulary of(byte[] xsd) {
        NodeList declarations = RepeatableElements.parse(xsd)
                .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        Map<String, Set<String>> byType = new HashMap<>();
        Map<String, Integer> maxOccurs = new HashMap<>();
        for (int i = 0; i < declarations.getLength(); i++) {
            Element declaration = (Element) declarations.item(i);
            String name = declaration.getAttribute("name");
            if (name.isEmpty()) {
                continue;
            }
            String type = declaration.getAttribute("type");
            byType.computeIfAbsent(type.substring(type.indexOf(':') + 1), t -> new TreeSet<>()).add(name);
            String max = declaration.getAttribute("maxOccurs");
            if (!max.isEmpty() && !"unbounded".equals(max)) {
                maxOccurs.merge(name, Integer.parseInt(max), Math::max);
            }
        }
        byType.replaceAll((type, names) -> Set.copyOf(names));
        return new SchemaVocabulary(RepeatableElements.in(xsd), Map.copyOf(byType), Map.copyOf(maxOccurs));
    }

    Set<String> repeatable() {
        return repeatable;
    }

    /** Local names of the elements declared with the simple type {@code typeName}. */
    Set<String> elementsOfType(String typeName) {
        return elementsByType.getOrDefault(typeName, Set.of());
    }

    /** The declared maxOccurs of element {@code name}, or 1 when it is not declared repeatable. */
    int maxOccurs(String name) {
        return maxOccurs.getOrDefault(name, 1);
    }
}
