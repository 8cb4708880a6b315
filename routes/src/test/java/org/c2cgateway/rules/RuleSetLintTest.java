package org.c2cgateway.rules;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.c2cgateway.rules.AgreementFiles.VALID;
import static org.c2cgateway.rules.AgreementFiles.lint;
import static org.c2cgateway.rules.AgreementFiles.lintChanged;
import static org.c2cgateway.rules.AgreementFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each lint check, with the exact {@code file:line: field: problem} line it prints. */
class RuleSetLintTest {

    private static final String SCHEMA = "(see /rules/agreement.schema.json)";
    private static final String ALLOW_STAR = "allow: [\"*\"]";

    @TempDir
    Path dir;

    @Test
    void a_valid_agreement_has_no_findings() {
        write(dir, "a.yml", VALID);
        assertEquals(List.of(), lint(dir));
    }

    @Test
    void reports_an_unknown_field_at_its_line() {
        assertEquals(List.of("a.yml:9: flows.sned: unknown field sned; remove it or correct its name " + SCHEMA),
                lintChanged(dir, "  send:", "  sned:"));
    }

    @Test
    void reports_a_value_outside_an_enumeration() {
        assertEquals(List.of("a.yml:10: flows.send[0].type: 'PREARRIVAL' is not one of [\"PRE_ARRIVAL\", \"EXIT\"]"),
                lintChanged(dir, "  - type: PRE_ARRIVAL\n      offices", "  - type: PREARRIVAL\n      offices"));
    }

    @Test
    void reports_a_value_not_matching_its_pattern() {
        assertEquals(List.of("a.yml:3: partner: 'mk' does not match the regex pattern ^[A-Z]{2}$"),
                lintChanged(dir, "partner: MK", "partner: mk"));
    }

    @Test
    void reports_a_missing_required_field() {
        assertEquals(List.of("a.yml:1: partner: required field missing; add partner " + SCHEMA),
                lintChanged(dir, "partner: MK\n", ""));
    }

    @Test
    void reports_a_file_that_is_not_yaml_at_the_parser_line() {
        assertEquals(List.of("a.yml:8: -: not valid YAML: mapping values are not allowed here"),
                lintChanged(dir, "  profile: NON_EU", "  profile: NON_EU\n   x: [1"));
    }

    @Test
    void refuses_tags_and_duplicate_keys() {
        assertEquals(List.of("a.yml:2: -: not valid YAML: Global tag is not allowed: "
                        + "tag:yaml.org,2002:python/object:os.system"),
                lintChanged(dir, "version: 1", "version: !!python/object:os.system 1"));
        assertEquals(List.of("a.yml:3: -: version is given twice; give each field once"),
                lintChanged(dir, "version: 1", "version: 1\nversion: 2"));
    }

    @Test
    void suggests_the_closest_element_for_an_unknown_path_or_wco_id() {
        assertEquals(List.of(
                "a.yml:17: data-sharing.PRE_ARRIVAL.allow[1]: unknown element Parties/Consigner/Name in pre-arrival "
                        + "notifications; did you mean Parties/Consignor/Name? (paths start below the root, e.g. "
                        + "Parties/Consignor/Name)",
                "a.yml:17: data-sharing.PRE_ARRIVAL.allow[2]: unknown WCO Data Model ID R022 in pre-arrival "
                        + "notifications; did you mean R012 (Parties/Carrier)?",
                "a.yml:17: data-sharing.PRE_ARRIVAL.allow[3]: element paths have no positions ([1]): "
                        + "GoodsItems/GoodsItem/CommodityCode names every occurrence"),
                lintChanged(dir, ALLOW_STAR, "allow: [\"*\", Parties/Consigner/Name, R022, "
                        + "\"GoodsItems/GoodsItem[1]/CommodityCode\"]"));
    }

    @Test
    void never_allows_the_recognition_element() {
        assertEquals(List.of("a.yml:17: data-sharing.PRE_ARRIVAL.allow[1]: Recognition is written only by the "
                        + "receiving gateway (its own recognitions); a sender may never send it, so no agreement "
                        + "can allow it: remove this entry"),
                lintChanged(dir, ALLOW_STAR, "allow: [\"*\", Recognition/Aeo]"));
    }

