package org.c2cgateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.validation.NotificationValidator;
import org.junit.jupiter.api.Test;

/** Every clause type, as the engine applies it, on the demo samples. */
class AgreementEngineTest {

    private static final NotificationValidator VALIDATOR = new NotificationValidator(10_000_000);
    private static final Minimiser MINIMISER = new Minimiser(new Pseudonymiser(new byte[32]));
    private static final byte[] RS_TO_MK = TestAgreements.sample("rs-to-mk-pre-arrival.xml"); // 2026-03-10, MK001001
    private static final byte[] RS_TO_BG = TestAgreements.sample("rs-to-bg-pre-arrival.xml"); // 2026-11-18, via BG to TR
    private static final byte[] MK_TO_RS_EXIT = TestAgreements.sample("mk-to-rs-exit.xml");    // 2027-01-21, seals not OK, A2
    private static final byte[] BG_TO_RS = TestAgreements.sample("bg-to-rs-pre-arrival.xml");  // 2027-02-03, AEO WH, A1

    private static AgreementEngine engine(String country, Agreement... agreements) {
        return new AgreementEngine(new RulesInForce(new RuleSet(List.of(agreements))),
                new OwnIdentity(country, country.toLowerCase() + "-gateway"), MINIMISER, VALIDATOR);
    }

    @Test
    void aPreArrivalGoesToTheNextCountryUnderItsSendFlow() throws Exception {
        AgreementEngine rs = engine("RS", TestAgreements.with("MK", "RS-MK", 2).sends(NotificationType.PRE_ARRIVAL, "MK001001").build());

        OutboundPlan plan = rs.planOutbound(RS_TO_MK);

        assertEquals(1, plan.deliveries().size());
        Delivery mk = plan.deliveries().get(0);
        assertEquals("MK", mk.partner());
        assertEquals("RS-MK v2 flows.send[0]", mk.flow().ref().label());
        assertEquals(LocalDate.of(2026, 3, 10), plan.day());
        assertTrue(mk.notification().removed().isEmpty(), "the whole notification is shared");
    }

    @Test
    void theVersionInForceOnTheNotificationsDayDecides_bothEndsInclusive() throws Exception {
        Agreement v1 = TestAgreements.with("MK", "RS-MK", 1).to("2026-03-09").sends(NotificationType.PRE_ARRIVAL).build();
        Agreement v2 = TestAgreements.with("MK", "RS-MK", 2).from("2026-03-10").to("2026-03-10")
                .sends(NotificationType.PRE_ARRIVAL).build();
        Agreement v3 = TestAgreements.with("MK", "RS-MK", 3).from("2026-03-11").sends(NotificationType.PRE_ARRIVAL).build();

        assertEquals("RS-MK v2", engine("RS", v1, v2, v3).planOutbound(RS_TO_MK).deliveries().get(0).agreement().label());
        Agreement v2WithoutFlows = TestAgreements.with("MK", "RS-MK", 2).from("2026-03-10").to("2026-03-10").build();
        AgreementRefusedException noFlow = assertThrows(AgreementRefusedException.class,
                () -> engine("RS", v1, v2WithoutFlows, v3).planOutbound(RS_TO_MK));
        assertEquals("RS-MK v2 flows.send", noFlow.clause().label(), "v2 decides, though v1 and v3 would send");
        Agreement v1EndingThatDay = TestAgreements.with("MK", "RS-MK", 1).to("2026-03-10").sends(NotificationType.PRE_ARRIVAL).build();
        assertEquals(1, engine("RS", v1EndingThatDay).planOutbound(RS_TO_MK).deliveries().get(0).agreement().version());
        AgreementRefusedException noneInForce = assertThrows(AgreementRefusedException.class,
                () -> engine("RS", v1, v3).planOutbound(RS_TO_MK));
        assertTrue(noneInForce.getMessage().contains("no agreement with MK is in force on 2026-03-10"), noneInForce.getMessage());
        assertTrue(noneInForce.getMessage().contains("RS-MK v1 2020-01-01..2026-03-09"), noneInForce.getMessage());
        assertEquals("/PreArrivalNotification/OfficeOfEntry", noneInForce.field());
    }

    @Test
    void ofOverlappingVersionsTheOneThatTookEffectLastWins() throws Exception {
        Agreement old = TestAgreements.with("MK", "RS-MK", 1).sends(NotificationType.PRE_ARRIVAL).build();
        Agreement newer = TestAgreements.with("MK", "RS-MK", 2).from("2026-01-01").sends(NotificationType.PRE_ARRIVAL).build();

        assertEquals(2, engine("RS", newer, old).planOutbound(RS_TO_MK).deliveries().get(0).agreement().version());
    }

