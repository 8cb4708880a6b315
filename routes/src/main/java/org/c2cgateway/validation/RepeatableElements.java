package org.c2cgateway.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.c2cgateway.xml.HardenedXml;
import org.xml.sax.SAXException;

/**
 * Finds, in the schema itself, the local names of elements that may occur more than once, so that
 * finding paths index them ({@code GoodsItem[1]}) without a hand-kept list that could drift from
 * the XSD. Refuses a schema where one local name is declared both repeatable and single, because a
 * path step would then be ambiguous.
 */
public final class RepeatableElements {

    private RepeatableElements() {
    }

    /**
     * The repeatable local names of the canonical schema on the classpath, read once: data minimisation
     * writes its element paths in the same form as findings, and needs them on every notification.
     */
    public static Set<String> inCanonicalSchema() {
        return Canonical.REPEATABLE;
    }

    /** Loaded on first use only, so the validator's own schema reading stays the single source at start-up. */
    private static final class Canonical {
        static final Set<String> REPEATABLE = in(NotificationSchemaValidator.readSchemaResource());
    }

    static Set<String> in(byte[] xsd) {
        NodeList declarations = parse(xsd).getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        Set<String> repeatable = new TreeSet<>();
        Set<String> single = new HashSet<>();
        for (int i = 0; i < declarations.getLength(); i++) {
            Element declaration = (Element) declarations.item(i);
            String name = declaration.getAttribute("name");
            if (name.isEmpty()) {
                continue;
            }
            String maxOccurs = declaration.getAttribute("maxOccurs");
            if (maxOccurs.isEmpty() || "1".equals(maxOccurs)) {
                single.add(name);
            } else {
                repeatable.add(name);
            }
        }
        Set<String> both = new TreeSet<>(repeatable);
        both.retainAll(single);
        if (!both.isEmpty()) {
            throw new IllegalStateException("schema declares " + both + " both repeatable and single; "
                    + "finding paths would be ambiguous");
        }
        return Set.copyOf(repeatable);
    }

    static Element parse(byte[] xsd) {
        try {
            return HardenedXml.newDocumentBuilder().parse(new ByteArrayInputStream(xsd)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot read the canonical schema", e);
        }
    }
}