    @Test
    void pseudonymises_only_free_text_leaves_and_says_why_not() {
        String only = "; only free-text elements such as names can be";
        assertEquals(List.of(
                "a.yml:18: data-sharing.PRE_ARRIVAL.pseudonymise[0]: Parties/Consignor/Identification cannot be "
                        + "pseudonymised: its type has the pattern [A-Z]{2}[!-~]{1,15}, which a pseudonym "
                        + "(20 characters, PSN-…) does not match" + only,
                "a.yml:18: data-sharing.PRE_ARRIVAL.pseudonymise[1]: ContainerIndicator cannot be pseudonymised: "
                        + "its type is an enumeration [0, 1], not free text" + only,
                "a.yml:18: data-sharing.PRE_ARRIVAL.pseudonymise[2]: TransportEquipment/ContainerId cannot be "
                        + "pseudonymised: its type is too short (maxLength 17; a pseudonym needs 20)" + only,
                "a.yml:18: data-sharing.PRE_ARRIVAL.pseudonymise[3]: GoodsItems/GoodsItem/GrossMass cannot be "
                        + "pseudonymised: its type is xs:decimal, not free text" + only),
                lintChanged(dir, ALLOW_STAR, ALLOW_STAR + "\n    pseudonymise: [Parties/Consignor/Identification, "
                        + "ContainerIndicator, TransportEquipment/ContainerId, GoodsItems/GoodsItem/GrossMass, "
                        + "Parties/Consignor/Name, GoodsItems/GoodsItem/Description]"));
    }

    @Test
    void pseudonymises_only_inside_the_allow_list_and_keeps_required_elements() {
        assertEquals(List.of(
                "a.yml:17: data-sharing.PRE_ARRIVAL.allow: Parties/Declarant is required in Parties, which the list "
                        + "keeps, but is not allowed; allow Parties/Declarant (pseudonymise it if it is personal) so "
                        + "that the minimised notification stays schema-valid",
                "a.yml:18: data-sharing.PRE_ARRIVAL.pseudonymise[0]: Parties/Consignee/Name is not inside the "
                        + "allow-list, so it is removed, not pseudonymised; allow it (or an element containing it) "
                        + "first"),
                lintChanged(dir, ALLOW_STAR, "allow: [MessageId, D014, PreparationDateTime, DeclarationType, "
                        + "OfficeOfDeparture, OfficeOfExit, OfficeOfEntry, EstimatedArrivalDateTime, CountriesOfRouting, "
                        + "BorderTransportMeans, ContainerIndicator, PlaceOfLoading, TotalGrossMass, "
                        + "Parties/Consignor/Name, GoodsItems]\n    pseudonymise: [Parties/Consignee/Name]"));
    }

    @Test
    void names_a_required_top_level_element_left_out() {
        assertEquals(List.of("a.yml:17: data-sharing.PRE_ARRIVAL.allow: MRN is required in every pre-arrival "
                        + "notification but is not allowed; allow MRN (pseudonymise it if it is personal) so that "
                        + "the minimised notification stays schema-valid"),
                lintChanged(dir, ALLOW_STAR, "allow: [MessageId, PreparationDateTime, DeclarationType, "
                        + "OfficeOfDeparture, OfficeOfExit, OfficeOfEntry, EstimatedArrivalDateTime, CountriesOfRouting, "
                        + "BorderTransportMeans, ContainerIndicator, PlaceOfLoading, TotalGrossMass, Parties, GoodsItems]"));
    }

    @Test
    void refuses_an_end_before_the_start() {
        assertEquals(List.of("a.yml:5: effective-to: effective-to 2025-12-31 is before effective-from 2026-01-01; "
                        + "the version would never be in force: give a day on or after 2026-01-01"),
                lintChanged(dir, "effective-to: 2026-12-31", "effective-to: 2025-12-31"));
    }

    @Test
    void refuses_the_own_country_as_partner() {
        assertEquals(List.of("a.yml:3: partner: partner RS is this gateway's own country; name the other country "
                        + "of the agreement"),
                lintChanged(dir, "partner: MK", "partner: RS"));
    }

    @Test
    void reports_a_send_flow_without_a_route() {
        assertEquals(List.of(
                "a.yml:10: flows.send[0]: no route: AL is not a partner in the gateway configuration (c2c.partners), "
                        + "so nothing can be sent to it or accepted from it; configure the partner (endpoint and "
                        + "trust), or remove this agreement",
                "a.yml:11: flows.send[0].offices[0]: office MK001001 is not in AL; a send flow names offices in AL "
                        + "(the partner's offices of entry or transit)"),
                lintChanged(dir, "partner: MK", "partner: AL"));
    }

    @Test
    void reports_accept_offices_outside_the_own_country() {
        assertEquals(List.of("a.yml:14: flows.accept[0].offices[0]: office MK001001 is not in RS; an accept flow "
                        + "names offices in RS (our own offices of entry or transit)"),
                lintChanged(dir, "  accept:\n    - type: PRE_ARRIVAL\n",
                        "  accept:\n    - type: PRE_ARRIVAL\n      offices: [MK001001]\n"));
    }

    @Test
    void reports_a_flow_whose_type_shares_nothing() {
        assertEquals(List.of("a.yml:13: flows.accept[0]: EXIT flows, but data-sharing has no EXIT list, so nothing "
                        + "of it may cross; add data-sharing.EXIT"),
                lintChanged(dir, "  accept:\n", "  accept:\n    - type: EXIT\n"));
    }

