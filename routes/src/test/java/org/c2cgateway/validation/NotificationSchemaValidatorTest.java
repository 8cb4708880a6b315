package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.c2cgateway.model.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NotificationSchemaValidatorTest {

    private static final long LIMIT = 10 * 1024 * 1024;
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private final NotificationSchemaValidator validator = new NotificationSchemaValidator(LIMIT);

    @ParameterizedTest
    @MethodSource("org.c2cgateway.model.Samples#validNames")
    void validSampleIsAcceptedWithoutFindings(String sample) {
        ValidationReport report = validator.validate(Samples.valid(sample));

        assertTrue(report.accepted(), report.findings().toString());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void badMrnIsReportedAtTheMrn() {
        ValidationReport report = validator.validate(Samples.invalid("bad-mrn-pattern.xml"));

        assertFalse(report.accepted());
        assertHasFinding(report, "/PreArrivalNotification/MRN", "XSD:cvc-pattern-valid");
    }

    @Test
    void badCommodityCodeIsReportedAtItsGoodsItem() {
        ValidationReport report = validator.validate(Samples.invalid("bad-hs-code.xml"));

        assertHasFinding(report, "/PreArrivalNotification/GoodsItems/GoodsItem[2]/CommodityCode", "XSD:cvc-pattern-valid");
        assertTrue(report.errors().stream().allMatch(f -> f.path().endsWith("/GoodsItem[2]/CommodityCode")),
                report.findings().toString());
    }

    @Test
    void missingOfficeOfEntryIsReportedWhereItWasExpectedAndNamed() {
        ValidationReport report = validator.validate(Samples.invalid("missing-office-of-entry.xml"));

        ValidationFinding finding = assertHasFinding(report, "/PreArrivalNotification/EstimatedArrivalDateTime",
                "XSD:cvc-complex-type.2.4.a");
        assertTrue(finding.message().contains("OfficeOfEntry"), finding.message());
    }

    @Test
    void missingLastElementIsReportedAtItsParent() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replaceAll("(?s)<Discrepancies>.*</Discrepancies>", "")
                .replace("<ControlledBy>MK001001</ControlledBy>", "")
                .getBytes(StandardCharsets.UTF_8);

        ValidationFinding finding = assertHasFinding(validator.validate(xml), "/ExitNotification/ControlResult",
                "XSD:cvc-complex-type.2.4.b");
        assertTrue(finding.message().contains("ControlledBy"), finding.message());
    }

    @Test
    void everyErrorInADocumentIsReported() {
        ValidationReport report = validator.validate(Samples.invalid("multiple-errors.xml"));

        assertHasFinding(report, "/PreArrivalNotification/OfficeOfExit", "XSD:cvc-pattern-valid");
        assertHasFinding(report, "/PreArrivalNotification/BorderTransportMeans/ModeOfTransport",
                "XSD:cvc-enumeration-valid");
        assertHasFinding(report, "/PreArrivalNotification/TransportEquipment[1]/Seals/SealId[2]",
                "XSD:cvc-maxLength-valid");
        assertHasFinding(report, "/PreArrivalNotification/GoodsItems/GoodsItem[1]/CommodityCode",
                "XSD:cvc-pattern-valid");
        assertEquals(4, report.findings().size(), "one finding per problem: " + report.findings());
    }

    @Test
    void badValueIsReportedOnceNotAlsoAsGenericallyInvalid() {
        ValidationReport report = validator.validate(Samples.invalid("bad-mrn-pattern.xml"));

        assertEquals(List.of("XSD:cvc-pattern-valid"), rules(report));
    }

    @Test
    void valueOfTheWrongDatatypeIsReported() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml").replace("<Date>2027-01-21</Date>", "<Date>21.01.2027</Date>")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("XSD:cvc-datatype-valid.1.2.1"), rules(validator.validate(xml)));
    }

    @Test
    void misplacedElementIsReportedAtThatElement() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("<SealsState>0</SealsState>", "")
                .replace("</ExitNotification>", "<SealsState>0</SealsState></ExitNotification>")
                .getBytes(StandardCharsets.UTF_8);

        assertHasFinding(validator.validate(xml), "/ExitNotification/NewSeals", "XSD:cvc-complex-type.2.4.a");
    }

    @Test
    void repeatedSingleElementIsReportedWithItsPosition() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("<OfficeOfExit>MK001001</OfficeOfExit>",
                        "<OfficeOfExit>MK001001</OfficeOfExit><OfficeOfExit>MK001002</OfficeOfExit>")
                .getBytes(StandardCharsets.UTF_8);

        assertHasFinding(validator.validate(xml), "/ExitNotification/OfficeOfExit[2]", "XSD:cvc-complex-type.2.4.a");
    }

    @Test
    void timeWithoutUtcOffsetIsRejected() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("2027-01-21T09:47:00+01:00", "2027-01-21T09:47:00")
                .getBytes(StandardCharsets.UTF_8);

        assertHasFinding(validator.validate(xml), "/ExitNotification/ActualExitDateTime", "XSD:cvc-pattern-valid");
    }

    @Test
    void identifierWithSurroundingSpacesIsRejected() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("<MessageId>MK-NCTS-EXIT-2027-0000321</MessageId>", "<MessageId> MK-NCTS-EXIT-2027-0000321</MessageId>")
                .getBytes(StandardCharsets.UTF_8);

        assertHasFinding(validator.validate(xml), "/ExitNotification/MessageId", "XSD:cvc-pattern-valid");
    }

    @Test
    void xxeIsRejectedQuicklyWithoutReadingTheFile() {
        ValidationReport report = assertTimeoutPreemptively(QUICKLY,
                () -> validator.validate(Samples.invalid("xxe.xml")));

        assertEquals(List.of("XML:dtd-forbidden"), rules(report));
        assertFalse(report.findings().get(0).message().contains("root:"), "no file content in findings");
    }

    @Test
    void billionLaughsIsRejectedQuickly() {
        ValidationReport report = assertTimeoutPreemptively(QUICKLY,
                () -> validator.validate(Samples.invalid("billion-laughs.xml")));

        assertEquals(List.of("XML:dtd-forbidden"), rules(report));
        assertEquals(Severity.ERROR, report.findings().get(0).severity());
    }

    @Test
    void externalDtdReferenceIsRejected() {
        byte[] xml = ("<!DOCTYPE ExitNotification SYSTEM \"http://attacker.invalid/x.dtd\">"
                + "<ExitNotification xmlns=\"urn:c2c-gateway:notification:v1\"/>").getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("XML:dtd-forbidden"), rules(assertTimeoutPreemptively(QUICKLY, () -> validator.validate(xml))));
    }

    @Test
    void schemaLocationHintInTheDocumentIsIgnored() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml")
                .replace("<ExitNotification xmlns=\"urn:c2c-gateway:notification:v1\">",
                        "<ExitNotification xmlns=\"urn:c2c-gateway:notification:v1\""
                                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                                + " xsi:schemaLocation=\"urn:c2c-gateway:notification:v1 http://attacker.invalid/lax.xsd\">")
                .getBytes(StandardCharsets.UTF_8);

        ValidationReport report = assertTimeoutPreemptively(QUICKLY, () -> validator.validate(xml));
        assertTrue(report.accepted(), report.findings().toString());
    }

    @Test
    void notWellFormedDocumentIsAFindingNotAnException() {
        ValidationReport report = validator.validate(Samples.invalid("not-well-formed.xml"));

        assertFalse(report.accepted());
        assertEquals("XML:not-well-formed", report.findings().get(report.findings().size() - 1).rule());
        assertTrue(report.findings().get(report.findings().size() - 1).message().contains("line "));
    }

    @Test
    void emptyAndNonXmlPayloadsAreNotWellFormed() {
        assertEquals(List.of("XML:not-well-formed"), rules(validator.validate(new byte[0])));
        assertEquals(List.of("XML:not-well-formed"), rules(validator.validate("{\"mrn\": 1}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void unknownRootIsReportedOnceWithoutSchemaNoise() {
        ValidationReport report = validator.validate(Samples.invalid("unknown-root.xml"));

        assertEquals(List.of("XSD:unknown-root"), rules(report));
        assertEquals("/ArrivalNotification", report.findings().get(0).path());
    }

    @Test
    void rootInAnotherNamespaceIsUnknown() {
        byte[] xml = Samples.validText("mk-to-rs-exit.xml").replace("urn:c2c-gateway:notification:v1", "urn:c2c-gateway:notification:v2")
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("XSD:unknown-root"), rules(validator.validate(xml)));
    }

    @Test
    void oversizePayloadIsRejectedWithoutParsing() {
        byte[] sample = Samples.valid("rs-to-mk-pre-arrival.xml");
        NotificationSchemaValidator small = new NotificationSchemaValidator(sample.length - 1);

        ValidationReport report = small.validate(sample);

        assertEquals(List.of("LIMIT:payload-size"), rules(report));
        assertEquals("/", report.findings().get(0).path());
        assertEquals(List.of("LIMIT:payload-size"), rules(small.validate(new byte[sample.length])),
                "not parsed: garbage of that size gives no XML finding");
    }

    @Test
    void payloadExactlyAtTheLimitIsValidated() {
        byte[] sample = Samples.valid("rs-to-mk-pre-arrival.xml");

        assertTrue(new NotificationSchemaValidator(sample.length).validate(sample).accepted());
    }

    @Test
    void otherEncodingsAreRead() {
        byte[] utf16 = Samples.validText("bg-to-rs-pre-arrival.xml").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                .getBytes(StandardCharsets.UTF_16);

        assertTrue(validator.validate(utf16).accepted());
    }

    @Test
    void messagesAreEnglishWhateverTheServerLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            ValidationReport report = new NotificationSchemaValidator(LIMIT).validate(Samples.invalid("bad-mrn-pattern.xml"));
            assertTrue(report.errors().get(0).message().contains("is not facet-valid"), report.errors().get(0).message());
            assertEquals(List.of("XML:dtd-forbidden"), rules(validator.validate(Samples.invalid("xxe.xml"))));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void largestAllowedNotificationIsAccepted() {
        byte[] xml = preArrivalWith(1999, 9999, "847130");

        ValidationReport report = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> validator.validate(xml));

        assertTrue(report.accepted(), report.findings().stream().limit(3).toList().toString());
    }

    @Test
    void goodsItemBeyondTheMaximumIsRejected() {
        ValidationReport report = validator.validate(preArrivalWith(2000, 1, "847130"));

        assertHasFinding(report, "/PreArrivalNotification/GoodsItems/GoodsItem[2000]", "XSD:cvc-complex-type.2.4.f");
    }

    @Test
    void findingsAreBoundedForAHopelessDocument() {
        ValidationReport report = validator.validate(preArrivalWith(1999, 1, "BAD"));

        assertEquals(NotificationSchemaValidator.MAX_FINDINGS + 1, report.findings().size());
        assertEquals("LIMIT:finding-count", report.findings().get(report.findings().size() - 1).rule());
    }

    @Test
    void absurdNestingIsStopped() {
        String xml = "<ExitNotification xmlns=\"urn:c2c-gateway:notification:v1\">" + "<a>".repeat(100_000)
                + "</a>".repeat(100_000) + "</ExitNotification>";

        ValidationReport report = assertTimeoutPreemptively(QUICKLY,
                () -> validator.validate(xml.getBytes(StandardCharsets.UTF_8)));

        assertEquals("LIMIT:element-depth", report.findings().get(report.findings().size() - 1).rule());
    }

    @Test
    void oneValidatorServesConcurrentCallers() throws Exception {
        List<byte[]> inputs = List.of(Samples.valid("rs-to-mk-pre-arrival.xml"), Samples.invalid("multiple-errors.xml"),
                Samples.invalid("xxe.xml"), Samples.valid("mk-to-rs-exit.xml"), Samples.invalid("bad-hs-code.xml"));
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

    private static ValidationFinding assertHasFinding(ValidationReport report, String path, String rule) {
        return report.findings().stream()
                .filter(f -> f.path().equals(path) && f.rule().equals(rule) && f.severity() == Severity.ERROR)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " at " + path + " in:\n"
                        + report.findings().stream().map(ValidationFinding::toString).collect(Collectors.joining("\n"))));
    }

    private static List<String> rules(ValidationReport report) {
        return report.findings().stream().map(ValidationFinding::rule).toList();
    }

    /** The rs-to-mk sample with its goods items and equipment replaced by generated ones. */
    private static byte[] preArrivalWith(int goodsItems, int equipment, String commodityCode) {
        String sample = Samples.validText("rs-to-mk-pre-arrival.xml");
        StringBuilder items = new StringBuilder("<GoodsItems>");
        for (int i = 1; i <= goodsItems; i++) {
            items.append("<GoodsItem><SequenceNumber>").append(Math.min(i, 1999)).append("</SequenceNumber>")
                    .append("<Description>Item ").append(i).append("</Description><CommodityCode>").append(commodityCode)
                    .append("</CommodityCode><GrossMass>1.5</GrossMass><Packaging><PackageType>BX</PackageType>")
                    .append("<NumberOfPackages>1</NumberOfPackages></Packaging></GoodsItem>");
        }
        items.append("</GoodsItems>");
        StringBuilder containers = new StringBuilder();
        for (int i = 1; i <= equipment; i++) {
            containers.append("<TransportEquipment><ContainerId>C").append(i).append("</ContainerId><Seals>")
                    .append("<NumberOfSeals>1</NumberOfSeals><SealId>S").append(i).append("</SealId></Seals></TransportEquipment>");
        }
        String xml = sample.replaceAll("(?s)<GoodsItems>.*</GoodsItems>", items.toString())
                .replaceAll("(?s)<TransportEquipment>.*</TransportEquipment>", containers.toString());
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
