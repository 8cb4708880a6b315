package org.c2cgateway.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each business rule, failing and passing, through the public facade: a valid sample with one thing
 * changed must give exactly that rule's finding, at that path, with that severity and NCTS category;
 * the passing cases are edge cases the rule must accept.
 */
class BusinessRulesTest {

    private static final String PRE = "/PreArrivalNotification";
    private static final String RS_MK = "rs-to-mk-pre-arrival.xml";
    private static final String RS_BG = "rs-to-bg-pre-arrival.xml";
    private static final String BG_RS = "bg-to-rs-pre-arrival.xml";
    private static final String EXIT = "mk-to-rs-exit.xml";

    private static final String RECOGNITION = "<Recognition><Agreement>MK-RS-SEED</Agreement>"
            + "<AgreementVersion>1</AgreementVersion></Recognition>";

    private static final NotificationValidator VALIDATOR = new NotificationValidator(10 * 1024 * 1024);

    static Stream<Arguments> breaches() {
        return Stream.of(
                breach("R0028", RS_MK, "<MRN>26RS0110T0000452M5", "<MRN>26RS0110T0000452M6", PRE + "/MRN", 14),
                breach("R0028", RS_MK, "<MRN>26RS0110T0000452M5", "<MRN>26RS0110T0000452MX", PRE + "/MRN", 14),
                breach("R0410", RS_MK, "<SecurityIndicator>3<", "<SecurityIndicator>2<", PRE + "/MRN", 14),
                breach("R0410", RS_MK, "<MRN>26RS0110T0000452M5", "<MRN>" + Edits.mrn("26RS0110T0000452A"), PRE + "/MRN", 14),
                breach("R0410", EXIT, "<SecurityIndicator>1<", "<SecurityIndicator>0<", "/ExitNotification/MRN", 14),
                breach("C2C-MRN-COUNTRY", EXIT, "<MRN>27MK0010T0000321L6", "<MRN>" + Edits.mrn("27QQ0010T0000321L"),
                        "/ExitNotification/MRN", 12),
                breach("C2C-OFFICE-REFERENCE", BG_RS, "<ControlledBy>BG001000", "<ControlledBy>QQ001000",
                        PRE + "/ControlResult/ControlledBy", 12),
                breach("C2C-OFFICE-REFERENCE", EXIT, "<OfficeOfExit>MK001001", "<OfficeOfExit>EU001001",
                        "/ExitNotification/OfficeOfExit", 12),
                breach("C2C-OFFICE-DEPARTURE", RS_MK, "<OfficeOfDeparture>RS011000", "<OfficeOfDeparture>HR011000",
                        PRE + "/OfficeOfDeparture", 14),
                breach("C2C-OFFICE-ENTRY-EXIT", EXIT, "<OfficeOfEntry>RS022128", "<OfficeOfEntry>MK022128",
                        "/ExitNotification/OfficeOfEntry", 14),
                breach("C2C-OFFICE-TRANSIT", RS_BG, "<OfficeOfTransit>TR220100", "<OfficeOfTransit>RS220100",
                        PRE + "/OfficesOfTransit/OfficeOfTransit[2]", 14),
                breach("R0003", RS_BG, "<OfficeOfTransit>TR220100", "<OfficeOfTransit>BG005703",
                        PRE + "/OfficesOfTransit/OfficeOfTransit[2]", 14),
                breach("C2C-ROUTING", RS_MK, "<CountryOfRouting>MK</CountryOfRouting>", "",
                        PRE + "/OfficeOfEntry", 14),
                breach("C2C-COUNTRY-CODE", RS_MK, "<Nationality>RS<", "<Nationality>XX<",
                        PRE + "/BorderTransportMeans/Nationality", 12),
                breach("C2C-COUNTRY-CODE", RS_MK, "<Country>MK<", "<Country>EU<",
                        PRE + "/Parties/Consignee/Address/Country", 12),
                breach("C2C-UNLOCODE", RS_MK, "<PlaceOfLoading>RSBEG", "<PlaceOfLoading>QQBEG",
                        PRE + "/PlaceOfLoading", 12),
                breach("C2C-HS6", RS_MK, "<CommodityCode>320890", "<CommodityCode>770890",
                        PRE + "/GoodsItems/GoodsItem[2]/CommodityCode", 12),
                breach("C2C-HS6", RS_MK, "<CommodityCode>320890", "<CommodityCode>980000",
                        PRE + "/GoodsItems/GoodsItem[2]/CommodityCode", 12),
                breach("C2C-HS6", RS_MK, "<CommodityCode>847130", "<CommodityCode>000130",
                        PRE + "/GoodsItems/GoodsItem[1]/CommodityCode", 12),
                breach("R0007", RS_MK, "<SequenceNumber>2<", "<SequenceNumber>1<",
                        PRE + "/GoodsItems/GoodsItem[2]/SequenceNumber", 14),
                breach("G0005", RS_MK, "<SequenceNumber>2<", "<SequenceNumber>3<",
                        PRE + "/GoodsItems/GoodsItem[2]/SequenceNumber", 14),
                breach("C0569", RS_MK, "<NumberOfSeals>2<", "<NumberOfSeals>3<",
                        PRE + "/TransportEquipment[1]/Seals/NumberOfSeals", 14),
                breach("C0569", RS_BG, "<SealId>RS-T 7700881</SealId>", "",
                        PRE + "/TransportEquipment[1]/Seals/NumberOfSeals", 13),
                breach("C0569", RS_BG, "<NumberOfSeals>1<", "<NumberOfSeals>0<",
                        PRE + "/TransportEquipment[1]/Seals/NumberOfSeals", 15),
                breach("C0055", RS_BG, "<ContainerIndicator>0<", "<ContainerIndicator>1<",
                        PRE + "/ContainerIndicator", 13),
                breach("C0055", BG_RS, "<ContainerIndicator>1<", "<ContainerIndicator>0<",
                        PRE + "/TransportEquipment[1]/ContainerId", 15),
                breach("R0004", RS_MK, "<EstimatedArrivalDateTime>2026-03-10T14:30:00+01:00",
                        "<EstimatedArrivalDateTime>2026-03-10T08:15:00+02:00", PRE + "/EstimatedArrivalDateTime", 14),
                breach("R0004", RS_MK, "<EstimatedArrivalDateTime>2026-03-10T14:30:00+01:00",
                        "<EstimatedArrivalDateTime>2026-03-10T07:15:00Z", PRE + "/EstimatedArrivalDateTime", 14),
                breach("C2C-EXIT-TIME", EXIT, "<ActualExitDateTime>2027-01-21T09:47:00+01:00",
                        "<ActualExitDateTime>2027-01-21T09:58:00+01:00", "/ExitNotification/ActualExitDateTime", 14),
                breach("C2C-RECOGNITION", EXIT, "</Discrepancies>", "</Discrepancies>" + RECOGNITION,
                        "/ExitNotification/Recognition", 15));
    }

