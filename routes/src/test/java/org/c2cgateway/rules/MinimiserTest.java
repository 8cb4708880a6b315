package org.c2cgateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.model.Samples;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MinimiserTest {

    private static final String PRE = "/PreArrivalNotification";
    private static final String RS_MK = "rs-to-mk-pre-arrival.xml";
    private static final String CONSIGNOR_NAME = "Tehnomarket Izvoz d.o.o.";

    /** What a strict agreement lets cross: the movement, the route, the declarant, the goods, no addresses. */
    static final DataSharing STRICT_PRE_ARRIVAL = Sharings.sharing(NotificationType.PRE_ARRIVAL,
            List.of("MessageId", "MRN", "PreparationDateTime", "DeclarationType", "OfficeOfDeparture", "OfficeOfExit",
                    "OfficeOfEntry", "OfficesOfTransit", "EstimatedArrivalDateTime", "CountriesOfRouting",
                    "BorderTransportMeans", "ContainerIndicator", "TransportEquipment", "PlaceOfLoading",
                    "TotalGrossMass", "Parties/Consignor/Name", "Parties/Declarant/Name",
                    "GoodsItems/GoodsItem/SequenceNumber", "GoodsItems/GoodsItem/Description",
                    "GoodsItems/GoodsItem/CommodityCode", "GoodsItems/GoodsItem/GrossMass",
                    "GoodsItems/GoodsItem/Packaging", "ControlResult"),
            List.of("Parties/Consignor/Name", "Parties/Declarant/Name"));
    static final DataSharing STRICT_EXIT = Sharings.sharing(NotificationType.EXIT,
            List.of("MessageId", "MRN", "PreparationDateTime", "OfficeOfExit", "ActualExitDateTime", "OfficeOfEntry",
                    "TransportEquipment", "SealsState", "NewSeals", "ControlResult"),
            List.of());

    private static final NotificationValidator VALIDATOR = new NotificationValidator(10 * 1024 * 1024);

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(Sharings.KEY);
    private final Minimiser minimiser = new Minimiser(pseudonymiser);

    /** MRN, the consignor (its name pseudonymised), and only the commodity codes of the goods. */
    private final DataSharing sharing = Sharings.sharing(NotificationType.PRE_ARRIVAL,
            List.of("MRN", "Parties/Consignor", "GoodsItems/GoodsItem/CommodityCode"),
            List.of("Parties/Consignor/Name"));

    @Test
    void keeps_a_listed_element_and_names_the_allow_entry() {
        MinimisedNotification result = minimiser.minimise(Samples.valid(RS_MK), sharing, "MK");

        assertTrue(result.kept().contains(action(PRE + "/MRN", "data-sharing.PRE_ARRIVAL.allow[0]")), dump(result));
        assertTrue(text(result).contains("<MRN>26RS0110T0000452M5</MRN>"), text(result));
    }

    @Test
    void keeps_the_whole_subtree_of_a_listed_element_naming_its_entry_for_each_leaf() {
        MinimisedNotification result = minimiser.minimise(Samples.valid(RS_MK), sharing, "MK");

        String consignor = PRE + "/Parties/Consignor";
        for (String leaf : List.of("/Identification", "/Address/Street", "/Address/Country",
                "/AeoAuthorisation[1]/Identification", "/AeoAuthorisation[1]/RoleCode")) {
            assertTrue(result.kept().contains(action(consignor + leaf, "data-sharing.PRE_ARRIVAL.allow[1]")),
                    leaf + " " + dump(result));
        }
        assertTrue(text(result).contains("<Street>Bulevar Mihajla Pupina 10</Street>"), text(result));
    }

    @Test
    void keeps_the_ancestors_of_a_listed_element_as_containers_without_their_other_children() {
        MinimisedNotification result = minimiser.minimise(Samples.valid(RS_MK), sharing, "MK");
        String xml = text(result);

        assertTrue(xml.contains("<GoodsItems>") && xml.contains("<CommodityCode>847130</CommodityCode>")
                && xml.contains("<CommodityCode>320890</CommodityCode>"), xml);
        assertFalse(xml.contains("<Description>") || xml.contains("<SequenceNumber>"), xml);
        assertFalse(xml.contains("Vardar Trade") || xml.contains("<Consignee>"), xml);
        assertFalse(result.kept().stream().anyMatch(kept -> kept.path().endsWith("/GoodsItems")), dump(result));
    }

    @Test
    void removes_unlisted_subtrees_once_at_their_top_with_positions_on_repeatable_elements() {
        MinimisedNotification result = minimiser.minimise(Samples.valid(RS_MK), sharing, "MK");
        List<String> removed = result.removed().stream().map(ElementAction::path).toList();

        assertTrue(removed.containsAll(List.of(PRE + "/MessageId", PRE + "/TransportEquipment[1]",
                PRE + "/TransportEquipment[2]", PRE + "/Parties/Consignee", PRE + "/Parties/Declarant",
                PRE + "/GoodsItems/GoodsItem[2]/Description", PRE + "/GoodsItems/GoodsItem[2]/Packaging[1]")), dump(result));
        assertFalse(removed.stream().anyMatch(path -> path.startsWith(PRE + "/TransportEquipment[1]/")), dump(result));
        assertTrue(result.removed().stream().allMatch(action -> action.clause().equals(sharing.ref())), dump(result));
    }

    @Test
    void pseudonymises_a_listed_leaf_with_the_partners_pseudonym_and_names_the_entry() {
        MinimisedNotification result = minimiser.minimise(Samples.valid(RS_MK), sharing, "MK");

        String pseudonym = pseudonymiser.pseudonym("MK", CONSIGNOR_NAME);
        assertTrue(text(result).contains("<Name>" + pseudonym + "</Name>"), text(result));
        assertFalse(text(result).contains(CONSIGNOR_NAME), text(result));
        assertEquals(List.of(action(PRE + "/Parties/Consignor/Name", "data-sharing.PRE_ARRIVAL.pseudonymise[0]")),
                result.pseudonymised());
        assertFalse(result.kept().stream().anyMatch(kept -> kept.path().endsWith("/Consignor/Name")), dump(result));
    }

    @Test
    void pseudonyms_are_stable_per_partner_and_differ_between_partners() {
        byte[] sample = Samples.valid(RS_MK);

        byte[] forMk = minimiser.minimise(sample, sharing, "MK").xml();
        byte[] forMkAgain = new Minimiser(new Pseudonymiser(Sharings.KEY)).minimise(sample, sharing, "MK").xml();
        String forBg = text(minimiser.minimise(sample, sharing, "BG"));

        assertEquals(new String(forMk, StandardCharsets.UTF_8), new String(forMkAgain, StandardCharsets.UTF_8));
        assertNotEquals(new String(forMk, StandardCharsets.UTF_8), forBg);
        assertTrue(forBg.contains(pseudonymiser.pseudonym("BG", CONSIGNOR_NAME)), forBg);
    }

    @Test
    void writes_the_canonical_namespace_as_default_without_comments_or_blank_lines() {
        String xml = text(minimiser.minimise(Samples.valid(RS_MK), sharing, "MK"));

        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<PreArrivalNotification xmlns=\"urn:c2c-gateway:notification:v1\">"), xml);
        assertFalse(xml.contains("<!--"), xml);
        assertFalse(xml.matches("(?s).*\\n[ \\t]*\\n.*"), xml);
    }

    @Test
    void keeps_text_in_any_script_and_escapes_markup_characters_as_utf_8() {
        byte[] cyrillic = new String(Samples.valid(RS_MK), StandardCharsets.UTF_8)
                .replace("<City>Beograd</City>", "<City>Београд &amp; Земун</City>").getBytes(StandardCharsets.UTF_8);
        DataSharing consignor = Sharings.sharing(NotificationType.PRE_ARRIVAL, List.of("Parties/Consignor"), List.of());

        String xml = text(minimiser.minimise(cyrillic, consignor, "MK"));

        assertTrue(xml.contains("<City>Београд &amp; Земун</City>"), xml);
    }

    @Test
    void reads_any_prefix_and_writes_the_default_namespace() {
        String prefixed = Samples.validText(RS_MK)
                .replace("<PreArrivalNotification xmlns=\"urn:c2c-gateway:notification:v1\">",
                        "<n:PreArrivalNotification xmlns:n=\"urn:c2c-gateway:notification:v1\">")
                .replaceAll("<(/?)([A-Z])", "<$1n:$2");

        String xml = text(minimiser.minimise(prefixed.getBytes(StandardCharsets.UTF_8), sharing, "MK"));

        assertTrue(xml.contains("<MRN>26RS0110T0000452M5</MRN>") && !xml.contains("<n:"), xml);
    }

    static Stream<String> validSamples() {
        return Samples.validNames().stream();
    }

    @ParameterizedTest
    @MethodSource("validSamples")
    void a_strict_allow_list_that_keeps_the_required_elements_gives_a_valid_notification(String sample) {
        DataSharing strict = sample.contains("exit") ? STRICT_EXIT : STRICT_PRE_ARRIVAL;

        MinimisedNotification result = minimiser.minimise(Samples.valid(sample), strict, "MK");

        ValidationReport report = VALIDATOR.validate(result.xml());
        assertTrue(report.accepted(), report.findings() + "\n" + text(result));
        assertFalse(result.removed().isEmpty(), dump(result));
    }

    @Test
    void compiles_each_clause_once_and_gives_the_same_result_every_time() {
        byte[] sample = Samples.valid(RS_MK);

        MinimisedNotification first = minimiser.minimise(sample, STRICT_PRE_ARRIVAL, "MK");
        MinimisedNotification second = minimiser.minimise(sample, STRICT_PRE_ARRIVAL, "MK");

        assertEquals(text(first), text(second));
        assertEquals(first.kept(), second.kept());
    }

    @Test
    void refuses_a_notification_of_another_type_than_the_clause() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minimiser.minimise(Samples.valid("mk-to-rs-exit.xml"), sharing, "RS"));

        assertTrue(e.getMessage().contains("ExitNotification") && e.getMessage().contains("data-sharing.PRE_ARRIVAL"),
                e.getMessage());
    }

    @Test
    void refuses_to_pseudonymise_an_element_with_children_naming_path_and_entry() {
        DataSharing wrong = Sharings.sharing(NotificationType.PRE_ARRIVAL, List.of("Parties/Consignor"),
                List.of("Parties/Consignor/Address"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> minimiser.minimise(Samples.valid(RS_MK), wrong, "MK"));

        assertTrue(e.getMessage().contains(PRE + "/Parties/Consignor/Address")
                && e.getMessage().contains("pseudonymise[0]"), e.getMessage());
    }

    private static ElementAction action(String path, String clause) {
        return new ElementAction(path, Sharings.clause(clause));
    }

    private static String text(MinimisedNotification result) {
        return new String(result.xml(), StandardCharsets.UTF_8);
    }

    private static String dump(MinimisedNotification result) {
        return "kept " + result.kept().stream().map(ElementAction::path).toList()
                + "\nremoved " + result.removed().stream().map(ElementAction::path).toList()
                + "\npseudonymised " + result.pseudonymised().stream().map(ElementAction::path).toList();
    }
}
