package org.c2cgateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.c2cgateway.validation.NotificationSchemaValidator;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class NotificationJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final NotificationJson json = new NotificationJson();
    private final NotificationSchemaValidator validator = new NotificationSchemaValidator(10 * 1024 * 1024);

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void xmlToJsonToXmlGivesTheSameElementsValuesAndOrder(String sample) {
        byte[] original = Samples.valid(sample);

        byte[] xml = json.toXml(json.toJson(original));

        assertEquals(XmlEquivalence.outline(original), XmlEquivalence.outline(xml));
        assertTrue(validator.validate(xml).accepted(), validator.validate(xml).findings().toString());
    }

    @Test
    void jsonMirrorsElementNamesWithArraysForRepeatableElementsAndNumbersForNumericTypes() throws Exception {
        JsonNode root = MAPPER.readTree(json.toJson(Samples.valid("rs-to-mk-pre-arrival.xml")));
        JsonNode notification = root.get("PreArrivalNotification");

        assertEquals(List.of("PreArrivalNotification"), fieldNames(root));
        assertEquals("26RS0110T0000452M5", notification.get("MRN").textValue());
        assertEquals("3", notification.get("SecurityIndicator").textValue(), "a code stays a string");
        assertTrue(notification.get("TotalGrossMass").isNumber());
        assertEquals("6240.5", notification.get("TotalGrossMass").decimalValue().toPlainString());
        assertEquals(2, notification.get("TransportEquipment").size());
        assertTrue(notification.at("/TransportEquipment/1/Seals/SealId").isArray(), "one seal is still an array");
        JsonNode secondItem = notification.at("/GoodsItems/GoodsItem/1");
        assertEquals(2, secondItem.get("SequenceNumber").intValue());
        assertEquals("320890", secondItem.get("CommodityCode").textValue());
        assertEquals("N235", secondItem.at("/SupportingDocuments/SupportingDocument/1/Type").textValue());
    }

    @Test
    void fieldsInAnyOrderComeOutInSchemaOrder() throws Exception {
        byte[] original = Samples.valid("rs-to-bg-pre-arrival.xml");
        ObjectNode document = (ObjectNode) MAPPER.readTree(json.toJson(original));
        ObjectNode notification = (ObjectNode) document.get("PreArrivalNotification");
        List<String> names = fieldNames(notification);
        Collections.reverse(names);
        ObjectNode reversed = MAPPER.createObjectNode();
        names.forEach(name -> reversed.set(name, notification.get(name)));
        document.set("PreArrivalNotification", reversed);

        assertEquals(XmlEquivalence.outline(original), XmlEquivalence.outline(json.toXml(bytes(document))));
    }

    @Test
    void badCommodityCodeInJsonFailsValidationWithTheSameRuleAndPathAsInXml() throws Exception {
        ObjectNode document = (ObjectNode) MAPPER.readTree(json.toJson(Samples.valid("rs-to-mk-pre-arrival.xml")));
        ((ObjectNode) document.at("/PreArrivalNotification/GoodsItems/GoodsItem/1")).put("CommodityCode", "32089091");

        ValidationReport fromJson = validator.validate(json.toXml(bytes(document)));
        ValidationReport fromXml = validator.validate(Samples.invalid("bad-hs-code.xml"));

        assertFalse(fromJson.accepted());
        assertEquals(pathsAndRules(fromXml), pathsAndRules(fromJson));
        assertEquals(List.of("/PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode XSD:cvc-pattern-valid"),
                pathsAndRules(fromJson));
    }

    @Test
    void unknownFieldIsKeptSoThatValidationReportsIt() {
        byte[] xml = json.toXml(utf8("{\"ExitNotification\": {\"MessageId\": \"m-1\", \"Colour\": \"red\"}}"));

        assertTrue(new String(xml, StandardCharsets.UTF_8).contains("<Colour>red</Colour>"));
        assertTrue(validator.validate(xml).findings().stream()
                .anyMatch(finding -> finding.path().equals("/ExitNotification/Colour")),
                validator.validate(xml).findings().toString());
    }

    @Test
    void singleValueForARepeatableElementIsOneOccurrenceAndNumbersKeepTheirDigits() {
        String xml = new String(json.toXml(utf8("""
                {"PreArrivalNotification": {"TotalGrossMass": 6240.50,
                  "CountriesOfRouting": {"CountryOfRouting": "RS"}}}""")), StandardCharsets.UTF_8);

        assertTrue(xml.contains("<TotalGrossMass>6240.50</TotalGrossMass>"), xml);
        assertTrue(xml.contains("<CountryOfRouting>RS</CountryOfRouting>"), xml);
        assertTrue(xml.indexOf("CountriesOfRouting") < xml.indexOf("TotalGrossMass"), "schema order: " + xml);
    }

    @Test
    void malformedJsonIsRefusedAsMalformed() {
        NotificationFormatException e = assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"PreArrivalNotification\": {\"MRN\": ")));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());

        assertThrows(NotificationFormatException.class, () -> json.toXml(new byte[0]));
        assertThrows(NotificationFormatException.class, () -> json.toXml(utf8("{\"ExitNotification\": {}} {}")));
    }

    @Test
    void wrongTopLevelFieldIsRefusedNamingIt() {
        NotificationFormatException e = assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"ArrivalNotification\": {}}")));

        assertEquals("/ArrivalNotification", e.location());
        assertTrue(e.reason().contains("ArrivalNotification") && e.reason().contains("PreArrivalNotification"),
                e.reason());
        assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"ExitNotification\": {}, \"PreArrivalNotification\": {}}")));
        assertThrows(NotificationFormatException.class, () -> json.toXml(utf8("[{\"ExitNotification\": {}}]")));
        assertThrows(NotificationFormatException.class, () -> json.toXml(utf8("{\"ExitNotification\": \"x\"}")));
    }

    @Test
    void objectWhereAValueIsExpectedIsRefusedWithItsJsonPointer() {
        NotificationFormatException e = assertThrows(NotificationFormatException.class, () -> json.toXml(utf8("""
                {"PreArrivalNotification": {"GoodsItems": {"GoodsItem": [{}, {"CommodityCode": {"hs": "847130"}}]}}}""")));

        assertEquals("/PreArrivalNotification/GoodsItems/GoodsItem/1/CommodityCode", e.location());
        assertTrue(e.reason().contains("expected a string or number"), e.reason());
    }

    @Test
    void valueWhereAnObjectIsExpectedIsRefused() {
        NotificationFormatException e = assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"PreArrivalNotification\": {\"Parties\": \"none\"}}")));

        assertEquals("/PreArrivalNotification/Parties", e.location());
    }

    @Test
    void duplicateFieldIsRefusedRatherThanOneCopyDropped() {
        assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"ExitNotification\": {\"MRN\": \"a\", \"MRN\": \"b\"}}")));
    }

    @Test
    void characterThatXmlCannotCarryIsRefused() {
        NotificationFormatException e = assertThrows(NotificationFormatException.class,
                () -> json.toXml(utf8("{\"ExitNotification\": {\"MessageId\": \"m\\u0000\"}}")));

        assertEquals("/ExitNotification/MessageId", e.location());
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String deep = "{\"ExitNotification\": " + "{\"a\": ".repeat(200) + "1" + "}".repeat(201);

        NotificationFormatException e = assertThrows(NotificationFormatException.class, () -> json.toXml(utf8(deep)));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }

    @Test
    void doctypeIsRefusedQuicklyWhenReadingXml() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThrows(NotificationFormatException.class, () -> json.toJson(Samples.invalid("xxe.xml")));
            assertThrows(NotificationFormatException.class, () -> json.toJson(Samples.invalid("billion-laughs.xml")));
        });
    }

    @Test
    void xmlThatIsNotANotificationIsRefused() {
        assertThrows(NotificationFormatException.class, () -> json.toJson(Samples.invalid("not-well-formed.xml")));
        NotificationFormatException e = assertThrows(NotificationFormatException.class,
                () -> json.toJson(Samples.invalid("unknown-root.xml")));
        assertEquals("/ArrivalNotification", e.location());
    }

    private static List<String> pathsAndRules(ValidationReport report) {
        return report.errors().stream().map((ValidationFinding f) -> f.path() + " " + f.rule()).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            names.add(field.getKey());
        }
        return names;
    }

    private static byte[] bytes(JsonNode node) throws Exception {
        return MAPPER.writeValueAsBytes(node);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