    @ParameterizedTest(name = "{0} in {1}: {2} -> {3}")
    @MethodSource("breaches")
    void breachGivesExactlyThatRuleAtItsPath(String rule, String sample, String from, String to, String path,
                                             int nctsCategory) {
        ValidationReport report = VALIDATOR.validate(Edits.sampleWith(sample, from, to));

        assertEquals(List.of(rule), report.findings().stream().map(ValidationFinding::rule).distinct().toList(),
                dump(report));
        ValidationFinding finding = report.findings().get(0);
        assertEquals(path, finding.path(), dump(report));
        assertEquals(nctsCategory, finding.category().code(), dump(report));
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().startsWith(path + ": "), finding.message());
        assertFalse(report.accepted());
    }

    static Stream<Arguments> acceptedEdgeCases() {
        return Stream.of(
                Arguments.of("Kosovo (XK) as a nationality", RS_MK, "<Nationality>RS<", "<Nationality>XK<"),
                Arguments.of("no security indicator: no 17th-character rule", RS_MK,
                        "<SecurityIndicator>3</SecurityIndicator>", ""),
                Arguments.of("export MRN (AES letter) on an exit notification", EXIT, "27MK0010T0000321L6",
                        Edits.mrn("27MK0010T0000321A")),
                Arguments.of("no seals and no seal ids", RS_BG,
                        "<NumberOfSeals>1</NumberOfSeals>\n            <SealId>RS-T 7700881</SealId>",
                        "<NumberOfSeals>0</NumberOfSeals>"),
                Arguments.of("last HS chapter, 97", RS_MK, "<CommodityCode>320890", "<CommodityCode>970110"),
                Arguments.of("first HS chapter, 01", RS_MK, "<CommodityCode>320890", "<CommodityCode>010130"),
                Arguments.of("exit recorded within the clock skew after preparation", EXIT,
                        "<ActualExitDateTime>2027-01-21T09:47:00+01:00", "<ActualExitDateTime>2027-01-21T09:57:00+01:00"),
                Arguments.of("arrival later, given in UTC", RS_MK, "<EstimatedArrivalDateTime>2026-03-10T14:30:00+01:00",
                        "<EstimatedArrivalDateTime>2026-03-10T07:16:00Z"),
                Arguments.of("office of entry is also the first office of transit", RS_BG, "<OfficeOfTransit>TR220100",
                        "<OfficeOfTransit>TR220101"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedEdgeCases")
    void edgeCaseIsAcceptedWithoutFindings(String why, String sample, String from, String to) {
        ValidationReport report = VALIDATOR.validate(Edits.sampleWith(sample, from, to));

        assertEquals(List.of(), report.findings(), why + "\n" + dump(report));
    }

    @ParameterizedTest
    @MethodSource("containerIds")
    void nonIsoContainerIsOnlyAWarning(String containerId) {
        ValidationReport report = VALIDATOR.validate(Edits.sampleWith(RS_MK, "CSQU3054383", containerId));

        assertTrue(report.accepted(), dump(report));
        ValidationFinding warning = report.warnings().get(0);
        assertEquals(1, report.findings().size(), dump(report));
        assertEquals("C2C-CONTAINER-ISO6346", warning.rule());
        assertEquals(PRE + "/TransportEquipment[1]/ContainerId", warning.path());
        assertEquals(NctsErrorCategory.RULE_VIOLATION, warning.category());
    }

    static Stream<String> containerIds() {
        return Stream.of("CSQU3054384", "CSQU305438", "SWAPBODY 12", "CSQX3054383");
    }

    static String dump(ValidationReport report) {
        return report.findings().stream().map(ValidationFinding::toString).collect(Collectors.joining("\n"));
    }

    private static Arguments breach(String rule, String sample, String from, String to, String path, int category) {
        return Arguments.of(rule, sample, from, to, path, category);
    }
}
