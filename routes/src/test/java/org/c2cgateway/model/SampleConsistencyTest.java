package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Keeps the valid samples honest on the business rules the schema cannot express (REFERENCE.md
 * rules 1, 8 and 10), until the business validator exists: they are the examples partners and
 * national systems will copy.
 */
class SampleConsistencyTest {

    @Test
    void checkDigitHelperAgreesWithThePublishedExample() {
        assertEquals('7', Iso6346.checkDigit("24GB000246J8NY33L"));
        assertEquals('3', Iso6346.checkDigit("CSQU305438"));
    }

    @Test
    void thereAreValidSamplesToCheck() {
        assertTrue(Samples.validNames().size() >= 4, Samples.validNames().toString());
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void sampleMrnHasCorrectCheckDigitAndSecurityLetter(String sample) throws Exception {
        Document doc = parse(Samples.valid(sample));
        String mrn = text(doc, "MRN").get(0);
        List<String> indicator = text(doc, "SecurityIndicator");
        assertEquals(Iso6346.checkDigit(mrn.substring(0, 17)), mrn.charAt(17), "check digit of " + mrn);
        assertFalse(indicator.isEmpty(), "samples state their security indicator");
        assertEquals(Iso6346.mrnSecurityLetter(indicator.get(0)), mrn.charAt(16), "17th character of " + mrn);
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void sampleContainersHaveIsoCheckDigits(String sample) throws Exception {
        for (String container : text(parse(Samples.valid(sample)), "ContainerId")) {
            assertEquals(Iso6346.checkDigit(container.substring(0, 10)), container.charAt(10), container);
        }
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void sampleGoodsItemsAreNumberedFromOne(String sample) throws Exception {
        List<String> numbers = text(parse(Samples.valid(sample)), "SequenceNumber");
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(String.valueOf(i + 1), numbers.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void sampleDatesAreIn2026Or2027(String sample) throws Exception {
        Document doc = parse(Samples.valid(sample));
        for (String field : List.of("PreparationDateTime", "EstimatedArrivalDateTime", "ActualExitDateTime", "Date")) {
            for (String value : text(doc, field)) {
                assertTrue(value.startsWith("2026-") || value.startsWith("2027-"), field + " " + value);
            }
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> text(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(CanonicalSchema.NAMESPACE, localName);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }
}
