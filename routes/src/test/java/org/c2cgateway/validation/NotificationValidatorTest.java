package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.c2cgateway.model.Samples;
import org.junit.jupiter.api.Test;

/** The facade: schema first, business rules only on schema-valid documents, every finding, limits named. */
class NotificationValidatorTest {

    private static final String RS_MK = "rs-to-mk-pre-arrival.xml";

    private final NotificationValidator validator = new NotificationValidator(10 * 1024 * 1024);

    @Test
    void businessRulesDoNotRunOnASchemaInvalidDocument() {
        String broken = new String(Edits.sampleWith(RS_MK, "<MRN>26RS0110T0000452M5", "<MRN>26RS0110T0000452M6"),
                StandardCharsets.UTF_8).replace("<ModeOfTransport>3<", "<ModeOfTransport>6<");

        ValidationReport report = validator.validate(broken.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("XSD:cvc-enumeration-valid"), rules(report), BusinessRulesTest.dump(report));
        assertEquals(12, report.findings().get(0).category().code());
    }

    @Test
    void everyBusinessFindingIsReportedInDocumentOrder() {
        String text = new String(Edits.sampleWith(RS_MK, "<CommodityCode>847130", "<CommodityCode>990000"),
                StandardCharsets.UTF_8)
                .replace("<MRN>26RS0110T0000452M5", "<MRN>26RS0110T0000452M6")
                .replace("<NumberOfSeals>1<", "<NumberOfSeals>0<")
                .replace("CSQU3054383", "CSQU3054384");

        ValidationReport report = validator.validate(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("R0028", "C2C-CONTAINER-ISO6346", "C0569", "C2C-HS6"), rules(report),
                BusinessRulesTest.dump(report));
        assertEquals(1, report.warnings().size());
        assertFalse(report.accepted());
    }

    @Test
    void oversizePayloadIsRefusedUnread() {
        ValidationReport report = new NotificationValidator(100).validate(Samples.valid(RS_MK));

        assertEquals(List.of("LIMIT:payload-size"), rules(report));
    }

    @Test
    void goodsItemBeyond1999IsG0005NamingTheLimit() {
        ValidationReport report = validator.validate(preArrivalWithGoodsItems(2000));

        ValidationFinding finding = report.findings().get(0);
        assertEquals(List.of("G0005"), rules(report), BusinessRulesTest.dump(report));
        assertEquals("/PreArrivalNotification/GoodsItems/GoodsItem[2000]", finding.path());
        assertTrue(finding.message().contains("at most 1999 GoodsItem"), finding.message());
    }

    @Test
    void exactly1999GoodsItemsAreAccepted() {
        ValidationReport report = validator.validate(preArrivalWithGoodsItems(1999));

        assertTrue(report.accepted(), BusinessRulesTest.dump(report));
    }

    @Test
    void tooManyOfAnotherElementNamesItsLimit() {
        StringBuilder offices = new StringBuilder("<OfficesOfTransit>");
        for (int i = 0; i < 100; i++) {
            offices.append(String.format("<OfficeOfTransit>MK%06d</OfficeOfTransit>", i));
        }
        byte[] xml = Edits.sampleWith(RS_MK, "<EstimatedArrivalDateTime>",
                offices + "</OfficesOfTransit><EstimatedArrivalDateTime>");

        ValidationReport report = validator.validate(xml);

        assertEquals(List.of("LIMIT:max-occurs"), rules(report), BusinessRulesTest.dump(report));
        assertEquals("/PreArrivalNotification/OfficesOfTransit/OfficeOfTransit[100]", report.findings().get(0).path());
        assertTrue(report.findings().get(0).message().contains("at most 99 OfficeOfTransit"));
    }

    @Test
    void overlongTextNamesItsLengthLimit() {
        ValidationReport report = validator.validate(Edits.sampleWith(RS_MK, "<Name>Vardar Trade DOOEL<",
                "<Name>" + "V".repeat(71) + "<"));

        ValidationFinding finding = report.findings().get(0);
        assertEquals(List.of("XSD:cvc-maxLength-valid"), rules(report));
        assertEquals("/PreArrivalNotification/Parties/Consignee/Name", finding.path());
        assertTrue(finding.message().contains("length = '71'") && finding.message().contains("maxLength '70'"),
                finding.message());
    }

    @Test
    void oneValidatorServesConcurrentCallers() throws Exception {
        List<byte[]> inputs = List.of(Samples.valid(RS_MK), Samples.invalid("r0028-mrn-check-digit.xml"),
                Samples.invalid("xxe.xml"), Samples.valid("mk-to-rs-exit.xml"), Samples.invalid("c0569-seal-count.xml"));
        List<ValidationReport> expected = inputs.stream().map(validator::validate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 40; task++) {
                int i = task % inputs.size();
                results.add(pool.submit(() -> validator.validate(inputs.get(i)).equals(expected.get(i))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> rules(ValidationReport report) {
        return report.findings().stream().map(ValidationFinding::rule).toList();
    }

    private static byte[] preArrivalWithGoodsItems(int count) {
        StringBuilder items = new StringBuilder("<GoodsItems>");
        for (int i = 1; i <= count; i++) {
            items.append("<GoodsItem><SequenceNumber>").append(Math.min(i, 1999)).append("</SequenceNumber>")
                    .append("<Description>Item ").append(i).append("</Description><CommodityCode>847130")
                    .append("</CommodityCode><GrossMass>1.5</GrossMass><Packaging><PackageType>BX</PackageType>")
                    .append("<NumberOfPackages>1</NumberOfPackages></Packaging></GoodsItem>");
        }
        return Samples.validText(RS_MK).replaceAll("(?s)<GoodsItems>.*</GoodsItems>", items + "</GoodsItems>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