    @Test
    void reports_a_partner_without_trust() {
        assertEquals(List.of("a.yml:3: partner: no trust is configured for HR (c2c.partners.HR.trust: issuing CAs "
                        + "and signing certificates), so its messages are refused before any agreement applies; "
                        + "configure its trust"),
                lintChanged(dir, "partner: MK\n", "partner: HR\n").subList(0, 1));
    }

    @Test
    void reports_unknown_rule_codes_and_computes_the_profile() {
        assertEquals(List.of("a.yml:8: validation.add-rules[0]: unknown partner-specific rule code C2C-FOO; known: "
                        + "C2C-EORI"),
                lintChanged(dir, "profile: NON_EU", "profile: NON_EU\n  add-rules: [C2C-FOO]"));
        write(dir, "a.yml", VALID.replace("profile: NON_EU", "profile: EU"));
        assertEquals(java.util.Set.of("C2C-EORI"), validationRules());
        write(dir, "a.yml", VALID.replace("profile: NON_EU", "profile: EU\n  remove-rules: [C2C-EORI]"));
        assertEquals(java.util.Set.of(), validationRules());
        write(dir, "a.yml", VALID.replace("profile: NON_EU", "profile: NON_EU\n  add-rules: [C2C-EORI]"));
        assertEquals(java.util.Set.of("C2C-EORI"), validationRules());
    }

    private java.util.Set<String> validationRules() {
        return RuleSetLoader.load(dir, AgreementFiles.SERBIA).ruleSet().all().get(0).validation().rules();
    }

    @Test
    void reports_overlapping_versions_and_a_version_stated_twice_naming_both_files() {
        write(dir, "a.yml", VALID);
        write(dir, "b.yml", VALID.replace("version: 1", "version: 2").replace("2026-01-01", "2026-06-01")
                .replace("effective-to: 2026-12-31\n", ""));
        write(dir, "c.yml", VALID);
        assertEquals(List.of(
                "b.yml:4: effective-from: RS-MK-TEST v2 (2026-06-01..) overlaps RS-MK-TEST v1 (2026-01-01..2026-12-31) "
                        + "in a.yml with the same partner MK; end one version the day before the other begins",
                "c.yml:2: version: RS-MK-TEST v1 is also stated in a.yml; give each version one file, and a new text "
                        + "a new version",
                "c.yml:4: effective-from: RS-MK-TEST v1 (2026-01-01..2026-12-31) overlaps RS-MK-TEST v2 (2026-06-01..) "
                        + "in b.yml with the same partner MK; end one version the day before the other begins"),
                lint(dir));
    }

    @Test
    void reports_bad_aeo_identity_lines_at_their_csv_line_and_a_missing_list() {
        String aeo = "aeo:\n  programmes:\n    AEOF: [REDUCED_CONTROLS]\n  identities: aeo/%s\n";
        write(dir, "a.yml", VALID + aeo.formatted("mk.csv"));
        write(dir, "aeo/mk.csv", "identification,programme,valid-until\nMK4030000123456,AEOF,2028-06-30\n"
                + "MK40,AEOF\nMK4080012345678,AEOS,\nMK4002998765432,AEOF,2026-13-01\n");
        write(dir, "b.yml", VALID.replace("version: 1", "version: 2").replace("2026-01-01", "2027-01-01")
                .replace("2026-12-31", "2027-12-31") + aeo.formatted("missing.csv"));
        assertEquals(List.of(
                "aeo/mk.csv:3: -: expected 3 fields (identification,programme,valid-until), found 2",
                "aeo/mk.csv:5: valid-until: '2026-13-01' is not a date; write YYYY-MM-DD, or leave it empty for no end",
                "aeo/mk.csv:4: programme: MK4080012345678 is under AEOS, a programme the agreement does not recognise "
                        + "(aeo.programmes: AEOF); recognise it, or remove the line",
                "b.yml:21: aeo.identities: cannot read the AEO identity list aeo/missing.csv (NoSuchFileException); "
                        + "exchange the list with MK and put it there"),
                lint(dir));
    }

    @Test
    void names_files_as_given_relative_to_a_relative_directory() {
        write(dir, "a.yml", VALID.replace("partner: MK", "partner: RS"));
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        LintFinding finding = RuleSetLoader.load(relative, AgreementFiles.SERBIA).findings().get(0);
        assertEquals(relative.resolve("a.yml").toString(), finding.file());
    }

    @Test
    void reports_an_unreadable_directory_without_throwing() {
        assertEquals(1, RuleSetLoader.load(dir.resolve("none"), AgreementFiles.SERBIA).findings().size());
    }
}
