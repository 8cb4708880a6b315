package org.c2cgateway.rules;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.c2cgateway.model.NotificationType;

import static org.c2cgateway.model.NotificationType.EXIT;
import static org.c2cgateway.model.NotificationType.PRE_ARRIVAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the catalogue reads from the canonical XSD, and that the agreement JSON Schema documents every field. */
class ElementCatalogueTest {

    private static final ElementCatalogue CATALOGUE = ElementCatalogue.canonical();

    @Test
    void resolves_wco_ids_to_every_path_carrying_them() {
        assertEquals(Set.of("Parties/Consignor"), CATALOGUE.pathsOfWcoId(PRE_ARRIVAL, "R021"));
        assertEquals(Set.of("TotalGrossMass", "GoodsItems/GoodsItem/GrossMass"),
                CATALOGUE.pathsOfWcoId(PRE_ARRIVAL, "126"));
        assertEquals(Set.of("TransportEquipment/Seals/SealId", "NewSeals/SealId"), CATALOGUE.pathsOfWcoId(EXIT, "165"));
        assertEquals(Set.of(), CATALOGUE.pathsOfWcoId(EXIT, "R021"));
    }

    @Test
    void knows_which_elements_are_required() {
        assertTrue(required(PRE_ARRIVAL, "MRN"));
        assertTrue(required(PRE_ARRIVAL, "Parties/Declarant"));
        assertTrue(required(PRE_ARRIVAL, "Parties/Consignor/Name"));
        assertFalse(required(PRE_ARRIVAL, "Parties/Consignor"));
        assertFalse(required(EXIT, "OfficeOfDeparture"));
        assertTrue(required(PRE_ARRIVAL, "OfficeOfDeparture"));
    }

    @Test
    void pseudonymises_names_and_descriptions_but_not_codes_or_short_texts() {
        assertEquals(Optional.empty(), why(PRE_ARRIVAL, "Parties/Consignor/Name"));
        assertEquals(Optional.empty(), why(PRE_ARRIVAL, "GoodsItems/GoodsItem/Description"));
        assertEquals(Optional.empty(), why(EXIT, "Discrepancies/Discrepancy"));
        assertTrue(why(PRE_ARRIVAL, "MRN").orElseThrow().contains("pattern"));
        assertTrue(why(PRE_ARRIVAL, "BorderTransportMeans/ModeOfTransport").orElseThrow().contains("enumeration"));
        assertTrue(why(PRE_ARRIVAL, "TransportEquipment/ContainerId").orElseThrow().contains("too short"));
    }

    @Test
    void agreement_schema_describes_every_property() throws Exception {
        JsonNode schema;
        try (InputStream in = AgreementSchema.class.getResourceAsStream(AgreementSchema.RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(schema, "", undescribed);
        assertEquals(List.of(), undescribed);
    }

    private static void collectUndescribed(JsonNode schema, String at, List<String> into) {
        for (Map.Entry<String, JsonNode> property : iterable(schema.path("properties"))) {
            if (!property.getValue().has("description")) {
                into.add(at + "/" + property.getKey());
            }
            collectUndescribed(property.getValue(), at + "/" + property.getKey(), into);
        }
        for (Map.Entry<String, JsonNode> definition : iterable(schema.path("$defs"))) {
            collectUndescribed(definition.getValue(), at + "/$defs/" + definition.getKey(), into);
        }
        if (schema.path("items").isObject()) {
            collectUndescribed(schema.path("items"), at + "[]", into);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }

    private static boolean required(NotificationType type, String path) {
        return CATALOGUE.element(type, path).orElseThrow().required();
    }

    private static Optional<String> why(NotificationType type, String path) {
        return CATALOGUE.whyNotPseudonymisable(CATALOGUE.element(type, path).orElseThrow());
    }
}
