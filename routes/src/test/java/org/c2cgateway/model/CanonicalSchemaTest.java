package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XSD and the Java constants describe the same thing, and the schema carries its WCO IDs. */
class CanonicalSchemaTest {

    private static Element schema;

    @BeforeAll
    static void readSchema() throws Exception {
        try (InputStream in = CanonicalSchemaTest.class.getResourceAsStream(CanonicalSchema.XSD_RESOURCE)) {
            assertNotNull(in, CanonicalSchema.XSD_RESOURCE + " on the classpath");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            schema = factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    @Test
    void schemaTargetsTheCanonicalNamespace() {
        assertEquals(CanonicalSchema.NAMESPACE, schema.getAttribute("targetNamespace"));
        assertEquals("qualified", schema.getAttribute("elementFormDefault"));
    }

    @Test
    void rootElementsAreExactlyTheNotificationTypes() {
        Set<String> roots = new HashSet<>();
        NodeList children = schema.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && "element".equals(child.getLocalName())) {
                roots.add(child.getAttribute("name"));
            }
        }
        Set<String> expected = new HashSet<>();
        for (NotificationType type : NotificationType.values()) {
            expected.add(type.rootElement());
        }
        assertEquals(expected, roots);
    }

    @Test
    void elementsCarryTheirWcoDataModelIds() {
        Map<String, Set<String>> ids = wcoIdsByElement();

        Map<String, String> expected = Map.ofEntries(
                Map.entry("MRN", "D014"), Map.entry("DeclarationType", "D013"),
                Map.entry("OfficeOfExit", "G005"), Map.entry("OfficeOfEntry", "G004"),
                Map.entry("CountryOfRouting", "064"), Map.entry("ModeOfTransport", "T022"),
                Map.entry("Nationality", "T014"), Map.entry("ContainerId", "159"), Map.entry("SealId", "165"),
                Map.entry("PlaceOfLoading", "L010"), Map.entry("TotalGrossMass", "126"),
                Map.entry("Declarant", "R123"), Map.entry("Consignor", "R021"), Map.entry("Consignee", "R015"),
                Map.entry("Carrier", "R012"), Map.entry("RoleCode", "R005"),
                Map.entry("Description", "137"), Map.entry("CommodityCode", "145"),
                Map.entry("PackageType", "141"), Map.entry("NumberOfPackages", "144"),
                Map.entry("UnDangerousGoodsNumber", "506"), Map.entry("LRN", "D026"), Map.entry("UCR", "016"),
                Map.entry("PlaceOfUnloading", "L010"), Map.entry("CountryOfDispatch", "064"),
                Map.entry("CountryOfDestination", "465"), Map.entry("ShippingMarks", "142"));
        expected.forEach((element, id) -> assertEquals(Set.of(id), ids.get(element), element));
    }

    private static Map<String, Set<String>> wcoIdsByElement() {
        Map<String, Set<String>> ids = new HashMap<>();
        NodeList docs = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "documentation");
        for (int i = 0; i < docs.getLength(); i++) {
            Element doc = (Element) docs.item(i);
            if ("WCO-DM".equals(doc.getAttribute("source"))) {
                Element declaration = (Element) doc.getParentNode().getParentNode();
                assertTrue(declaration.getLocalName().equals("element"), "WCO IDs annotate elements only");
                ids.computeIfAbsent(declaration.getAttribute("name"), k -> new HashSet<>()).add(doc.getTextContent());
            }
        }
        return ids;
    }
}
