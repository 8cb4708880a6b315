package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.c2cgateway.model.CanonicalSchema;
import org.junit.jupiter.api.Test;

class ElementPathTest {

    private static final String NS = CanonicalSchema.NAMESPACE;

    @Test
    void repeatableElementsAreIndexedFromTheFirstOne() {
        ElementPath path = new ElementPath(Set.of("GoodsItem"));
        path.enter(NS, "PreArrivalNotification");
        path.enter(NS, "GoodsItems");
        path.enter(NS, "GoodsItem");
        assertEquals("/PreArrivalNotification/GoodsItems/GoodsItem[1]", path.current());
        path.leave();
        path.enter(NS, "GoodsItem");
        path.enter(NS, "CommodityCode");
        assertEquals("/PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode", path.current());
    }

    @Test
    void aSingleElementIsIndexedOnlyWhenItIsRepeatedAnyway() {
        ElementPath path = new ElementPath(Set.of());
        path.enter(NS, "ExitNotification");
        path.enter(NS, "OfficeOfExit");
        assertEquals("/ExitNotification/OfficeOfExit", path.current());
        path.leave();
        path.enter(NS, "OfficeOfExit");
        assertEquals("/ExitNotification/OfficeOfExit[2]", path.current());
    }

    @Test
    void countsRestartUnderEachParent() {
        ElementPath path = new ElementPath(Set.of("SealId", "TransportEquipment"));
        path.enter(NS, "PreArrivalNotification");
        path.enter(NS, "TransportEquipment");
        path.enter(NS, "SealId");
        path.leave();
        path.leave();
        path.enter(NS, "TransportEquipment");
        path.enter(NS, "SealId");
        assertEquals("/PreArrivalNotification/TransportEquipment[2]/SealId[1]", path.current());
    }

    @Test
    void foreignElementsShowTheirNamespace() {
        ElementPath path = new ElementPath(Set.of("GoodsItem"));
        path.enter(NS, "PreArrivalNotification");
        path.enter("urn:other", "GoodsItem");
        assertEquals("/PreArrivalNotification/{urn:other}GoodsItem", path.current());
    }

    @Test
    void outsideTheRootThePathIsSlash() {
        ElementPath path = new ElementPath(Set.of());
        assertEquals("/", path.current());
        path.enter(NS, "ExitNotification");
        path.leave();
        assertEquals("/", path.current());
        assertEquals(0, path.depth());
    }

    @Test
    void schemaDeclaresTheRepeatedElements() {
        Set<String> repeatable = RepeatableElements.in(schemaBytes());
        assertTrue(repeatable.containsAll(Set.of("GoodsItem", "TransportEquipment", "SealId", "OfficeOfTransit",
                "CountryOfRouting", "AeoAuthorisation", "Packaging", "Discrepancy")), repeatable.toString());
        assertFalse(repeatable.contains("CommodityCode") || repeatable.contains("MRN"), repeatable.toString());
    }

    @Test
    void schemaWithANameBothRepeatedAndSingleIsRefused() {
        String xsd = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:complexType name='A'><xs:sequence>"
                + "<xs:element name='X' maxOccurs='9'/><xs:element name='Y'><xs:complexType><xs:sequence>"
                + "<xs:element name='X'/></xs:sequence></xs:complexType></xs:element>"
                + "</xs:sequence></xs:complexType></xs:schema>";
        assertThrows(IllegalStateException.class, () -> RepeatableElements.in(xsd.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] schemaBytes() {
        try (InputStream in = ElementPathTest.class.getResourceAsStream(CanonicalSchema.XSD_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
