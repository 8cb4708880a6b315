package org.c2cgateway.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structure limits are met before a DOM is built, and each refusal names the limit and its value. */
class XmlLimitsTest {

    private static final XmlLimits LIMITS = new XmlLimits(10, 100, 5);

    private static byte[] xml(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(String text) {
        return assertThrows(XmlLimitException.class, () -> LIMITS.check(xml(text))).getMessage();
    }

    @Test
    void a_document_within_every_limit_passes() {
        assertDoesNotThrow(() -> LIMITS.check(xml("<a x='1' y='2'>" + "<b/>".repeat(98) + "</a>")));
    }

    @Test
    void nesting_past_the_depth_limit_is_refused_naming_it() {
        String message = refusal("<a>".repeat(11) + "</a>".repeat(11));

        assertTrue(message.contains("nested 11 deep") && message.contains("maximum XML nesting depth of 10"), message);
    }

    @Test
    void nesting_a_million_deep_is_refused_at_the_limit_without_building_anything() {
        int depth = 1_000_000;
        String message = refusal("<a>".repeat(depth) + "</a>".repeat(depth));

        assertTrue(message.contains("maximum XML nesting depth of 10"), message);
    }

    @Test
    void more_elements_than_the_limit_are_refused_naming_it() {
        String message = refusal("<a>" + "<b/>".repeat(100) + "</a>");

        assertTrue(message.contains("more than the maximum of 100 XML elements"), message);
    }

    @Test
    void more_attributes_on_one_element_than_the_limit_are_refused_counting_namespace_declarations() {
        String message = refusal("<a xmlns:p='urn:p' xmlns:q='urn:q' b='1' c='2' d='3' e='4'/>");

        assertTrue(message.contains("has 6 attributes and namespace declarations")
                && message.contains("maximum of 5 per element"), message);
    }

    @Test
    void a_doctype_is_refused_so_neither_external_entities_nor_entity_expansion_can_happen() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>";
        String laughs = "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY l 'lol'><!ENTITY l2 '&l;&l;&l;&l;&l;&l;&l;&l;&l;&l;'>"
                + "<!ENTITY l3 '&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;'>]><a>&l3;</a>";
        String externalDtd = "<?xml version='1.0'?><!DOCTYPE a SYSTEM 'http://attacker.example/a.dtd'><a/>";

        for (String hostile : new String[] {xxe, laughs, externalDtd}) {
            assertTrue(refusal(hostile).contains("a DOCTYPE declaration is not allowed"), hostile);
        }
    }

    @Test
    void every_dom_parser_refuses_nesting_deeper_than_the_ceiling_whatever_the_document() {
        int depth = HardenedXml.MAX_ELEMENT_DEPTH + 1;
        byte[] deep = xml("<a>".repeat(depth) + "</a>".repeat(depth));

        SAXException e = assertThrows(SAXException.class,
                () -> HardenedXml.newDocumentBuilder().parse(new ByteArrayInputStream(deep)));
        assertTrue(e.getMessage().contains("maxElementDepth"), e.getMessage());
    }

    @Test
    void a_configured_depth_past_the_ceiling_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new XmlLimits(HardenedXml.MAX_ELEMENT_DEPTH + 1, 10, 10));
    }
}
