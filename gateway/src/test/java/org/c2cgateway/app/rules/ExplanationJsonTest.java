package org.c2cgateway.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micronaut.json.JsonMapper;

import org.c2cgateway.rules.AeoBenefit;
import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.ElementAction;
import org.c2cgateway.rules.Explanation;
import org.c2cgateway.rules.RecognitionMarks;
import org.junit.jupiter.api.Test;

/** The explain API answers the engine's {@link Explanation} field for field. */
class ExplanationJsonTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void an_explanation_is_answered_field_for_field() throws Exception {
        ClauseRef allow = new ClauseRef("RS-MK-SEED", 2, "data-sharing.PRE_ARRIVAL.allow[3]", "rs-mk-v2.yml", 27);
        ClauseRef aeo = new ClauseRef("RS-MK-SEED", 2, "aeo", "rs-mk-v2.yml", 40);
        Explanation explanation = new Explanation("OUTBOUND", "PRE_ARRIVAL", "26RS0110T0000452M5",
                LocalDate.of(2026, 3, 10), List.of(new Explanation.PartnerOutcome("MK", true, "flow RS-MK-SEED v2 "
                        + "flows.send[0]", Optional.of("RS-MK-SEED v2"), Optional.of("flows.send[0]"),
                        List.of(new ElementAction("/PreArrivalNotification/MRN", allow)),
                        List.of(new ElementAction("/PreArrivalNotification/LRN", allow)), List.of(),
                        List.of(new RecognitionMarks.RecognisedAeo("Consignor", "RS100123456", "MF", "AEOF",
                                Set.of(AeoBenefit.PRIORITY_LANE), aeo)),
                        Optional.empty(), Optional.empty(), List.of("G0201"))), Optional.empty());

        Map<?, ?> json = JSON.readValue(JSON.writeValueAsString(explanation), Map.class);

        assertEquals("OUTBOUND", json.get("direction"));
        assertEquals("2026-03-10", json.get("day"));
        Map<?, ?> mk = (Map<?, ?>) ((List<?>) json.get("partners")).get(0);
        assertEquals("RS-MK-SEED v2", mk.get("agreement"));
        Map<?, ?> removed = (Map<?, ?>) ((List<?>) mk.get("removed")).get(0);
        assertEquals("/PreArrivalNotification/LRN", removed.get("path"));
        assertEquals(Map.of("agreementId", "RS-MK-SEED", "version", 2, "clause", "data-sharing.PRE_ARRIVAL.allow[3]",
                "file", "rs-mk-v2.yml", "line", 27), removed.get("clause"));
        Map<?, ?> recognised = (Map<?, ?>) ((List<?>) mk.get("aeo")).get(0);
        assertEquals(List.of("PRIORITY_LANE"), recognised.get("benefits"));
        assertEquals(List.of("G0201"), mk.get("validationRules"));
    }

    @Test
    void a_refusal_names_its_clause() throws Exception {
        Explanation refused = new Explanation("INBOUND", "EXIT", "26MK0000000000001", LocalDate.of(2026, 3, 10),
                List.of(), Optional.of(new Explanation.Refusal("RS-MK-SEED v2 flows.accept", "rs-mk-v2.yml:12",
                        "/ExitNotification/OfficeOfExit", "no accept flow covers EXIT notifications for RS022128")));

        Map<?, ?> json = JSON.readValue(JSON.writeValueAsString(refused), Map.class);

        assertEquals(Map.of("clause", "RS-MK-SEED v2 flows.accept", "location", "rs-mk-v2.yml:12",
                "field", "/ExitNotification/OfficeOfExit", "reason",
                "no accept flow covers EXIT notifications for RS022128"), json.get("refusal"));
    }
}
