package org.c2cgateway.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.c2cgateway.rules.AgreementFiles.VALID;
import static org.c2cgateway.rules.AgreementFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version in force at the effective-date boundaries, as loaded from files. */
class VersionSelectionTest {

    @TempDir
    Path dir;

    private RuleSet twoVersions() {
        write(dir, "v1.yml", VALID);                                          // 2026-01-01 .. 2026-12-31
        write(dir, "v2.yml", VALID.replace("version: 1", "version: 2")
                .replace("effective-from: 2026-01-01", "effective-from: 2027-01-01")
                .replace("effective-to: 2026-12-31\n", ""));                  // 2027-01-01 ..
        RuleSetLoad load = RuleSetLoader.load(dir, AgreementFiles.SERBIA);
        assertTrue(load.clean(), load.findings().toString());
        return load.ruleSet();
    }

    private static Optional<Integer> versionOn(RuleSet rules, String day) {
        return rules.inForce("MK", LocalDate.parse(day)).map(Agreement::version);
    }

    @Test
    void no_version_the_day_before_the_first_takes_effect() {
        assertEquals(Optional.empty(), versionOn(twoVersions(), "2025-12-31"));
    }

    @Test
    void the_first_day_and_the_last_day_are_in_force() {
        RuleSet rules = twoVersions();
        assertEquals(Optional.of(1), versionOn(rules, "2026-01-01"));
        assertEquals(Optional.of(1), versionOn(rules, "2026-12-31"));
    }

    @Test
    void the_next_version_takes_over_the_day_after_and_stays_without_an_end() {
        RuleSet rules = twoVersions();
        assertEquals(Optional.of(2), versionOn(rules, "2027-01-01"));
        assertEquals(Optional.of(2), versionOn(rules, "2099-06-30"));
    }

    @Test
    void overlapping_versions_fail_lint_and_the_later_one_wins_if_used_anyway() {
        write(dir, "v1.yml", VALID.replace("effective-to: 2026-12-31\n", ""));
        write(dir, "v2.yml", VALID.replace("version: 1", "version: 2").replace("2026-01-01", "2026-07-01"));
        RuleSetLoad load = RuleSetLoader.load(dir, AgreementFiles.SERBIA);
        assertFalse(load.clean());
        assertEquals(Optional.of(1), versionOn(load.ruleSet(), "2026-06-30"));
        assertEquals(Optional.of(2), versionOn(load.ruleSet(), "2026-07-01"));
    }

    @Test
    void clauses_name_the_file_and_line_they_are_written_at() {
        RuleSet rules = twoVersions();
        Agreement v1 = rules.inForce("MK", LocalDate.parse("2026-05-01")).orElseThrow();
        assertEquals(dir.resolve("v1.yml") + ":10", v1.send().get(0).ref().location());
        assertEquals("RS-MK-TEST v1 flows.send[0]", v1.send().get(0).ref().label());
        DataSharing sharing = v1.sharing().get(org.c2cgateway.model.NotificationType.PRE_ARRIVAL);
        assertEquals("data-sharing.PRE_ARRIVAL", sharing.ref().clause());
        assertEquals(16, sharing.ref().line());
        assertEquals("data-sharing.PRE_ARRIVAL.allow[0]", sharing.allow().get(0).ref().clause());
        assertTrue(sharing.allow().get(0).paths().contains("Parties"));
        assertFalse(sharing.allow().get(0).paths().contains("Parties/Consignor"));
        assertEquals(1, v1.ref().line());
    }
}