    @Test
    void aSendFlowLimitedToOtherOfficesRefusesNamingTheClauseAndItsOffices() {
        AgreementEngine rs = engine("RS", TestAgreements.with("MK", "RS-MK", 2).sends(NotificationType.PRE_ARRIVAL, "MK002002")
                .sends(NotificationType.EXIT).build());

        AgreementRefusedException refused = assertThrows(AgreementRefusedException.class, () -> rs.planOutbound(RS_TO_MK));

        assertEquals("RS-MK v2 flows.send", refused.clause().label());
        assertTrue(refused.getMessage().contains("no send flow for PRE_ARRIVAL at MK001001"), refused.getMessage());
        assertTrue(refused.getMessage().contains("flows.send[0] PRE_ARRIVAL at MK002002"), refused.getMessage());
    }

    @Test
    void aTransitGoesToEveryLaterCountryWithAnAgreement_andSaysWhyTheOthersGetNothing() throws Exception {
        AgreementEngine rs = engine("RS", TestAgreements.with("BG", "BG-RS", 1).sends(NotificationType.PRE_ARRIVAL).build());

        OutboundPlan plan = rs.planOutbound(RS_TO_BG);

        assertEquals(List.of("BG"), plan.deliveries().stream().map(Delivery::partner).toList());
        assertEquals(1, plan.notSent().size());
        assertEquals("TR", plan.notSent().get(0).country());
        assertTrue(plan.notSent().get(0).reason().contains("no agreement with TR"), plan.notSent().get(0).reason());
    }

    @Test
    void theAllowListRemovesAndPseudonymisesBeforeSigning() throws Exception {
        AgreementEngine rs = engine("RS", TestAgreements.with("MK", "RS-MK", 2).sends(NotificationType.PRE_ARRIVAL)
                .sharing(NotificationType.PRE_ARRIVAL, List.of("MessageId", "MRN", "PreparationDateTime", "SecurityIndicator",
                        "DeclarationType", "OfficeOfDeparture", "OfficeOfExit", "OfficeOfEntry", "EstimatedArrivalDateTime",
                        "CountriesOfRouting", "BorderTransportMeans", "ContainerIndicator", "TransportEquipment",
                        "PlaceOfLoading", "TotalGrossMass", "Parties/Declarant", "GoodsItems"),
                        List.of("Parties/Declarant/Name")).build());

        MinimisedNotification sent = rs.planOutbound(RS_TO_MK).deliveries().get(0).notification();

        String xml = new String(sent.xml(), StandardCharsets.UTF_8);
        assertFalse(xml.contains("Tehnomarket"), "the consignor is not allowed");
        assertFalse(xml.contains("Carinsko Posredovanje Sava"), "the declarant's name is pseudonymised");
        assertTrue(xml.contains("<Declarant>"), xml);
        assertTrue(VALIDATOR.validate(sent.xml()).accepted(), VALIDATOR.validate(sent.xml()).errors().toString());
        assertTrue(sent.removed().stream().anyMatch(a -> a.path().contains("Consignor")
                && a.clause().label().equals("RS-MK v2 data-sharing.PRE_ARRIVAL")), sent.removed().toString());
        assertEquals(1, sent.pseudonymised().size());
    }

    @Test
    void aNotificationNotLeavingThisCountryIsRefused() {
        AgreementRefusedException refused = assertThrows(AgreementRefusedException.class,
                () -> engine("MK", TestAgreements.with("RS", "RS-MK", 1).sends(NotificationType.PRE_ARRIVAL).build())
                        .planOutbound(RS_TO_MK));
        assertNull(refused.clause());
        assertEquals("/PreArrivalNotification/OfficeOfExit", refused.field());
    }

    @Test
    void inboundATypeTheAgreementDoesNotAcceptIsRefusedNamingTheClause() {
        AgreementEngine rs = engine("RS", TestAgreements.with("MK", "RS-MK", 2).accepts(NotificationType.PRE_ARRIVAL).build());

        AgreementRefusedException refused = assertThrows(AgreementRefusedException.class,
                () -> rs.admitInbound("MK", MK_TO_RS_EXIT));

        assertEquals("RS-MK v2 flows.accept", refused.clause().label());
        assertTrue(refused.getMessage().contains("accepts no EXIT from MK at RS022128"), refused.getMessage());
    }

    @Test
    void inboundUnsharedElementsAreRefusedOrStripped_asTheAgreementSays() throws Exception {
        TestAgreements narrow = TestAgreements.with("MK", "RS-MK", 2).accepts(NotificationType.EXIT)
                .sharing(NotificationType.EXIT, List.of("MessageId", "MRN", "PreparationDateTime", "SecurityIndicator",
                        "OfficeOfExit", "ActualExitDateTime", "OfficeOfEntry", "SealsState"), List.of());

        AgreementRefusedException refused = assertThrows(AgreementRefusedException.class,
                () -> engine("RS", narrow.unshared(UnsharedElements.REFUSE).build()).admitInbound("MK", MK_TO_RS_EXIT));
        assertEquals("RS-MK v2 data-sharing.EXIT", refused.clause().label());
        assertTrue(refused.getMessage().contains("/ExitNotification/Discrepancies"), refused.getMessage());

        InboundAdmission stripped = engine("RS", narrow.unshared(UnsharedElements.STRIP).build()).admitInbound("MK", MK_TO_RS_EXIT);
        String delivered = new String(stripped.deliverable(), StandardCharsets.UTF_8);
        assertFalse(delivered.contains("Discrepanc"), delivered);
        assertTrue(stripped.stripped().stream().anyMatch(a -> a.path().contains("Discrepancies")), stripped.stripped().toString());
        assertTrue(delivered.contains("<Recognition>"), delivered);
    }

