package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AeoIdentityListTest {

    @Test
    void reads_identities_with_and_without_an_end() {
        AeoIdentityList.Read read = AeoIdentityList.parse("l.csv", """
                identification,programme,valid-until
                RS100123456,AEOF,2028-12-31

                # suspended until review: RS109999999
                RS102555111,AEOS,
                """);
        assertEquals(List.of(), read.findings());
        AeoIdentity full = read.identities().get("RS100123456");
        assertEquals(new AeoIdentity("RS100123456", "AEOF", Optional.of(LocalDate.parse("2028-12-31")), 2), full);
        assertTrue(full.validOn(LocalDate.parse("2028-12-31")));
        assertFalse(full.validOn(LocalDate.parse("2029-01-01")));
        assertEquals(Optional.empty(), read.identities().get("RS102555111").validUntil());
        assertEquals(5, read.identities().get("RS102555111").line());
    }

    @Test
    void reports_a_wrong_header_and_keeps_nothing() {
        AeoIdentityList.Read read = AeoIdentityList.parse("l.csv", "id,programme\nRS100123456,AEOF,\n");
        assertEquals(List.of("l.csv:1: header: the first line must be identification,programme,valid-until"),
                read.findings().stream().map(LintFinding::toString).toList());
        assertTrue(read.identities().isEmpty());
    }

    @Test
    void reports_each_bad_line_and_keeps_the_good_ones() {
        AeoIdentityList.Read read = AeoIdentityList.parse("l.csv", """
                identification,programme,valid-until
                RS100123456,AEOF,
                rs1,AEOF,
                RS100123456,AEOS,
                RS101987654,,2026-06-30
                RS101987655,AEOF,30.06.2026
                """);
        assertEquals(List.of(
                "l.csv:3: identification: 'rs1' is not an AEO identifier (country code and up to 15 characters, "
                        + "e.g. RS100123456)",
                "l.csv:4: identification: RS100123456 is already listed at line 2; list each identity once",
                "l.csv:5: programme: empty; give the partner's programme, e.g. AEOF",
                "l.csv:6: valid-until: '30.06.2026' is not a date; write YYYY-MM-DD, or leave it empty for no end"),
                read.findings().stream().map(LintFinding::toString).toList());
        assertEquals(1, read.identities().size());
    }
}