    @Test
    void aeoStatusIsRecognisedOnlyForListedIdentitiesUnderRecognisedProgrammes_validOnTheDay() throws Exception {
        Map<String, Set<AeoBenefit>> programmes = Map.of("AEOF", Set.of(AeoBenefit.REDUCED_CONTROLS, AeoBenefit.PRIORITY_LANE));
        TestAgreements rsWithBg = TestAgreements.with("BG", "BG-RS", 1).accepts(NotificationType.PRE_ARRIVAL);

        RecognitionMarks listed = engine("RS", rsWithBg.aeo(programmes,
                new AeoIdentity("BG204123456", "AEOF", Optional.of(LocalDate.of(2027, 2, 3)), 2)).build())
                .admitInbound("BG", BG_TO_RS).marks();
        assertEquals(List.of("Consignor"), listed.aeo().stream().map(RecognitionMarks.RecognisedAeo::party).toList());
        assertEquals(programmes.get("AEOF"), listed.aeo().get(0).benefits());

        assertTrue(engine("RS", rsWithBg.aeo(programmes,
                new AeoIdentity("BG204123456", "AEOF", Optional.of(LocalDate.of(2027, 2, 2)), 2)).build())
                .admitInbound("BG", BG_TO_RS).marks().aeo().isEmpty(), "expired the day before");
        assertTrue(engine("RS", rsWithBg.aeo(programmes,
                new AeoIdentity("BG204123456", "AEOC", Optional.empty(), 2)).build())
                .admitInbound("BG", BG_TO_RS).marks().aeo().isEmpty(), "a programme the agreement does not recognise");
    }

    @Test
    void recognisedControlResultsAndSealsAreMarked() throws Exception {
        TestAgreements rsWithMk = TestAgreements.with("MK", "RS-MK", 2).accepts(NotificationType.EXIT);
        SealPractice mkCustoms = new SealPractice("MK customs seal", Pattern.compile("MK-C \\d{7}"));

        RecognitionMarks intactRequired = engine("RS", rsWithMk.controls("A1", "A2").seals(true, mkCustoms).build())
                .admitInbound("MK", MK_TO_RS_EXIT).marks();
        assertEquals("A2", intactRequired.control().orElseThrow().code());
        assertTrue(intactRequired.seals().isEmpty(), "seals found not OK at exit are not recognised");

        RecognitionMarks anySeals = engine("RS", rsWithMk.controls("A1").seals(false, mkCustoms).build())
                .admitInbound("MK", MK_TO_RS_EXIT).marks();
        assertTrue(anySeals.control().isEmpty(), "A2 is not recognised");
        assertEquals(List.of("MK customs seal"), anySeals.seals().orElseThrow().practices());

        String delivered = new String(engine("RS", rsWithMk.controls("A2").seals(false, mkCustoms).build())
                .admitInbound("MK", MK_TO_RS_EXIT).deliverable(), StandardCharsets.UTF_8);
        assertTrue(delivered.contains("<ControlRecognised>") && delivered.contains("<SealsRecognised>"), delivered);
    }

    @Test
    void theEuProfileChecksEoriNumbers_theNonEuProfileTrustsIdentifiersAsSent() throws Exception {
        byte[] oddEori = new String(BG_TO_RS, StandardCharsets.UTF_8).replace("<Identification>BG131998877<",
                "<Identification>BG-131/998877<").getBytes(StandardCharsets.UTF_8);
        assertTrue(VALIDATOR.validate(oddEori).accepted(), "the schema trusts any printable identifier");
        TestAgreements rsWithBg = TestAgreements.with("BG", "BG-RS", 1).accepts(NotificationType.PRE_ARRIVAL);

        engine("RS", rsWithBg.profile(ValidationProfile.Profile.NON_EU).build()).admitInbound("BG", oddEori);
        AgreementRefusedException refused = assertThrows(AgreementRefusedException.class,
                () -> engine("RS", rsWithBg.profile(ValidationProfile.Profile.EU).build()).admitInbound("BG", oddEori));
        assertEquals("BG-RS v1 validation", refused.clause().label());
        assertTrue(refused.getMessage().contains("C2C-EORI"), refused.getMessage());
    }
}
